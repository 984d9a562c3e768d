"""GET /charts/*: pictures for a paper, SVG (default) or PNG: an entity's timeline, partners by sector, contacts."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.charts import MEDIA_TYPES, ChartFormat, contacts_chart, partners_chart, timeline_chart
from api.deps import MAX_LIMIT, NAME_SCHEMA, PeriodDep, ReaderDep, SectorParam, StateParam
from api.errors import InvalidParameterError
from api.meeting_records import load_meetings
from api.partners import rank_partners
from api.reads import GraphReader
from api.resolve import resolve_entity, resolve_sector
from api.schemas.common import ERRORS
from api.schemas.meetings import MeetingRecord

router = APIRouter(prefix="/charts", tags=["charts"])

_IMAGES: dict[int | str, dict[str, object]] = {
    **ERRORS,
    200: {"content": {"image/svg+xml": {}, "image/png": {}}, "description": "The chart (SVG by default)."},
}
_FORMAT = Query(alias="format", description="svg (default) or png.")
_MAX_MEETINGS = 5_000


def _image(data: bytes, fmt: ChartFormat) -> Response:
    return Response(data, media_type=MEDIA_TYPES[fmt])


def _all_meetings(reader: GraphReader, query: str, **params: object) -> list[MeetingRecord]:
    """Every meeting id the list query returns (page by page, at most 5,000), as full records."""
    ids: list[str] = []
    while len(ids) < _MAX_MEETINGS:
        row = reader.one(query, offset=len(ids), limit=MAX_LIMIT, **params)
        page = row["meeting_ids"] if row else []
        ids += page
        if len(page) < MAX_LIMIT:
            break
    return [m for start in range(0, len(ids), MAX_LIMIT) for m in load_meetings(reader, ids[start : start + MAX_LIMIT])]


@router.get("/timeline", response_class=Response, responses=_IMAGES, summary="An entity's meetings per month")
def timeline(
    reader: ReaderDep,
    period: PeriodDep,
    entity: Annotated[
        str,
        Query(
            min_length=1, max_length=200, json_schema_extra=NAME_SCHEMA, description="Person, state or organisation."
        ),
    ],
    by: Annotated[
        Literal["partner", "type"], Query(description="Colour the bars by partner state or type.")
    ] = "partner",
    fmt: Annotated[ChartFormat, _FORMAT] = "svg",
) -> Response:
    """Stacked bars of the entity's meetings per month, coloured by partner state (the states other than the
    entity's own) or by meeting type. Meetings dated only by year, or undated, are counted in the title."""
    ref = resolve_entity(reader, entity)
    meetings = _all_meetings(
        reader, "list_entity_meetings", kind=ref.kind, key=ref.id, **{"from": period.start, "to": period.end}
    )
    own = _own_state(reader, ref.kind, ref.id)
    return _image(timeline_chart(ref.name, meetings, by, own, fmt), fmt)


def _own_state(reader: GraphReader, kind: str, key: str) -> str:
    """The entity's own side, which is not its partner: the state itself, or the state a person holds posts for."""
    if kind == "state":
        return key
    if kind == "person":
        row = reader.one("get_person", id=key) or {}
        for role in row.get("roles") or []:
            if role["of"]["kind"] == "state":
                return str(role["of"]["id"])
    return ""


@router.get("/partners", response_class=Response, responses=_IMAGES, summary="Partner states by sector")
def partners(
    reader: ReaderDep,
    period: PeriodDep,
    state: StateParam = "MLI",
    sector: SectorParam = None,
    top: Annotated[int, Query(ge=1, le=50, description="How many partners.")] = 15,
    fmt: Annotated[ChartFormat, _FORMAT] = "svg",
) -> Response:
    """Horizontal bars: the `top` partner states of `state`, stacked by the sectors their meetings concern."""
    ref = resolve_entity(reader, state, kinds={"state"})
    rows = rank_partners(reader, ref.id, resolve_sector(sector), period.start, period.end, limit=top)
    data = [(r["name"], {s["sector"]: s["meetings"] for s in r["sectors"]}) for r in rows]
    return _image(partners_chart(f"Partners of {ref.name} by sector", data, fmt), fmt)


@router.get("/contacts", response_class=Response, responses=_IMAGES, summary="Contacts of two entities over time")
def contacts(
    reader: ReaderDep,
    period: PeriodDep,
    a: Annotated[
        str,
        Query(
            min_length=1, max_length=200, json_schema_extra=NAME_SCHEMA, description="Person, state or organisation."
        ),
    ],
    b: Annotated[
        str,
        Query(
            min_length=1, max_length=200, json_schema_extra=NAME_SCHEMA, description="Person, state or organisation."
        ),
    ],
    fmt: Annotated[ChartFormat, _FORMAT] = "svg",
) -> Response:
    """Each contact between `a` and `b` as a marker on a time axis, one row per meeting type."""
    first, second = resolve_entity(reader, a), resolve_entity(reader, b)
    if first == second:
        raise InvalidParameterError(f"'a' and 'b' are the same entity ({first.kind} {first.id}).")
    meetings = _all_meetings(
        reader,
        "list_contacts",
        a_kind=first.kind,
        a_key=first.id,
        b_kind=second.kind,
        b_key=second.id,
        **{"from": period.start, "to": period.end},
    )
    return _image(contacts_chart(f"Contacts: {first.name} – {second.name}", meetings, fmt), fmt)
