"""GET /states/{iso3}: a state, the people who held posts for it, its meetings by type."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import ReaderDep
from api.errors import NotFoundError
from api.meeting_records import meeting_counts
from api.schemas.common import ERRORS
from api.schemas.entities import PostHeld, StateOut

router = APIRouter(tags=["entities"])


@router.get("/states/{iso3}", response_model=StateOut, responses=ERRORS, summary="One state")
def get_state(reader: ReaderDep, iso3: Annotated[str, Path(pattern=r"^[A-Za-z]{3}$", examples=["RUS"])]) -> StateOut:
    """The state with this ISO 3166-1 alpha-3 code (any case), posts held for it, meetings by type."""
    row = reader.one("get_state", iso3=iso3.upper())
    if row is None:
        raise NotFoundError(f"No state with ISO3 code '{iso3.upper()}' in the graph.")
    return StateOut(
        iso3=row["iso3"],
        name=row["name"],
        name_en=row["name_en"],
        wikidata=row["wikidata"],
        roles=[PostHeld.model_validate(r) for r in row["roles"]],
        meetings=meeting_counts(row),
    )
