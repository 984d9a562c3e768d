"""Tables: meetings (and partners) flattened to one row each, written as CSV for pandas and spreadsheets.

One format-neutral row per meeting (`meeting_row`), shared by the API's `text/csv` answers and `malikg export csv`.
Multi-valued cells join their values with "; ".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

from fastapi import Request
from fastapi.responses import Response

from api.schemas.meetings import MeetingRecord
from graph.export.table import MEETING_COLUMNS

CSV_MEDIA_TYPE = "text/csv"
CSV_CONTENT: dict[int | str, dict[str, object]] = {
    200: {"content": {CSV_MEDIA_TYPE: {"example": "id,date,date_precision,type,...\n"}}},
}
_SEP = "; "


def _join(values: Iterable[str | None]) -> str:
    return _SEP.join(dict.fromkeys(v for v in values if v))


def meeting_row(m: MeetingRecord) -> dict[str, str]:
    """One meeting as flat text cells: participants "Name (role)", states "Name (ISO3)"."""
    return {
        "id": m.id,
        "date": m.date or "",
        "date_precision": m.date_precision or "",
        "type": m.type,
        "place": m.place.name if m.place else "",
        "place_state": (m.place.state or "") if m.place else "",
        "participants": _join(f"{p.name} ({p.role})" if p.role else p.name for p in m.participants),
        "states": _join(f"{s.name} ({s.iso3})" for s in m.states),
        "host_states": _join(s.iso3 for s in m.states if s.host),
        "sectors": _join(m.sectors),
        "organisations": _join(o.name for o in m.organisations),
        "source_urls": _join(s.url for s in m.sources),
        "outlets": _join(s.outlet for s in m.sources),
        "evidence": _join(s.evidence for s in m.sources),
        "confidence": "" if m.confidence is None else f"{m.confidence:.3f}",
    }


def write_csv(rows: Iterable[Mapping[str, object]], columns: Sequence[str], out: io.TextIOBase | io.StringIO) -> int:
    """Write a header and the rows; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def wants_csv(request: Request, fmt: str | None) -> bool:
    """`format=csv`, or an Accept header that prefers text/csv over JSON."""
    if fmt is not None:
        return fmt == "csv"
    accept = request.headers.get("accept", "")
    return CSV_MEDIA_TYPE in accept and "application/json" not in accept.split(CSV_MEDIA_TYPE)[0]


def csv_response(rows: Iterable[Mapping[str, object]], columns: Sequence[str], filename: str) -> Response:
    """A CSV attachment (UTF-8)."""
    buffer = io.StringIO()
    write_csv(rows, columns, buffer)
    return Response(
        buffer.getvalue(),
        media_type=f"{CSV_MEDIA_TYPE}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def meetings_csv(meetings: Iterable[MeetingRecord], filename: str) -> Response:
    return csv_response((meeting_row(m) for m in meetings), MEETING_COLUMNS, filename)
