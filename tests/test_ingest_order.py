"""The graph does not depend on the order articles are written in (issue #19): meeting identity, meeting ids and
every winning value are decided order-independently. The seed and generalisation articles are extracted once and
written forward, reversed and in shuffled orders (one document per transaction and in batches); the graphs,
compared by content, must be equal."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import neo4j
import pytest
from ingest_builders import DL, extraction, meeting

from graph.writer import GraphWriter
from ingest.curation import load_reference
from ingest.models import Document, Extraction
from ingest.pipeline import extract_documents

DATA = Path(__file__).resolve().parent / "data"


def overlapping_reports() -> list[Extraction]:
    """Reports of the same meetings by several articles: month and day dates, roles that differ, equal confidence
    with different types, a place named by two of them; and meetings of their own. Dates no other test article
    has, so a month report never bridges two days of another meeting (the limit below).

    Known limit (docs/ingestion.md): matching is not transitive, so a report sharing no person with an earlier
    one (Diop alone, then Lavrov alone, then both) may still split a meeting by order; these reports avoid it.
    """
    talks = "Abdoulaye Diop s'est entretenu avec Sergueï Lavrov à Moscou."
    moscow = {"place": "Moscou", "place_state": "RUS"}
    return [
        extraction("o1", [meeting("2019-03", DL, ["MLI", "RUS"], talks, roles={"abdoulaye-diop": "ministre"})]),
        extraction(
            "o2", [meeting("2019-03-27", DL, ["MLI", "RUS"], "Diop reçu par Lavrov.", type="audience", **moscow)]
        ),
        extraction("o3", [meeting("2019-03-27", DL, ["RUS", "MLI"], "Diop et Lavrov.", type="visit", **moscow)]),
        extraction("o4", [meeting("2019-03", ["sergueï-lavrov", "abdoulaye-diop"], ["MLI"], "Lavrov a reçu Diop.")]),
        extraction("o5", [meeting("2019-01", [], ["MLI", "DZA"], "Le Mali et l'Algérie ont discuté.", confidence=0.6)]),
        extraction("o6", [meeting("2019-01-10", [], ["DZA", "MLI"], "Bamako et Alger se sont parlé.", confidence=0.6)]),
        extraction("o7", [meeting("2019-01-10", ["sadio-camara"], ["MLI", "USA"], "Camara à Washington.")]),
    ]


@pytest.fixture(scope="module")
def extractions() -> list[Extraction]:
    docs = []
    for path in sorted([*(DATA / "seeds").glob("*.json"), *(DATA / "generalisation").glob("*.json")]):
        gold = json.loads(path.read_text(encoding="utf-8"))
        docs.append(Document(id=gold["id"], text=gold["text"], url=gold.get("url"), published=gold.get("published")))
    out = [e for e in extract_documents(docs) if isinstance(e, Extraction)]
    assert len(out) == len(docs)
    return out + overlapping_reports()


def _key(labels: list[str], props: dict[str, Any]) -> str:
    for name in ("id", "iso3", "key", "name"):
        if name in props:
            return f"{'/'.join(sorted(labels))}:{props[name]}"
    return json.dumps(props, sort_keys=True, default=str)


def content(driver: neo4j.Driver) -> dict[str, list[str]]:
    """Nodes and relationships by their keys and properties (write times left out), sorted."""
    skip = {"ingested_at"}
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS t, labels(a) AS la, properties(a) AS pa, labels(b) AS lb, "
        "properties(b) AS pb, properties(r) AS p"
    )

    def props(p: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in p.items() if k not in skip}

    return {
        "nodes": sorted(json.dumps([_key(r["l"], r["p"]), props(r["p"])], sort_keys=True, default=str) for r in nodes),
        "relationships": sorted(
            json.dumps([r["t"], _key(r["la"], r["pa"]), _key(r["lb"], r["pb"]), props(r["p"])], sort_keys=True)
            for r in rels
        ),
    }


def written(neo4j_server: Any, extractions: list[Extraction], batch_size: int) -> dict[str, list[str]]:
    neo4j_server.reset()
    with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth()) as driver:
        for outcome in GraphWriter(driver, neo4j_server.database, load_reference()).write_many(
            extractions, batch_size=batch_size
        ):
            assert outcome.failures == []
        return content(driver)


@pytest.mark.slow
def test_shuffled_orders_give_the_same_graph(neo4j_server: Any, extractions: list[Extraction]) -> None:
    reference = written(neo4j_server, extractions, batch_size=1)
    merged = sum(1 for line in reference["relationships"] if line.startswith('["REPORTED_IN"'))
    meetings = sum(1 for line in reference["nodes"] if line.startswith('["Meeting:'))
    assert merged > meetings, "the set must contain meetings reported by several articles"
    orders = [list(reversed(extractions))]
    for seed in (1,):
        shuffled = list(extractions)
        random.Random(seed).shuffle(shuffled)
        orders.append(shuffled)
    for index, order in enumerate(orders):
        got = written(neo4j_server, order, batch_size=1 if index % 2 == 0 else 7)
        assert got == reference, f"order {index} differs"
