"""Hand-built `Extraction`s and graph snapshots shared by the tests of `malikg ingest` (tests/test_ingest_*.py)."""

from __future__ import annotations

from typing import Any

import neo4j

from ingest.models import Extraction

DIOP = {
    "id": "abdoulaye-diop",
    "name": "Abdoulaye Diop",
    "roles": [{"title": "ministre des Affaires étrangères et de la Coopération internationale", "represents": "MLI"}],
}
LAVROV = {"id": "sergueï-lavrov", "name": "Sergueï Lavrov", "aliases": ["Sergueï LAVROV"]}
CAMARA = {
    "id": "sadio-camara",
    "name": "Sadio Camara",
    "roles": [{"title": "ministre de la Défense", "represents": "MLI"}],
}
DL = ["abdoulaye-diop", "sergueï-lavrov"]
STATES = {
    "MLI": {"iso3": "MLI", "name": "Mali"},
    "RUS": {"iso3": "RUS", "name": "Russie"},
    "DZA": {"iso3": "DZA", "name": "Algérie"},
    "USA": {"iso3": "USA", "name": "États-Unis"},
}


def meeting(
    date: str | None,
    participants: list[str],
    states: list[str],
    evidence: str,
    *,
    type: str = "bilateral_meeting",
    confidence: float = 0.8,
    **extra: Any,
) -> dict[str, Any]:
    """One meeting of an extraction; the precision follows from the date's length."""
    precision = None if date is None else {4: "year", 7: "month"}.get(len(date), "day")
    return {
        "id": f"m-{date}-{'-'.join(participants)}-{'-'.join(states)}",
        "type": type,
        "date": date,
        "date_precision": precision,
        "participants": participants,
        "states": states,
        "evidence": evidence,
        "confidence": confidence,
        **extra,
    }


def extraction(
    doc_id: str,
    meetings: list[dict[str, Any]],
    *,
    people: list[dict[str, Any]] | None = None,
    url: str | None = None,
    text_sha1: str | None = None,
    outlet: str = "L'Essor",
    **extra: Any,
) -> Extraction:
    """An extraction whose people and states are those its meetings need (unless given)."""
    if people is None:
        wanted = {p for m in meetings for p in m["participants"]}
        people = [p for p in (DIOP, LAVROV, CAMARA) if p["id"] in wanted]
    iso3s = sorted({s for m in meetings for s in m["states"]})
    return Extraction.model_validate(
        {
            "id": doc_id,
            "url": url if url is not None else f"https://example.org/{doc_id}",
            "title": f"Article {doc_id}",
            "outlet": outlet,
            "published": "2024-03-01",
            "text_sha1": text_sha1 if text_sha1 is not None else f"sha1-of-{doc_id}",
            "people": people,
            "states": [STATES.get(i, {"iso3": i, "name": i}) for i in iso3s],
            "meetings": meetings,
            **extra,
        }
    )


def snapshot(driver: neo4j.Driver) -> dict[str, list[Any]]:
    """Every node and relationship with its labels/type and all its properties, sorted, for equality checks."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props ORDER BY id"
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS a, elementId(b) AS b, "
        "properties(r) AS props ORDER BY id"
    )
    return {"nodes": [r.data() for r in nodes], "relationships": [r.data() for r in rels]}


def counts(driver: neo4j.Driver) -> dict[str, int]:
    """Number of nodes per label and relationships per type."""
    labels, _, _ = driver.execute_query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
    types, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS label, count(*) AS n")
    return {r["label"]: r["n"] for r in [*labels, *types]}


def meetings_of(driver: neo4j.Driver) -> list[dict[str, Any]]:
    """Every meeting with its people, states, places and reports (article id + evidence), sorted by date."""
    records, _, _ = driver.execute_query(
        """
        MATCH (m:Meeting)
        RETURN m.id AS id, m.date AS date, m.date_precision AS precision, m.type AS type,
               COLLECT { MATCH (p:Person)-[:ATTENDED]->(m) RETURN p.id ORDER BY p.id } AS people,
               COLLECT { MATCH (s:State)-[:REPRESENTED_AT]->(m) RETURN s.iso3 ORDER BY s.iso3 } AS states,
               COLLECT { MATCH (m)-[:HELD_IN]->(pl:Place) RETURN pl.name } AS places,
               COLLECT { MATCH (m)-[r:REPORTED_IN]->(a:Article) RETURN [a.url, r.evidence] ORDER BY a.url } AS reports
        ORDER BY date, people, states
        """
    )
    return [r.data() for r in records]
