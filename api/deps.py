"""Dependencies shared by the routes: settings, the app's driver, a per-request reader, pagination, dates."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import anyio.to_thread
from fastapi import Depends, Query, Request
from neo4j import Driver
from neo4j.exceptions import DatabaseUnavailable, ServiceUnavailable, SessionExpired

from api.errors import DatabaseDownError, InvalidParameterError
from api.reads import GraphReader
from api.resolve import sector_names
from core.date_pattern import DATE_PATTERN, DAY_PATTERN
from core.dates import PartialDate
from core.errors import PartialDateError
from core.settings import Settings, get_settings

MAX_LIMIT = 500


async def get_driver(request: Request) -> AsyncIterator[Driver]:
    """The process-wide driver created in the lifespan, behind the circuit breaker (`api.breaker`): while Neo4j is
    known to be down this answers 503 at once, on the event loop, without taking a worker thread."""
    breaker = request.app.state.breaker
    if not breaker.admit():
        raise DatabaseDownError(retry_after_s=breaker.retry_after_s())
    driver: Driver = request.app.state.driver
    try:
        yield driver
    except (ServiceUnavailable, SessionExpired, DatabaseUnavailable):
        breaker.failed()
        raise
    except BaseException:
        breaker.released()
        raise
    breaker.succeeded()


async def settings() -> Settings:
    """The process-wide settings, on the event loop (a plain `def` dependency would take a worker thread)."""
    return get_settings()


SettingsDep = Annotated[Settings, Depends(settings)]
DriverDep = Annotated[Driver, Depends(get_driver)]


async def get_reader(driver: DriverDep, settings: SettingsDep) -> AsyncIterator[GraphReader]:
    """One reader (one session) per request, closed when the response is done. Made on the event loop (it opens
    nothing until the route reads); a session left open is closed in a worker thread, since that may talk to Neo4j
    (a route in `one_read_transaction` closes its own: no thread hand-off here)."""
    reader = GraphReader(driver, settings.neo4j_database, settings.malikg_query_timeout_s)
    try:
        yield reader
    finally:
        if reader.has_session:
            await anyio.to_thread.run_sync(reader.close)


ReaderDep = Annotated[GraphReader, Depends(get_reader)]


@dataclass(frozen=True)
class Page:
    """Bounded pagination."""

    limit: int
    offset: int


async def get_page(  # async: a pure check, run on the event loop instead of in a worker thread
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows to return (1..{MAX_LIMIT}).")] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip.")] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


PageDep = Annotated[Page, Depends(get_page)]
_DATE = re.compile(DATE_PATTERN)
_DAY = re.compile(DAY_PATTERN)


def string_schema(**constraints: Any) -> Callable[[dict[str, Any]], None]:
    """A `json_schema_extra` that documents `constraints` on the string branch of an optional parameter's schema
    (`anyOf: [{type: string}, {type: null}]`), for checks the route makes itself (with its own 422 message)."""

    def extend(schema: dict[str, Any]) -> None:
        for branch in schema.get("anyOf", [schema]):
            if branch.get("type") == "string":
                branch.update(constraints)

    return extend


# An entity's name or id: at least one character that is not white space (`resolve_entity` answers a blank one
# with its own 422; the schema says so, so generators never send one as valid).
NAME_SCHEMA = string_schema(pattern=r"\S")


def check_day(value: str | None, name: str) -> str | None:
    """A real calendar day YYYY-MM-DD (ASCII digits), else 422; read like `check_date`."""
    if value is not None and _DAY.search(value) is None:
        raise InvalidParameterError(f"'{name}' must be a calendar day YYYY-MM-DD, got {value!r}.")
    return None if value is None else value.removesuffix("\n")


def check_date(value: str | None, name: str) -> str | None:
    """A real calendar date as YYYY, YYYY-MM or YYYY-MM-DD (ASCII digits), else 422.

    Matched as JSON Schema validators match `DATE_PATTERN` (`re.search`, where `$` also matches before a final
    newline); that newline is dropped."""
    if value is None:
        return None
    try:
        if _DATE.search(value) is None:
            raise PartialDateError(value)
        PartialDate.parse(value.removesuffix("\n"))
    except PartialDateError:
        raise InvalidParameterError(f"'{name}' must be a date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}.") from None
    return value.removesuffix("\n")


@dataclass(frozen=True)
class Period:
    """An inclusive period; each end is optional and may be a year, a month or a day."""

    start: str | None
    end: str | None


async def get_period(  # async: a pure check, run on the event loop instead of in a worker thread
    from_: Annotated[
        str | None,
        Query(
            alias="from",
            description="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date), at most `to`.",
            examples=["2023"],
            json_schema_extra=string_schema(pattern=DATE_PATTERN),
        ),
    ] = None,
    to: Annotated[
        str | None,
        Query(
            description="Latest date: YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date).",
            examples=["2024-12-31"],
            json_schema_extra=string_schema(pattern=DATE_PATTERN),
        ),
    ] = None,
) -> Period:
    return check_period(from_, to)


def check_period(from_: str | None, to: str | None) -> Period:
    """The period of the query parameters `from` and `to`, else 422 (a bad date, or `from` after `to`)."""
    start, end = check_date(from_, "from"), check_date(to, "to")
    if start is not None and end is not None and start[: len(end)] > end[: len(start)]:
        raise InvalidParameterError(f"'from' ({start}) is after 'to' ({end}).")
    return Period(start=start, end=end)


PeriodDep = Annotated[Period, Depends(get_period)]
FormatDep = Annotated[
    Literal["json", "csv"] | None,
    Query(alias="format", description="`csv` for a table (same as `Accept: text/csv`); JSON by default."),
]


# The query parameters of the state-and-sector reads (GET /partners, GET /charts/partners), declared once.
StateParam = Annotated[
    str,
    Query(
        min_length=1,
        max_length=200,
        json_schema_extra=NAME_SCHEMA,
        description="ISO3 or name of the state.",
        examples=["MLI"],
    ),
]
SectorParam = Annotated[
    str | None,
    Query(
        max_length=50,
        description="Only meetings concerning this sector (French or English, any case; see GET /sectors).",
        examples=["défense"],
        json_schema_extra=string_schema(enum=sector_names()),
    ),
]
