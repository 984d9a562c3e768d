"""GET /organisations/{id}: an organisation, the people who held posts in it, meetings held in its frame."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import NAME_SCHEMA, ReaderDep
from api.meeting_records import meeting_counts
from api.reads import one_read_transaction
from api.resolve import entity_row
from api.schemas.common import ERRORS
from api.schemas.entities import OrganisationOut, PostHeld

router = APIRouter(tags=["entities"])


@router.get("/organisations/{id}", response_model=OrganisationOut, responses=ERRORS, summary="One organisation")
@one_read_transaction
def get_organisation(
    reader: ReaderDep, id: Annotated[str, Path(max_length=200, examples=["onu"], json_schema_extra=NAME_SCHEMA)]
) -> OrganisationOut:
    """The organisation with this id, or the one this acronym or name designates ("ONU", "United Nations"): posts
    held in it, meetings held in its frame by type; 404 with suggestions when none matches."""
    row = entity_row(reader, "get_organisation", id, "organisation")
    return OrganisationOut(
        id=row["id"],
        name=row["name"],
        acronym=row["acronym"],
        aliases=row["aliases"],
        wikidata=row["wikidata"],
        roles=[PostHeld.model_validate(r) for r in row["roles"]],
        meetings=meeting_counts(row),
    )
