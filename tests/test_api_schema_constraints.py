"""The constraints the OpenAPI schema documents are exactly those the API checks (no schemathesis ST202 "schema-valid
request rejected", no 2xx for a schema-invalid one): dates, sectors, judgement kinds, a document's `published` and
`url`."""

from __future__ import annotations

import asyncio
import re
from datetime import date, timedelta

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema_rs import Draft202012Validator
from pydantic import ValidationError

from api.deps import check_date, check_day
from api.errors import InvalidParameterError
from api.main import create_app
from api.resolve import resolve_sector, sector_names
from core.date_pattern import DATE_PATTERN, DAY_PATTERN, PUBLISHED_PATTERN
from graph.judgements import REQUIRED, JudgementIn
from ingest.models import Document
from ingest.readers import check_document

DATE = re.compile(DATE_PATTERN)
DAY = re.compile(DAY_PATTERN)


def _accepted(text: str) -> bool:
    try:
        check_date(text, "from")
    except InvalidParameterError:
        return False
    return True


YEARS = [0, 1, 4, 99, 100, 400, 1000, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999]


@pytest.mark.parametrize("year", YEARS)
def test_the_documented_date_pattern_is_exactly_what_the_api_accepts(year: int) -> None:
    texts = [f"{year:04d}"] + [f"{year:04d}-{m:02d}" for m in range(14)]
    texts += [f"{year:04d}-{m:02d}-{d:02d}" for m in range(14) for d in range(33)]
    disagree = [t for t in texts if bool(DATE.search(t)) != _accepted(t)]
    assert not disagree


@settings(max_examples=300, deadline=None)
@given(st.from_regex(DATE_PATTERN))
def test_every_string_of_the_pattern_is_accepted(text: str) -> None:
    assert _accepted(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-٣\n", max_size=11))
def test_what_the_pattern_refuses_is_refused(text: str) -> None:
    # as JSON Schema validators read a pattern: re.search; Unicode digits such as '٣' were accepted before
    assert bool(DATE.search(text)) == _accepted(text)


def _day_accepted(text: str) -> bool:
    try:
        check_day(text, "at")
    except InvalidParameterError:
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-٣\n", max_size=11))
def test_the_day_pattern_is_what_at_accepts(text: str) -> None:
    assert bool(DAY.search(text)) == _day_accepted(text)
    assert not DAY.search("2024-02-30") and DAY.search("2024-02-29") and not DAY.search("2023-02-29")


NAME_PARAMETERS = [
    ("/people/{id}", "id"),
    ("/organisations/{id}", "id"),
    ("/contacts", "a"),
    ("/timeline", "entity"),
    ("/network", "entity"),
    ("/partners", "state"),
    ("/meetings", "person"),
    ("/charts/timeline", "entity"),
    ("/export/rdf", "entity"),
    ("/search", "q"),
]


@pytest.mark.parametrize(("path", "name"), NAME_PARAMETERS)
def test_a_blank_name_is_outside_the_documented_schema(path: str, name: str) -> None:
    # resolve_entity refuses a blank name (422); generators read patterns with Python's re.search
    [parameter] = [p for p in create_app().openapi()["paths"][path]["get"]["parameters"] if p["name"] == name]
    [pattern] = [b["pattern"] for b in parameter["schema"].get("anyOf", [parameter["schema"]]) if "pattern" in b]
    assert [text for text in ("", " ", "\x1d", "\t\n") if re.search(pattern, text)] == []
    assert re.search(pattern, " Diop")


def test_sector_parameters_document_every_name_that_resolves() -> None:
    schema = create_app().openapi()
    for path in ("/meetings", "/partners", "/charts/partners"):
        (sector,) = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "sector"]
        (string,) = [b for b in sector["schema"]["anyOf"] if b.get("type") == "string"]
        assert string["enum"] == sector_names()
    assert all(resolve_sector(name) for name in sector_names())


@pytest.mark.parametrize("kind", sorted(REQUIRED))
def test_the_judgement_schema_says_which_fields_each_kind_needs(kind: str) -> None:
    schema = JudgementIn.model_json_schema()
    bare = {"kind": kind, "author": "a", "reason": "r"}
    with pytest.raises(ValidationError):
        JudgementIn.model_validate(bare)
    assert not Draft202012Validator(schema).is_valid(bare)
    full = bare | {f: ["a-1"] if f == "articles" else f"x-{f}" for f in REQUIRED[kind]}
    if "date" in full:
        full["date"] = "2024-02-30"  # not a day: both refuse it
        assert not Draft202012Validator(schema).is_valid(full)
        full["date"], full["precision"] = "2024-02", "day"  # a month is not a day's precision
        assert not Draft202012Validator(schema).is_valid(full)
        full["precision"] = "month"
    if "state" in full:
        full["state"] = "RUS"
    if "type" in full:
        full["type"] = "visit"
    JudgementIn.model_validate(full)
    assert Draft202012Validator(schema).is_valid(full)


async def _options(path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.options(path)


@pytest.mark.parametrize(
    ("path", "allow"),
    [("/judgements", "GET, POST"), ("/judgements/import", "POST"), ("/judgements/j-1", "DELETE"), ("/health", "GET")],
)
def test_a_405_lists_every_documented_method_of_the_path(path: str, allow: str) -> None:
    # Starlette listed only the first matching route's methods: GET for /judgements, DELETE for /judgements/import
    response = asyncio.run(_options(path))
    assert response.status_code == 405 and response.headers["allow"] == allow


def _published_accepted(text: str, today: date) -> bool:
    try:
        check_document(Document(id="d", text="Un texte.", published=text), today=today)
    except ValueError:
        return False
    return True


PUBLISHED = re.compile(PUBLISHED_PATTERN)
TODAY = date(2026, 6, 15)  # the future is the one rule of `published` no schema states (it moves every day)


@pytest.mark.parametrize("year", [1, 1000, 1899, 1900, 1904, 2000, 2024, 2026])
def test_the_published_pattern_is_what_documents_accept_up_to_today(year: int) -> None:
    texts = [f"{year:04d}-{m:02d}-{d:02d}" for m in range(14) for d in range(33)]
    texts = [t for t in texts if not (DAY.search(t) and date.fromisoformat(t) > TODAY + timedelta(days=1))]
    assert [t for t in texts if bool(PUBLISHED.search(t)) != _published_accepted(t, TODAY)] == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-٣\n", max_size=10))
def test_what_the_published_pattern_refuses_is_refused(text: str) -> None:
    if not PUBLISHED.search(text):
        assert not _published_accepted(text, TODAY)
    assert not PUBLISHED.search("1900-02-29") and PUBLISHED.search("2000-02-29") and not PUBLISHED.search("1899-12-31")


@pytest.mark.parametrize(
    ("url", "accepted"),
    [
        ("https://maliweb.net/a", True),
        ("HTTP://x.ml", True),
        ("javascript:alert(1)", False),
        ("https:///x", False),
        ("ftp://x.ml", False),
        ("http:// x", False),
        ("//x.ml", False),
    ],
)
def test_the_url_pattern_is_what_documents_accept(url: str, accepted: bool) -> None:
    [pattern] = [b["pattern"] for b in Document.model_json_schema()["properties"]["url"]["anyOf"] if "pattern" in b]
    try:
        check_document(Document(id="d", text="Un texte.", url=url))
        checked = True
    except ValueError:
        checked = False
    assert bool(re.search(pattern, url)) == checked == accepted
