"""GET /people/{id}: a person, the posts they held, their meetings by type."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import NAME_SCHEMA, ReaderDep, check_day, string_schema
from api.meeting_records import meeting_counts
from api.posts_at import held_on
from api.reads import one_read_transaction
from api.resolve import entity_row
from api.schemas.common import ERRORS
from api.schemas.entities import PersonOut, PostHeld
from core.date_pattern import DAY_PATTERN

router = APIRouter(tags=["entities"])


@router.get("/people/{id}", response_model=PersonOut, responses=ERRORS, summary="One person")
@one_read_transaction
def get_person(
    reader: ReaderDep,
    id: Annotated[str, Path(max_length=200, examples=["abdoulaye-diop"], json_schema_extra=NAME_SCHEMA)],
    at: Annotated[
        str | None,
        Query(
            description="only the posts held on this day (YYYY-MM-DD, a real calendar day)",
            json_schema_extra=string_schema(pattern=DAY_PATTERN),
        ),
    ] = None,
) -> PersonOut:
    """The person with this id, or the one person this name, alias or accent-free id designates ("serguei-lavrov",
    "Sergei Lavrov"): roles over time and meeting counts by type (404 with suggestions when none
    matches); with `at`,
    only the posts known to be held that day (gazetteer since/until, or the days of articles naming the post)."""
    at = check_day(at, "at")
    row = entity_row(reader, "get_person", id, "person")
    return PersonOut(
        id=row["id"],
        name=row["name"],
        aliases=row["aliases"],
        wikidata=row["wikidata"],
        roles=[role for role in (PostHeld.model_validate(r) for r in row["roles"]) if at is None or held_on(role, at)],
        meetings=meeting_counts(row),
    )
