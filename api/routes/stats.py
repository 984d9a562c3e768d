"""GET /stats: counts by label, meetings per year and per partner."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import ReaderDep
from api.schemas.analytics import PartnerCount, Stats, YearCount

router = APIRouter(tags=["analytics"])


@router.get("/stats", response_model=Stats, summary="What the graph holds")
def stats(
    reader: ReaderDep,
    state: Annotated[str, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 whose partners are counted.")] = "MLI",
) -> Stats:
    """Nodes per label, meetings per year (null: undated), and the partners of `state` by meetings."""
    counts = reader.one("count_nodes") or {}
    years = reader.rows("count_meetings_by_year")
    partners = reader.rows(
        "rank_partners", state=state.upper(), sector=None, offset=0, limit=100, **{"from": None, "to": None}
    )
    return Stats(
        counts={label: int(n) for label, n in counts.items()},
        meetings_per_year=[YearCount.model_validate(y) for y in years],
        meetings_per_partner=[PartnerCount(iso3=p["iso3"], name=p["name"], meetings=p["meetings"]) for p in partners],
    )
