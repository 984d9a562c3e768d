"""GET /export/rdf over a synthetic graph in the real Neo4j: media types, streaming body, filters, 422s."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

import neo4j
import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from api.main import create_app
from bench.synthetic_graph import person_id, write_synthetic_graph
from core.settings import get_settings
from graph.rdf.validate import validate_graph
from graph.rdf.vocab import SEM, person_iri

with warnings.catch_warnings():
    # This Starlette prefers the `httpx2` fork for its test client and warns on plain httpx, which works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

if TYPE_CHECKING:
    from conftest import Neo4jServer

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

MEETINGS = 60


@pytest.fixture
def client(
    driver: neo4j.Driver, neo4j_server: Neo4jServer, neo4j_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    write_synthetic_graph(driver, neo4j_server.database, MEETINGS)
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.setenv(name, neo4j_env[name])
    get_settings.cache_clear()
    try:
        with TestClient(create_app()) as test_client:
            yield test_client
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize(
    ("fmt", "media_type"),
    [("turtle", "text/turtle"), ("json-ld", "application/ld+json"), ("nt", "application/n-triples")],
)
def test_each_format_streams_a_valid_export(client: TestClient, fmt: str, media_type: str) -> None:
    response = client.get("/export/rdf", params={"format": fmt})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    g = Graph().parse(data=response.text, format=fmt)
    assert len(set(g.subjects(RDF.type, SEM.Event))) == MEETINGS
    report = validate_graph(g)
    assert report.conforms, report.text[:3000]


def test_entity_and_period_filters(client: TestClient) -> None:
    who = person_id(2)
    response = client.get("/export/rdf", params={"format": "nt", "entity": who, "from": "2015", "to": "2030-12-31"})
    assert response.status_code == 200, response.text
    g = Graph().parse(data=response.text, format="nt")
    meetings = set(g.subjects(RDF.type, SEM.Event))
    assert meetings
    assert all((m, SEM.hasActor, person_iri(who)) in g for m in meetings)


@pytest.mark.parametrize(
    "params",
    [
        {"format": "rdfxml"},
        {"from": "2024-13"},
        {"to": "yesterday"},
        {"from": "2024-02-30"},
        {"from": "2024", "to": "2023"},
    ],
)
def test_bad_parameters_answer_422(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/export/rdf", params=params)
    assert response.status_code == 422, response.text
    assert "detail" in response.json()


def test_unknown_entity_answers_404(client: TestClient) -> None:
    response = client.get("/export/rdf", params={"entity": "zzzz-nobody-qqqq"})
    assert response.status_code == 404, response.text
