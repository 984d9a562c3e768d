"""GET /contacts: every contact between two entities, with sources, in date order."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import NAME_SCHEMA, FormatDep, PageDep, PeriodDep, ReaderDep
from api.errors import InvalidParameterError
from api.meeting_records import load_meetings
from api.reads import one_read_transaction
from api.resolve import resolve_entity
from api.schemas.common import ERRORS
from api.schemas.meetings import Contacts
from api.tables import CSV_CONTENT, meetings_csv, wants_csv

router = APIRouter(tags=["meetings"])

_NAME = Query(
    min_length=1,
    max_length=200,
    json_schema_extra=NAME_SCHEMA,
    description="A person or state (or organisation): id, ISO3 or name.",
)


@router.get(
    "/contacts",
    response_model=Contacts,
    responses={**ERRORS, **CSV_CONTENT},
    summary="Every contact between two entities",
)
@one_read_transaction  # one read transaction per request: resolve and read together
def contacts(
    request: Request,
    reader: ReaderDep,
    page: PageDep,
    period: PeriodDep,
    a: Annotated[str, _NAME, Query(examples=["Diop"])],
    b: Annotated[str, _NAME, Query(examples=["Lavrov"])],
    fmt: FormatDep = None,
) -> Contacts | Response:
    """Meetings in which both take part, in date order (undated last), each with date and precision, type,
    place, participants and their role, states, sectors and every source with its evidence sentence.
    Names resolve by exact id first, then by name or alias (ignoring case and accents); an ambiguous name
    answers 409 with the candidates, an unknown one 404 with suggestions."""
    first, second = resolve_entity(reader, a), resolve_entity(reader, b)
    if first == second:
        raise InvalidParameterError(f"'a' and 'b' are the same entity ({first.kind} {first.id}).")
    row = reader.one(
        "list_contacts",
        a_kind=first.kind,
        a_key=first.id,
        b_kind=second.kind,
        b_key=second.id,
        offset=page.offset,
        limit=page.limit,
        **{"from": period.start, "to": period.end},
    )
    total, ids = (row["total"], row["meeting_ids"]) if row else (0, [])
    meetings = load_meetings(reader, ids)
    if wants_csv(request, fmt):
        return meetings_csv(meetings, "contacts.csv")
    return Contacts(a=first, b=second, total=total, limit=page.limit, offset=page.offset, meetings=meetings)
