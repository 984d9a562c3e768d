"""Unit tests of the API's pure parts: Lucene escaping, name folding, dates, the query catalog, route wiring."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from fastapi.routing import APIRoute

from api.catalog import QueryHeaderError, all_named_queries, named_query, parse_header
from api.deps import check_date, get_reader
from api.errors import InvalidParameterError, NotFoundError
from api.main import ROUTERS, create_app
from api.text import all_terms_query, escape_lucene, fuzzy_query
from core.text import fold
from graph.queries import load_query, read_query_names

API_DIR = Path(__file__).resolve().parents[1] / "api"


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("Lavrov", "lavrov"),
        (
            'a+b-c&&d||e!(f){g}[h]^"i"~j*k?l:m\\n/o',
            'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^\\"i\\"\\~j\\*k\\?l\\:m\\\\n\\/o',
        ),
        ("AND", "and"),
    ],
)
def test_escape_lucene_makes_every_special_character_literal(raw: str, escaped: str) -> None:
    assert escape_lucene(raw) == escaped


def test_queries_require_every_word_and_disarm_operators() -> None:
    assert all_terms_query("Sergueï Lavrov") == "serguei AND lavrov"
    assert all_terms_query("Algé", prefix_last=True) == "(alge OR alge*)"
    assert all_terms_query("diop OR *:*") == "diop AND or AND \\*\\:\\*"
    assert all_terms_query("lav", prefix_last=True) == "(lav OR lav*)"
    assert all_terms_query("   ") == ""
    assert fuzzy_query("Lavrof") == "lavrof~2"


def test_fold_ignores_case_accents_apostrophes_and_spacing() -> None:
    assert fold("Sergueï  LAVROV") == "serguei lavrov"
    assert fold("Côte d’Ivoire") == fold("cote d'ivoire")


@pytest.mark.parametrize("good", ["2024", "2024-02", "2024-02-29"])
def test_check_date_accepts_year_month_day(good: str) -> None:
    assert check_date(good, "from") == good


@pytest.mark.parametrize("bad", ["24", "2024-13", "2023-02-29", "2024/02/01", "2024-2-1", "yesterday"])
def test_check_date_rejects_anything_else(bad: str) -> None:
    with pytest.raises(InvalidParameterError):
        check_date(bad, "from")


def test_every_top_level_query_declares_what_it_answers_and_an_example_for_each_parameter() -> None:
    queries = all_named_queries()
    assert [q.name for q in queries] == read_query_names()
    for query in queries:
        assert query.description
        declared = {p.name for p in query.params}
        assert set(query.example) == declared, query.name
        text = load_query(query.name)
        used = {word for word in declared if f"${word}" in text}
        assert used == declared, f"{query.name}: declared but unused {declared - used}"


def test_queries_in_subfolders_are_not_exposed() -> None:
    for name in ("write", "export/meetings", "../pyproject", "no_such_query"):
        with pytest.raises(NotFoundError):
            named_query(name)


def test_bind_converts_and_validates_parameters() -> None:
    contacts = named_query("list_contacts")
    bound = contacts.bind({"a_kind": "person", "a_key": "x", "b_kind": "state", "b_key": "RUS", "limit": "5"})
    assert bound == {
        "a_kind": "person",
        "a_key": "x",
        "b_kind": "state",
        "b_key": "RUS",
        "from": None,
        "to": None,
        "offset": 0,
        "limit": 5,
    }
    bad = [
        {"a_kind": "person"},  # missing parameters
        {"a_kind": "person", "a_key": "x", "b_kind": "state", "b_key": "RUS", "limit": "five"},
        {"a_kind": "person", "a_key": "x", "b_kind": "state", "b_key": "RUS", "limit": "501"},
        {"a_kind": "person", "a_key": "x", "b_kind": "state", "b_key": "RUS", "from": "2024-13"},
        {"a_kind": "person", "a_key": "x", "b_kind": "state", "b_key": "RUS", "evil": "1"},
    ]
    for given in bad:
        with pytest.raises(InvalidParameterError):
            contacts.bind(given)
    assert named_query("search_entities").bind({"query": "x", "kinds": "person,state"})["kinds"] == ["person", "state"]


def test_malformed_headers_fail_loudly() -> None:
    with pytest.raises(QueryHeaderError):
        parse_header("x", "// @param a: strange  Unknown type.\nRETURN 1")
    with pytest.raises(QueryHeaderError):
        parse_header("x", "RETURN 1")


def _dependency_calls(dependant: object) -> set[object]:
    calls: set[object] = set()
    stack = [dependant]
    while stack:
        current = stack.pop()
        calls.add(getattr(current, "call", None))
        stack.extend(getattr(current, "dependencies", []))
    return calls


def test_every_graph_reading_route_goes_through_the_read_only_reader() -> None:
    create_app()  # wiring must succeed without a database
    routes = [route for module in ROUTERS for route in module.router.routes if isinstance(route, APIRoute)]
    readers = {route.path for route in routes if get_reader in _dependency_calls(route.dependant)}
    expected = {
        "/search",
        "/people/{id}",
        "/states/{iso3}",
        "/organisations/{id}",
        "/contacts",
        "/timeline",
        "/meetings/{id}",
        "/partners",
        "/network",
        "/stats",
        "/queries/{name}",
    }
    assert expected <= readers


def test_no_api_module_opens_sessions_or_writes_except_the_reader_and_the_documents_route() -> None:
    """The reader (api/reads.py) is the only code that opens sessions or runs Cypher; /documents writes only
    through graph.writer.GraphWriter. Checked on the syntax tree of every module under api/."""
    forbidden = {
        "session",
        "run",
        "execute_read",
        "execute_write",
        "execute_query",
        "begin_transaction",
        "read_transaction",
        "write_transaction",
    }
    for path in sorted(API_DIR.rglob("*.py")):
        if path.name == "reads.py" or path.parent.name == "routes" and path.name == "export.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {
            node.func.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        }
        assert not calls & forbidden, f"{path.relative_to(API_DIR.parent)} calls {calls & forbidden}"
