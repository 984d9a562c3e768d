"""Reach over HTTP (a real `malikg serve` on the seed graph written by the real GraphWriter): every name of an
entity resolves the same way everywhere, unknown names and sectors are errors with help, GET /meetings filters,
`total` on lists, and CSV tables readable by a CSV reader."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import httpx
import neo4j
import pytest
from api_server import running_api, server_env
from e2e.seed_graph import DIOP_LAVROV_DATES, load_seed_graph

from api.tables import MEETING_COLUMNS


@pytest.fixture(scope="module")
def api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    neo4j_server.reset()
    with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth()) as driver:
        load_seed_graph(driver, neo4j_server.database)
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password)
    with running_api(env, tmp_path_factory.mktemp("api") / "api.log") as base:
        yield base


def _get(base: str, path: str, status: int = 200, headers: dict[str, str] | None = None, **params: Any) -> Any:
    response = httpx.get(f"{base}{path}", params=params, headers=headers, timeout=60.0)
    assert response.status_code == status, response.text
    return response


def _json(base: str, path: str, status: int = 200, **params: Any) -> Any:
    return _get(base, path, status, **params).json()


@pytest.mark.parametrize(
    "name", ["Russia", "Russie", "Fédération de Russie", "russie", "rus", "RUS", "Sergei Lavrov", "serguei-lavrov"]
)
def test_every_name_of_russia_or_lavrov_gives_the_same_contacts(api: str, name: str) -> None:
    body = _json(api, "/contacts", a="Diop", b=name)
    assert body["total"] == len(DIOP_LAVROV_DATES)
    assert [m["date"] for m in body["meetings"]] == list(DIOP_LAVROV_DATES)


@pytest.mark.parametrize("name", ["sergueï-lavrov", "serguei-lavrov", "Sergei Lavrov", "Lavrov", "SERGUEÏ LAVROV"])
def test_person_page_under_any_name(api: str, name: str) -> None:
    assert _json(api, f"/people/{name}")["id"] == "sergueï-lavrov"


@pytest.mark.parametrize("name", ["onu", "ONU", "United Nations", "Nations unies"])
def test_organisation_page_under_any_name(api: str, name: str) -> None:
    assert _json(api, f"/organisations/{name}")["id"] == "onu"


@pytest.mark.parametrize(("q", "kind", "key"), [("ONU", "organisation", "onu"), ("Russia", "state", "RUS")])
def test_search_finds_acronyms_and_english_names_first(api: str, q: str, kind: str, key: str) -> None:
    body = _json(api, "/search", q=q)
    assert (body["results"][0]["kind"], body["results"][0]["id"]) == (kind, key)
    assert body["total"] >= 1


def test_search_total_counts_every_page(api: str) -> None:
    first = _json(api, "/search", q="a", limit=1)
    assert len(first["results"]) == 1
    assert first["total"] > 1


def test_unknown_names_are_404_with_suggestions_never_empty(api: str) -> None:
    body = _json(api, "/contacts", 404, a="Diop", b="Lavrof")
    assert "suggestions" in body and any(s["id"] == "sergueï-lavrov" for s in body["suggestions"])
    assert "nobody-at-all" in _json(api, "/people/nobody-at-all", 404)["detail"]
    _json(api, "/organisations/no-such-body", 404)
    _json(api, "/meetings", 404, person="Nobody Atall")


def test_stats_of_an_unknown_state_is_404(api: str) -> None:
    assert "XYZ" in _json(api, "/stats", 404, state="XYZ")["detail"]
    assert [p["iso3"] for p in _json(api, "/stats", state="rus")["meetings_per_partner"]] == ["MLI"]


@pytest.mark.parametrize("sector", ["défense", "DEFENSE", "Défense", "defence", "Defence"])
def test_sectors_accept_case_accents_and_english(api: str, sector: str) -> None:
    body = _json(api, "/partners", state="MLI", sector=sector)
    assert body["sector"] == "défense"
    assert [(p["iso3"], p["meetings"]) for p in body["partners"]] == [("RUS", 1)]


def test_unknown_sector_is_422_listing_the_valid_ones(api: str) -> None:
    body = _json(api, "/partners", 422, state="MLI", sector="astrology")
    assert "défense" in body["valid"] and "défense (defence)" in body["detail"]
    _json(api, "/meetings", 422, sector="astrology")


def test_sectors_lists_the_vocabulary_with_counts(api: str) -> None:
    sectors = {s["name"]: s for s in _json(api, "/sectors")["sectors"]}
    assert sectors["défense"] == {"name": "défense", "label_en": "defence", "meetings": 1}
    assert sectors["diplomatie"]["meetings"] == 3
    assert sectors["espace"]["meetings"] == 0


def test_partners_report_total(api: str) -> None:
    body = _json(api, "/partners", state="Mali", limit=1)
    assert body["total"] == 2 and len(body["partners"]) == 1


def _dates(body: dict[str, Any]) -> list[str | None]:
    return [m["date"] for m in body["meetings"]]


@pytest.mark.parametrize(
    ("params", "dates"),
    [
        ({}, ["2023-09", "2024-01-15", "2024-02-28", "2024-08-01", "2024-09-26"]),
        ({"state": "Russia"}, list(DIOP_LAVROV_DATES)),
        ({"state": "DZA"}, ["2024-01-15"]),
        ({"person": "Lavrov", "type": "phone_call"}, ["2024-08-01"]),
        ({"sector": "defence"}, ["2024-02-28"]),
        ({"place": "new york"}, ["2023-09", "2024-09-26"]),
        ({"organisation": "United Nations", "from": "2024"}, ["2024-09-26"]),
        ({"from": "2024", "to": "2024-08"}, ["2024-01-15", "2024-02-28", "2024-08-01"]),
        ({"sort": "-date", "state": "RUS"}, list(reversed(DIOP_LAVROV_DATES))),
        ({"type": "audience", "state": "RUS"}, []),
    ],
)
def test_meetings_filters_combine(api: str, params: dict[str, str], dates: list[str]) -> None:
    body = _json(api, "/meetings", **params)
    assert _dates(body) == dates
    assert body["total"] == len(dates)


def test_meetings_paging_keeps_the_total(api: str) -> None:
    page = _json(api, "/meetings", limit=2, offset=2)
    assert page["total"] == 5 and _dates(page) == ["2024-02-28", "2024-08-01"]
    _json(api, "/meetings", 422, type="dinner")


def _csv(response: httpx.Response) -> list[dict[str, str]]:
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


def test_meetings_as_csv_one_row_per_meeting(api: str) -> None:
    rows = _csv(_get(api, "/meetings", format="csv", state="RUS"))
    assert [r["date"] for r in rows] == list(DIOP_LAVROV_DATES)
    assert tuple(rows[0].keys()) == MEETING_COLUMNS
    moscow = rows[1]
    assert moscow["place"] == "Moscou" and moscow["type"] == "bilateral_meeting"
    assert "Sergueï Lavrov (ministre des Affaires étrangères)" in moscow["participants"]
    assert moscow["states"] == "Mali (MLI); Russie (RUS)"
    assert moscow["source_urls"].startswith("https://") and moscow["evidence"]
    assert "défense" in moscow["sectors"].split("; ")


@pytest.mark.parametrize(
    ("path", "params", "rows"),
    [
        ("/contacts", {"a": "Diop", "b": "Lavrov"}, 4),
        ("/timeline", {"entity": "Algeria"}, 1),
    ],
)
def test_contacts_and_timeline_as_csv_by_accept_header(api: str, path: str, params: dict[str, str], rows: int) -> None:
    table = _csv(_get(api, path, headers={"Accept": "text/csv"}, **params))
    assert len(table) == rows and all(r["id"] for r in table)
    assert "meetings" in _get(api, path, **params).json()


def test_partners_as_csv(api: str) -> None:
    rows = _csv(_get(api, "/partners", format="csv", state="MLI"))
    assert [(r["iso3"], r["meetings"]) for r in rows] == [("RUS", "4"), ("DZA", "1")]
    assert rows[0]["sectors"].startswith("sécurité: 3")
