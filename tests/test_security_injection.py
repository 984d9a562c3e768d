"""Injection against a real uvicorn on the seed graph: Cypher-looking text in every query and path parameter (and in a
posted article) changes nothing in the graph; /queries runs only the vetted top-level files.

The parameters are taken from the app's own OpenAPI schema, so a new endpoint or parameter is covered without
editing this test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import neo4j
import pytest
from api_server import running_api, server_env
from e2e.seed_graph import load_seed_graph

from api.catalog import all_named_queries
from api.main import create_app
from bench.fault_drill import GraphKeys, diff_keys, graph_keys

KEY = "injection-key"
PAYLOADS = [
    "' OR 1=1 //",
    '" OR 1=1 //',
    "}) DETACH DELETE n //",
    "abdoulaye-diop'}) MATCH (n) DETACH DELETE n //",
    "$param",
    "`Person`",
    "x` DETACH DELETE n //",
    "CALL dbms.killQueries([]) //",
    "CALL db.clearQueryCaches()",
    "1; MATCH (n) DETACH DELETE n",
    "\\u0027) RETURN 1 //",
    "*:*",
    "lavrov OR *",
]
SCHEMA = create_app().openapi()


def _string_parameters() -> list[tuple[str, str, str]]:
    """(path template, parameter name, where) for every string parameter of every GET operation."""
    found = []
    for path, methods in SCHEMA["paths"].items():
        for parameter in methods.get("get", {}).get("parameters", []):
            schema = parameter["schema"]
            kinds = {schema.get("type")} | {s.get("type") for s in schema.get("anyOf", [])}
            if "string" in kinds and "enum" not in schema:
                found.append((path, parameter["name"], parameter["in"]))
    return found


def _valid_values(path: str) -> dict[str, str]:
    """Working values for the other required parameters of `path` (their examples, else a seed entity)."""
    values = {}
    for parameter in SCHEMA["paths"][path]["get"].get("parameters", []):
        if parameter.get("required"):
            examples = parameter.get("examples") or parameter["schema"].get("examples") or ["Diop"]
            values[parameter["name"]] = str(examples[0] if isinstance(examples, list) else "Diop")
    return values


STRING_PARAMETERS = _string_parameters()


@pytest.fixture(scope="module")
def seeded(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, neo4j.Driver]]:
    """A real uvicorn (writes enabled) on the seed graph, and a driver to look at the graph."""
    neo4j_server.reset()
    with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth()) as driver:
        load_seed_graph(driver, neo4j_server.database)
        env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password, MALIKG_API_KEY=KEY)
        with running_api(env, tmp_path_factory.mktemp("injection") / "api.log") as base:
            yield base, driver


@pytest.fixture(scope="module")
def seed_keys(seeded: tuple[str, neo4j.Driver]) -> GraphKeys:
    keys = graph_keys(seeded[1])
    assert sum(keys["Meeting"].values()) == 5
    return keys


def test_every_string_parameter_is_covered() -> None:
    covered = {(path, name) for path, name, _ in STRING_PARAMETERS}
    assert {("/contacts", "a"), ("/search", "q"), ("/people/{id}", "id"), ("/queries/{name}", "name")} <= covered


@pytest.mark.parametrize(
    ("path", "name", "where"), STRING_PARAMETERS, ids=[f"{p}:{n}" for p, n, _ in STRING_PARAMETERS]
)
def test_cypher_in_a_parameter_changes_nothing(
    seeded: tuple[str, neo4j.Driver], seed_keys: GraphKeys, path: str, name: str, where: str
) -> None:
    base, driver = seeded
    with httpx.Client(base_url=base, timeout=60.0) as client:
        for payload in PAYLOADS:
            params = _valid_values(path)
            params.pop(name, None)
            url = path
            for key in [k for k in list(params) if f"{{{k}}}" in path]:
                url = url.replace(f"{{{key}}}", quote(params.pop(key), safe=""))
            if where == "path":
                url = url.replace(f"{{{name}}}", quote(payload, safe=""))
            else:
                params[name] = payload
            response = client.get(url, params=params)
            # 307: a payload ending in "/" is redirected to the path without it, like any other path
            assert response.status_code in (200, 307, 404, 409, 422), (url, params, response.text)
    assert diff_keys(seed_keys, graph_keys(driver)) == []


def test_cypher_in_the_parameters_of_every_named_query_changes_nothing(
    seeded: tuple[str, neo4j.Driver], seed_keys: GraphKeys
) -> None:
    base, driver = seeded
    runs = 0
    for query in all_named_queries():
        strings = [p.name for p in query.params if p.type in ("string", "list")]
        for name in strings:
            for payload in PAYLOADS:
                params = {k: str(v) if not isinstance(v, list) else ",".join(v) for k, v in query.example.items()}
                params[name] = payload
                response = httpx.get(f"{base}/queries/{query.name}", params=params, timeout=60.0)
                # 400: search_entities takes a Lucene query by design; Neo4j refuses a malformed one
                assert response.status_code in (200, 400, 404, 409, 422), (query.name, params, response.text)
                assert "detail" in response.json() or response.status_code == 200
                runs += 1
    assert runs > 0
    assert diff_keys(seed_keys, graph_keys(driver)) == []


@pytest.mark.parametrize(
    "name",
    [
        "../write/merge_meetings",
        "..%2Fwrite%2Fmerge_meetings",
        "%2e%2e%2fwrite%2fmerge_meetings",
        "write/merge_meetings",
        "write%2Fmerge_meetings",
        "write%252Fmerge_meetings",
        "export/articles",
        "write_merge_meetings",
        "..%5Cwrite%5Cmerge_meetings",
        "lock",
        "merge_meetings",
    ],
)
def test_queries_runs_only_the_vetted_top_level_files(
    seeded: tuple[str, neo4j.Driver], seed_keys: GraphKeys, name: str
) -> None:
    base, driver = seeded
    # raw path: httpx would otherwise normalise "../" away before sending
    response = httpx.get(httpx.URL(f"{base}/queries/").copy_with(raw_path=f"/queries/{name}".encode()), timeout=30.0)
    assert response.status_code in (404, 422), response.text
    assert response.headers["content-type"] == "application/json"
    if response.status_code == 422:  # refused by the name pattern before any lookup
        assert any(e["loc"] == ["path", "name"] for e in response.json()["detail"])
    assert diff_keys(seed_keys, graph_keys(driver)) == []


def test_a_posted_article_full_of_cypher_is_stored_as_text(
    seeded: tuple[str, neo4j.Driver], seed_keys: GraphKeys
) -> None:
    base, driver = seeded
    payload = "}) DETACH DELETE n // ' OR 1=1 // $param `x` CALL dbms.killQueries([])"
    article = {
        "id": payload,
        "text": f"Le ministre Abdoulaye Diop a reçu l'ambassadeur de Russie. {payload}",
        "title": payload,
        "outlet": payload,
        "url": f"https://example.org/{quote(payload)}",
        "published": "2024-03-05",
    }
    response = httpx.post(f"{base}/documents", json=article, headers={"X-API-Key": KEY}, timeout=300.0)
    assert response.status_code == 201, response.text
    after = graph_keys(driver)
    assert sum(after["Article"].values()) == sum(seed_keys["Article"].values()) + 1
    assert all(after[label] >= found for label, found in seed_keys.items())  # nothing of the seed graph is gone
    records, _, _ = driver.execute_query("MATCH (a:Article {title: $t}) RETURN a.outlet AS outlet", t=payload)
    assert [r["outlet"] for r in records] == [payload]
