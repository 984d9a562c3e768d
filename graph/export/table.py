"""`malikg export csv`: one row per meeting, the same columns as the API's CSV (api/tables.py MEETING_COLUMNS)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import TextIO

from graph.export.core import Record
from graph.export.names import Names

MEETING_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "type",
    "place",
    "place_state",
    "participants",
    "states",
    "host_states",
    "sectors",
    "organisations",
    "source_urls",
    "outlets",
    "evidence",
    "confidence",
)


def _join(values: Iterable[object]) -> str:
    return "; ".join(dict.fromkeys(str(v) for v in values if v))


def meeting_row(m: Record, names: Names) -> dict[str, str]:
    """A meeting record of the export core as flat text cells: participants "Name (role)", states "Name (ISO3)"."""
    place = names.get("places", m["places"][0]) if m["places"] else {}
    attendees = sorted(m["attendees"], key=lambda a: names.name("people", a["person"]))
    states = sorted(m["states"], key=lambda s: s["state"])
    articles = [names.get("articles", r["article"]) for r in sorted(m["reports"], key=lambda r: r["article"])]
    return {
        "id": m["id"],
        "date": m["date"] or "",
        "date_precision": m["date_precision"] or "",
        "type": m["type"],
        "place": place.get("name") or "",
        "place_state": _join(place.get("states") or []),
        "participants": _join(
            f"{names.name('people', a['person'])} ({a['role']})" if a["role"] else names.name("people", a["person"])
            for a in attendees
        ),
        "states": _join(f"{names.name('states', s['state'])} ({s['state']})" for s in states),
        "host_states": _join(s["state"] for s in states if s["host"]),
        "sectors": _join(sorted(m["sectors"])),
        "organisations": _join(names.name("organisations", o) for o in sorted(m["organisations"])),
        "source_urls": _join(a.get("url") for a in articles),
        "outlets": _join(a.get("outlet") for a in articles),
        "evidence": _join(r["evidence"] for r in sorted(m["reports"], key=lambda r: r["article"])),
        "confidence": "" if m["confidence"] is None else f"{m['confidence']:.3f}",
    }


def meeting_rows(pages: Iterable[tuple[str, list[Record]]]) -> Iterator[dict[str, str]]:
    """The rows of the meetings in the export core's pages, oldest first within each page."""
    names = Names()
    for section, records in pages:
        if names.add(section, records) or section != "meetings":
            continue
        yield from (meeting_row(m, names) for m in records)


def write_csv(pages: Iterable[tuple[str, list[Record]]], out: TextIO) -> int:
    """Write the header and one row per meeting; the number of rows."""
    writer = csv.DictWriter(out, fieldnames=list(MEETING_COLUMNS), lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in meeting_rows(pages):
        writer.writerow(row)
        count += 1
    return count
