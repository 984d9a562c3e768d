"""GET /partners: the states a state met, ranked by number of meetings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import PageDep, PeriodDep, ReaderDep
from api.resolve import resolve_entity
from api.schemas.analytics import Partner, Partners
from api.schemas.common import ERRORS

router = APIRouter(tags=["analytics"])


@router.get("/partners", response_model=Partners, responses=ERRORS, summary="Partner states ranked by meetings")
def partners(
    reader: ReaderDep,
    page: PageDep,
    period: PeriodDep,
    state: Annotated[
        str, Query(min_length=1, max_length=200, description="ISO3 or name of the state.", examples=["MLI"])
    ] = "MLI",
    sector: Annotated[
        str | None, Query(max_length=50, description="Only meetings concerning this sector.", examples=["défense"])
    ] = None,
) -> Partners:
    """States that took part in meetings with `state`, most meetings first, with the meetings per sector."""
    ref = resolve_entity(reader, state, kinds={"state"})
    rows = reader.rows(
        "rank_partners",
        state=ref.id,
        sector=sector,
        offset=page.offset,
        limit=page.limit,
        **{"from": period.start, "to": period.end},
    )
    return Partners(
        state=ref,
        sector=sector,
        limit=page.limit,
        offset=page.offset,
        partners=[Partner.model_validate(r) for r in rows],
    )
