"""GET /partners: the states a state met, ranked by number of meetings."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import FormatDep, PageDep, PeriodDep, ReaderDep, SectorParam, StateParam
from api.partners import rank_partners
from api.reads import one_read_transaction
from api.resolve import resolve_entity, resolve_sector
from api.schemas.analytics import Partner, Partners
from api.schemas.common import ERRORS
from api.tables import CSV_CONTENT, csv_response, wants_csv

router = APIRouter(tags=["analytics"])


@router.get(
    "/partners",
    response_model=Partners,
    responses={**ERRORS, **CSV_CONTENT},
    summary="Partner states ranked by meetings",
)
@one_read_transaction  # one read transaction per request: resolve and read together
def partners(
    request: Request,
    reader: ReaderDep,
    page: PageDep,
    period: PeriodDep,
    state: StateParam = "MLI",
    sector: SectorParam = None,
    fmt: FormatDep = None,
) -> Partners | Response:
    """States that took part in meetings with `state`, most meetings first, with the meetings per sector."""
    ref = resolve_entity(reader, state, kinds={"state"})
    sector = resolve_sector(sector)
    rows = rank_partners(reader, ref.id, sector, period.start, period.end, offset=page.offset, limit=page.limit)
    found = [Partner.model_validate({k: v for k, v in r.items() if k != "total_partners"}) for r in rows]
    if wants_csv(request, fmt):
        return csv_response((partner_row(p) for p in found), PARTNER_COLUMNS, "partners.csv")
    return Partners(
        state=ref,
        sector=sector,
        total=rows[0]["total_partners"] if rows else 0,
        limit=page.limit,
        offset=page.offset,
        partners=found,
    )


PARTNER_COLUMNS = ("iso3", "name", "meetings", "all_meetings", "first", "last", "sectors")


def partner_row(p: Partner) -> dict[str, object]:
    """One partner as flat cells; sectors as "défense: 3; sécurité: 2"."""
    row = p.model_dump(exclude={"sectors"})
    row["sectors"] = "; ".join(f"{s.sector}: {s.meetings}" for s in p.sectors)
    return row
