"""The API over HTTP (a real `malikg serve` process) on small graphs written by the real GraphWriter from
hand-built extractions: name resolution (409/404), dates and ordering, pagination, errors, writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
from api_server import running_api, server_env

from graph.writer import GraphWriter
from ingest.curation import load_reference
from ingest.models import Extraction, Meeting, Person, Role, StateRef


@pytest.fixture(scope="module")
def api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password, MALIKG_API_KEY="test-key-123")
    with running_api(env, tmp_path_factory.mktemp("api") / "api.log") as base:
        yield base


def _get(base: str, path: str, **params: Any) -> httpx.Response:
    return httpx.get(f"{base}{path}", params=params, timeout=60.0)


def person(pid: str, name: str, aliases: list[str], title: str, state: str) -> Person:
    return Person(id=pid, name=name, aliases=aliases, roles=[Role(title=title, represents=state)])


DIOP = person("abdoulaye-diop", "Abdoulaye Diop", ["Diop", "Abdoulaye DIOP"], "ministre des Affaires étrangères", "MLI")
LAVROV = person("sergueï-lavrov", "Sergueï Lavrov", ["Lavrov"], "ministre des Affaires étrangères", "RUS")
SADIO = person("sadio-camara", "Sadio Camara", ["Camara"], "ministre de la Défense", "MLI")
ANSOUMANE = person("ansoumane-camara", "Ansoumane Camara", ["Camara"], "ambassadeur", "GIN")
DIOP_SALL = person("fatou-diop-sall", "Fatou Diop-Sall", [], "ambassadrice", "SEN")


def meeting(mid: str, date: str | None, participants: list[Person], states: list[str], **extra: Any) -> Meeting:
    precision = None if date is None else {4: "year", 7: "month", 10: "day"}[len(date)]
    return Meeting(
        id=mid,
        type=extra.pop("type", "bilateral_meeting"),
        date=date,
        date_precision=precision,
        participants=[p.id for p in participants],
        roles={p.id: p.roles[0].title for p in participants},
        states=states,
        evidence=f"Evidence of {mid}.",
        confidence=0.9,
        **extra,
    )


def write(driver: neo4j.Driver, doc_id: str, people: list[Person], meetings: list[Meeting]) -> None:
    states = sorted({s for m in meetings for s in m.states})
    extraction = Extraction(
        id=doc_id,
        url=f"https://example.org/{doc_id}",
        title=f"Article {doc_id}",
        outlet="Test Outlet",
        published="2024-01-01",
        people=people,
        states=[StateRef(iso3=s, name=s) for s in states],
        meetings=meetings,
    )
    GraphWriter(driver, "neo4j", load_reference()).write(extraction)


@pytest.fixture
def diop_lavrov(driver: neo4j.Driver) -> neo4j.Driver:
    """Four Diop-Lavrov meetings of every precision (one undated), never the same meeting twice."""
    write(driver, "d1", [DIOP, LAVROV], [meeting("m-2022", "2022", [DIOP, LAVROV], ["MLI", "RUS"])])
    write(
        driver,
        "d2",
        [DIOP, LAVROV],
        [
            meeting(
                "m-2023-05",
                "2023-05",
                [DIOP, LAVROV],
                ["MLI", "RUS"],
                topics=["défense"],
                place="Moscou",
                place_state="RUS",
            )
        ],
    )
    write(
        driver,
        "d3",
        [DIOP, LAVROV],
        [meeting("m-2023-07-10", "2023-07-10", [DIOP, LAVROV], ["MLI", "RUS"], type="phone_call")],
    )
    write(driver, "d4", [DIOP, LAVROV], [meeting("m-undated", None, [DIOP, LAVROV], ["MLI", "RUS"], type="visit")])
    return driver


def test_contacts_in_date_order_with_undated_last(api: str, diop_lavrov: neo4j.Driver) -> None:
    body = _get(api, "/contacts", a="Diop", b="lavrov").json()
    assert body["a"] == {"kind": "person", "id": "abdoulaye-diop", "name": "Abdoulaye Diop"}
    assert body["b"]["id"] == "sergueï-lavrov"
    assert [(m["date"], m["date_precision"], m["type"]) for m in body["meetings"]] == [
        ("2022", "year", "bilateral_meeting"),
        ("2023-05", "month", "bilateral_meeting"),
        ("2023-07-10", "day", "phone_call"),
        (None, None, "visit"),
    ]
    assert body["total"] == 4
    may = body["meetings"][1]
    assert may["place"]["name"] == "Moscou" and may["sectors"] == ["défense"]
    assert [p["id"] for p in may["participants"]] == ["abdoulaye-diop", "sergueï-lavrov"]
    assert [s["iso3"] for s in may["states"]] == ["MLI", "RUS"]
    assert [(s["url"], s["outlet"], s["evidence"]) for s in may["sources"]] == [
        ("https://example.org/d2", "Test Outlet", "Evidence of m-2023-05.")
    ]
    # by id, by ISO3, by name in any case or accents: the same answer
    same = _get(api, "/contacts", a="abdoulaye-diop", b="SERGUEI LAVROV").json()
    assert [m["id"] for m in same["meetings"]] == [m["id"] for m in body["meetings"]]
    assert _get(api, "/contacts", a="Diop", b="rus").json()["total"] == 4


@pytest.mark.parametrize(
    ("params", "dates"),
    [
        ({"from": "2023-06"}, ["2023-07-10"]),
        ({"from": "2022-12-31", "to": "2023-05-01"}, ["2022", "2023-05"]),
        ({"to": "2022-01"}, ["2022"]),
        ({"from": "2023"}, ["2023-05", "2023-07-10"]),
        ({"from": "2025"}, []),
    ],
)
def test_period_filters_keep_meetings_whose_date_overlaps(
    api: str, diop_lavrov: neo4j.Driver, params: dict[str, str], dates: list[str]
) -> None:
    body = _get(api, "/contacts", a="Diop", b="Lavrov", **params).json()
    assert [m["date"] for m in body["meetings"]] == dates
    assert body["total"] == len(dates)


def test_pagination_is_bounded(api: str, diop_lavrov: neo4j.Driver) -> None:
    page = _get(api, "/contacts", a="Diop", b="Lavrov", limit=2, offset=1).json()
    assert (page["total"], page["limit"], page["offset"]) == (4, 2, 1)
    assert [m["date"] for m in page["meetings"]] == ["2023-05", "2023-07-10"]
    for bad in ({"limit": 501}, {"limit": 0}, {"offset": -1}, {"limit": "ten"}):
        response = _get(api, "/contacts", a="Diop", b="Lavrov", **bad)
        assert response.status_code == 422, bad
        assert "detail" in response.json()


@pytest.mark.parametrize(
    "params",
    [{"from": "2024-13"}, {"from": "2023-02-29"}, {"to": "24"}, {"from": "2024", "to": "2023"}, {"from": "hier"}],
)
def test_invalid_dates_are_422(api: str, diop_lavrov: neo4j.Driver, params: dict[str, str]) -> None:
    response = _get(api, "/contacts", a="Diop", b="Lavrov", **params)
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], str)


def test_timeline_and_meeting(api: str, diop_lavrov: neo4j.Driver) -> None:
    timeline = _get(api, "/timeline", entity="Lavrov", **{"from": "2023"}).json()
    assert [m["date"] for m in timeline["meetings"]] == ["2023-05", "2023-07-10"]
    first = timeline["meetings"][0]
    assert _get(api, f"/meetings/{first['id']}").json() == first
    assert _get(api, "/meetings/no-such-meeting").status_code == 404


def test_ambiguous_name_is_409_with_candidates_and_an_exact_alias_wins(api: str, driver: neo4j.Driver) -> None:
    write(driver, "c1", [SADIO, LAVROV], [meeting("m-c1", "2024-02-28", [SADIO, LAVROV], ["MLI", "RUS"])])
    write(
        driver,
        "c2",
        [ANSOUMANE, DIOP, DIOP_SALL],
        [meeting("m-c2", "2023-06-01", [ANSOUMANE, DIOP, DIOP_SALL], ["GIN", "MLI", "SEN"])],
    )
    response = _get(api, "/contacts", a="Camara", b="Lavrov")
    assert response.status_code == 409
    assert sorted(c["id"] for c in response.json()["candidates"]) == ["ansoumane-camara", "sadio-camara"]
    assert _get(api, "/contacts", a="sadio-camara", b="Lavrov").json()["total"] == 1
    assert _get(api, "/contacts", a="Sadio Camara", b="Lavrov").json()["total"] == 1
    # "Diop" is an alias of Abdoulaye Diop only; Fatou Diop-Sall merely contains the word
    assert _get(api, "/contacts", a="Diop", b="GIN").json()["a"]["id"] == "abdoulaye-diop"


def test_unknown_name_is_404_with_suggestions(api: str, diop_lavrov: neo4j.Driver) -> None:
    response = _get(api, "/contacts", a="Lavrof", b="Diop")
    assert response.status_code == 404
    assert [s["id"] for s in response.json()["suggestions"]] == ["sergueï-lavrov"]
    assert _get(api, "/timeline", entity="Poutine").status_code == 404
    assert _get(api, "/contacts", a="Diop", b="Diop").status_code == 422


def test_entities_roles_and_counts(api: str, diop_lavrov: neo4j.Driver) -> None:
    diop = _get(api, "/people/abdoulaye-diop").json()
    assert diop["meetings"]["total"] == 4
    assert diop["meetings"]["first"] == "2022" and diop["meetings"]["last"] == "2023-07-10"
    assert {t["type"]: t["meetings"] for t in diop["meetings"]["by_type"]} == {
        "bilateral_meeting": 2,
        "phone_call": 1,
        "visit": 1,
    }
    roles = [(r["of"]["id"], r["title"], r["since"]) for r in diop["roles"]]
    assert ("MLI", "ministre des Affaires étrangères", None) in roles  # from the article; the gazetteer adds more
    dated = [since for _, _, since in roles if since is not None]
    assert dated == sorted(dated) and roles[-1][2] is None  # oldest post first, undated last
    russia = _get(api, "/states/rus").json()
    assert russia["iso3"] == "RUS" and russia["meetings"]["total"] == 4
    assert [r["person"]["id"] for r in russia["roles"]] == ["sergueï-lavrov"]
    assert _get(api, "/people/nobody").status_code == 404
    assert _get(api, "/states/ZZZ").status_code == 404
    assert _get(api, "/states/RUSSIA").status_code == 422
    assert _get(api, "/organisations/nothing").status_code == 404


def test_search_ignores_case_and_accents_and_escapes_lucene(api: str, diop_lavrov: neo4j.Driver) -> None:
    for text in ("serguei", "SERGUEÏ lav", "Lavrov"):
        hits = _get(api, "/search", q=text).json()["results"]
        assert [h["id"] for h in hits][:1] == ["sergueï-lavrov"], text
    for hostile in ("Diop) OR *:*", '"', "AND", "\\", "a:b~", "/.*/", "\u0301", "\u00b4"):
        response = _get(api, "/search", q=hostile)
        assert response.status_code == 200, (hostile, response.text)
    assert _get(api, "/search", q="\u0301").json()["total"] == 0  # a lone accent: nothing to match, no error
    for blank in ("", " ", "\n", "\x1d"):
        assert _get(api, "/search", q=blank).status_code == 422, repr(blank)


def test_partners_network_stats(api: str, diop_lavrov: neo4j.Driver) -> None:
    partners = _get(api, "/partners", state="Mali").json()
    assert [(p["iso3"], p["meetings"]) for p in partners["partners"]] == [("RUS", 4)]
    defence = _get(api, "/partners", state="MLI", sector="Défense").json()["partners"]
    assert [(p["iso3"], p["meetings"], p["all_meetings"]) for p in defence] == [("RUS", 1, 4)]
    assert _get(api, "/partners", state="Lavrov").status_code == 404  # not a state
    network = _get(api, "/network", entity="Diop", max_meetings=2).json()
    assert network["truncated"] is True
    kinds = sorted(n["kind"] for n in network["nodes"])
    assert kinds == ["meeting", "meeting", "person", "person", "state", "state"]
    assert len(network["edges"]) == 8
    assert _get(api, "/network", entity="Diop", depth=3).status_code == 422
    stats = _get(api, "/stats").json()
    assert stats["counts"]["Meeting"] == 4 and stats["counts"]["Person"] == 2
    assert stats["meetings_per_year"] == [
        {"year": "2022", "meetings": 1},
        {"year": "2023", "meetings": 2},
        {"year": None, "meetings": 1},
    ]


def test_named_queries(api: str, diop_lavrov: neo4j.Driver) -> None:
    listed = _get(api, "/queries").json()
    names = [q["name"] for q in listed]
    assert "list_contacts" in names and not any("/" in n or n.startswith("merge") for n in names)
    run = _get(api, "/queries/list_entity_meetings", kind="person", key="abdoulaye-diop", limit="2")
    assert run.status_code == 200
    first_two = [m["id"] for m in _get(api, "/timeline", entity="Diop", limit=2).json()["meetings"]]
    assert run.json()["rows"] == [{"total": 4, "meeting_ids": first_two}]
    assert _get(api, "/queries/no_such_query").status_code == 404
    assert _get(api, "/queries/write%2Fmerge_people").status_code == 404
    assert _get(api, "/queries/list_entity_meetings", kind="person").status_code == 422
    assert _get(api, "/queries/count_nodes", evil="1").status_code == 422
    bad_lucene = _get(api, "/queries/search_entities", query="(unbalanced")
    assert bad_lucene.status_code == 400
    assert "detail" in bad_lucene.json()


def test_openapi_documents_every_route(api: str) -> None:
    spec = _get(api, "/openapi.json").json()
    for path in (
        "/health",
        "/search",
        "/people/{id}",
        "/states/{iso3}",
        "/organisations/{id}",
        "/contacts",
        "/partners",
        "/timeline",
        "/meetings/{id}",
        "/network",
        "/stats",
        "/queries",
        "/queries/{name}",
        "/documents",
    ):
        assert path in spec["paths"], path
    assert _get(api, "/docs").status_code == 200


def test_documents_need_the_api_key(api: str, driver: neo4j.Driver) -> None:
    article = {
        "id": "post-1",
        "text": "Le ministre Diop a reçu en audience l'ambassadeur de Russie.",
        "published": "2024-03-01",
    }
    assert httpx.post(f"{api}/documents", json=article).status_code == 401
    wrong = httpx.post(f"{api}/documents", json=article, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 401 and wrong.json()["detail"]
    huge = {"id": "big", "text": "x" * (3 * 1024 * 1024)}
    too_big = httpx.post(f"{api}/documents", json=huge, headers={"X-API-Key": "test-key-123"}, timeout=60.0)
    assert too_big.status_code == 413
    assert (
        httpx.post(f"{api}/documents", json={"id": "no-text"}, headers={"X-API-Key": "test-key-123"}).status_code == 422
    )


def test_documents_are_extracted_and_written(api: str, driver: neo4j.Driver) -> None:
    text = (
        "Le ministre des Affaires étrangères et de la Coopération internationale, Abdoulaye Diop, et celui de la "
        "Défense et des Anciens combattants, le colonel Sadio Camara, ont eu une rencontre bilatérale, ce mercredi "
        "28 février, avec le chef de la diplomatie russe Sergueï Lavrov, à Moscou."
    )
    article = {"id": "post-2", "text": text, "published": "2024-02-29", "outlet": "L'Essor", "url": "https://ex.org/2"}
    response = httpx.post(f"{api}/documents", json=article, headers={"X-API-Key": "test-key-123"}, timeout=300.0)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["written"]["documents"] == 1 and body["written"]["nodes_created"] > 0
    assert [m["date"] for m in body["extraction"]["meetings"]] == ["2024-02-28"]
    contacts = _get(api, "/contacts", a="Diop", b="Lavrov").json()
    assert [(m["date"], m["sources"][0]["url"]) for m in contacts["meetings"]] == [("2024-02-28", "https://ex.org/2")]
    # One meeting id end to end: the id POST /documents answers is the one GET /meetings/{id} and /contacts serve.
    (meeting_id,) = body["meetings"]
    served = _get(api, f"/meetings/{meeting_id}")
    assert served.status_code == 200, served.text
    assert served.json()["id"] == meeting_id == contacts["meetings"][0]["id"]
    assert [source["url"] for source in served.json()["sources"]] == ["https://ex.org/2"]
    again = httpx.post(f"{api}/documents", json=article, headers={"X-API-Key": "test-key-123"}, timeout=300.0)
    assert again.status_code == 201 and again.json()["written"]["nodes_created"] == 0
    assert again.json()["meetings"] == [meeting_id]
    # Another outlet reporting the same meeting: its report joins that meeting, and POST answers its id.
    other = {**article, "id": "post-3", "url": "https://ex.org/3", "outlet": "Maliweb", "text": "Moscou. " + text}
    joined = httpx.post(f"{api}/documents", json=other, headers={"X-API-Key": "test-key-123"}, timeout=300.0)
    assert joined.status_code == 201, joined.text
    assert joined.json()["meetings"] == [meeting_id]
    assert _get(api, f"/meetings/{meeting_id}").status_code == 200


def test_writes_are_disabled_without_a_configured_key(neo4j_server: Any, tmp_path: Path) -> None:
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password)
    with running_api(env, tmp_path / "api.log") as base:
        response = httpx.post(f"{base}/documents", json={"id": "x", "text": "y"}, headers={"X-API-Key": ""})
        assert response.status_code == 503
        assert "MALIKG_API_KEY" in response.json()["detail"]


def test_browser_guide_and_style_are_served_cross_origin(api: str) -> None:
    """Neo4j Browser (another origin) can `:play` the guide and `:style` the grass file from the API."""
    guide = httpx.get(f"{api}/browser/guide.html", headers={"Origin": "http://localhost:7474"}, timeout=30.0)
    assert guide.status_code == 200
    assert guide.headers["access-control-allow-origin"] == "*"
    assert "<article" in guide.text or "<slide" in guide.text
    preflight = httpx.options(
        f"{api}/browser/style.grass",
        headers={
            "Origin": "http://localhost:7474",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "pragma,cache-control,sentry-trace",
        },
        timeout=30.0,
    )
    assert preflight.status_code == 200
    assert "sentry-trace" in preflight.headers["access-control-allow-headers"].lower()
    assert httpx.get(f"{api}/browser/missing.html", timeout=30.0).status_code == 404
