"""GET /timeline: an entity's meetings in date order."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import NAME_SCHEMA, FormatDep, PageDep, PeriodDep, ReaderDep
from api.meeting_records import load_meetings
from api.reads import one_read_transaction
from api.resolve import resolve_entity
from api.schemas.common import ERRORS
from api.schemas.meetings import Timeline
from api.tables import CSV_CONTENT, meetings_csv, wants_csv

router = APIRouter(tags=["meetings"])


@router.get(
    "/timeline",
    response_model=Timeline,
    responses={**ERRORS, **CSV_CONTENT},
    summary="An entity's meetings in date order",
)
@one_read_transaction  # one read transaction per request: resolve and read together
def timeline(
    request: Request,
    reader: ReaderDep,
    page: PageDep,
    period: PeriodDep,
    entity: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            json_schema_extra=NAME_SCHEMA,
            description="Person, state or organisation: id or name.",
            examples=["Lavrov"],
        ),
    ],
    fmt: FormatDep = None,
) -> Timeline | Response:
    """Meetings the entity took part in (for an organisation: held in its frame), oldest first."""
    ref = resolve_entity(reader, entity)
    row = reader.one(
        "list_entity_meetings",
        kind=ref.kind,
        key=ref.id,
        offset=page.offset,
        limit=page.limit,
        **{"from": period.start, "to": period.end},
    )
    total, ids = (row["total"], row["meeting_ids"]) if row else (0, [])
    meetings = load_meetings(reader, ids)
    if wants_csv(request, fmt):
        return meetings_csv(meetings, "timeline.csv")
    return Timeline(entity=ref, total=total, limit=page.limit, offset=page.offset, meetings=meetings)
