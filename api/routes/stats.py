"""GET /stats: counts by label, meetings per year and per partner."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import ReaderDep
from api.partners import rank_partners
from api.reads import one_read_transaction
from api.resolve import resolve_entity
from api.schemas.analytics import PartnerCount, Stats, YearCount
from api.schemas.common import ERRORS

router = APIRouter(tags=["analytics"])


@router.get("/stats", response_model=Stats, responses=ERRORS, summary="What the graph holds")
@one_read_transaction
def stats(
    reader: ReaderDep,
    state: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 whose partners are counted (default MLI).")
    ] = None,
) -> Stats:
    """Nodes per label, meetings per year (null: undated), and the partners of `state` by meetings; an ISO3 the
    graph does not hold answers 404."""
    iso3 = "MLI" if state is None else resolve_entity(reader, state, kinds={"state"}).id
    counts = reader.one("count_nodes") or {}
    years = reader.rows("count_meetings_by_year")
    partners = rank_partners(reader, iso3, None, None, None)
    return Stats(
        counts={label: int(n) for label, n in counts.items()},
        meetings_per_year=[YearCount.model_validate(y) for y in years],
        meetings_per_partner=[PartnerCount(iso3=p["iso3"], name=p["name"], meetings=p["meetings"]) for p in partners],
    )
