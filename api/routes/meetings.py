"""GET /meetings: meetings filtered by period, type, sector, place, state, person, organisation; GET /meetings/{id}."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from api.deps import NAME_SCHEMA, FormatDep, PageDep, PeriodDep, ReaderDep, string_schema
from api.errors import NotFoundError
from api.meeting_records import load_meetings
from api.reads import one_read_transaction
from api.resolve import resolve_entity, resolve_sector, sector_names
from api.schemas.common import ERRORS
from api.schemas.meetings import MeetingList, MeetingRecord
from api.tables import CSV_CONTENT, meetings_csv, wants_csv
from ingest.models import MeetingType

router = APIRouter(tags=["meetings"])

_NAME = "id or any name (case and accents ignored)"


@router.get(
    "/meetings",
    response_model=MeetingList,
    responses={**ERRORS, **CSV_CONTENT},
    summary="Meetings filtered by period, type, sector, place and who took part",
)
@one_read_transaction
def list_meetings(
    request: Request,
    reader: ReaderDep,
    page: PageDep,
    period: PeriodDep,
    fmt: FormatDep = None,
    type: Annotated[MeetingType | None, Query(description="Meeting type.")] = None,
    sector: Annotated[
        str | None,
        Query(
            max_length=50,
            description="Sector, French or English, any case or accents (see /sectors).",
            examples=["defence"],
            json_schema_extra=string_schema(enum=sector_names()),
        ),
    ] = None,
    place: Annotated[str | None, Query(max_length=200, description="Place id or name.", examples=["Moscou"])] = None,
    state: Annotated[
        str | None,
        Query(max_length=200, json_schema_extra=NAME_SCHEMA, description=f"State: ISO3, {_NAME}.", examples=["Russia"]),
    ] = None,
    person: Annotated[
        str | None,
        Query(max_length=200, json_schema_extra=NAME_SCHEMA, description=f"Person: {_NAME}.", examples=["Lavrov"]),
    ] = None,
    organisation: Annotated[
        str | None,
        Query(max_length=200, json_schema_extra=NAME_SCHEMA, description=f"Organisation: {_NAME}.", examples=["ONU"]),
    ] = None,
    sort: Annotated[Literal["date", "-date"], Query(description="`date` oldest first, `-date` newest first.")] = "date",
) -> MeetingList | Response:
    """Every meeting matching all the filters given, in date order (undated last), with `total` over all pages.
    Names resolve as everywhere in the API (404 with suggestions, 409 with candidates); an unknown sector is a
    422 listing the valid ones. `format=csv` or `Accept: text/csv`: one row per meeting."""
    state_ref = resolve_entity(reader, state, kinds={"state"}) if state is not None else None
    person_ref = resolve_entity(reader, person, kinds={"person"}) if person is not None else None
    org_ref = resolve_entity(reader, organisation, kinds={"organisation"}) if organisation is not None else None
    row = reader.one(
        "list_meetings",
        type=type,
        sector=resolve_sector(sector),
        place=place,
        state=state_ref.id if state_ref else None,
        person=person_ref.id if person_ref else None,
        organisation=org_ref.id if org_ref else None,
        descending=sort == "-date",
        offset=page.offset,
        limit=page.limit,
        **{"from": period.start, "to": period.end},
    )
    total, ids = (row["total"], row["meeting_ids"]) if row else (0, [])
    meetings = load_meetings(reader, ids)
    if wants_csv(request, fmt):
        return meetings_csv(meetings, "meetings.csv")
    return MeetingList(total=total, limit=page.limit, offset=page.offset, meetings=meetings)


@router.get(
    "/meetings/{id}", response_model=MeetingRecord, responses=ERRORS, summary="One meeting with all its reports"
)
def get_meeting(reader: ReaderDep, id: Annotated[str, Path(max_length=200)]) -> MeetingRecord:
    """The meeting, its place, participants, states, sectors, organisations and every article reporting it."""
    found = load_meetings(reader, [id])
    if not found:
        raise NotFoundError(f"No meeting with id '{id}'; meeting ids appear in /meetings, /contacts and /timeline.")
    return found[0]
