"""The writer's candidate read (queries/identity/find_meeting_candidates.cypher with `candidate_filter`) against
every meeting of the batch's windows, on a real Neo4j: the same identity decisions on random batches.

The read leaves out the meetings of a row's dates that no row of their window can match by the rules of
core/identity.py (no person in common, and not the "nobody named, same states" case). A seeded random walk writes
batches of articles about a few people and states crowded into two months and one year (day, month and year
precision, some meetings naming nobody, reports of one meeting merging across articles); before each batch is written,
`assign_meetings` over the narrowed candidates must give exactly the rows (meeting, id) it gives over all the
meetings of the windows, and the narrowed read must be a subset of them that leaves some out.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

import neo4j

from graph.meeting_identity import assign_meetings, candidate_facts, candidate_filter
from graph.queries import load_query
from graph.rows import build_rows
from graph.writer import GraphWriter
from ingest.curation import load_reference
from ingest.models import Extraction

DATABASE = "neo4j"
BATCHES = 30
PEOPLE = [f"cand-person-{k}" for k in range(9)]
STATES = ["MLI", "AAZ", "BAZ", "CAZ", "DAZ"]
DAYS = [f"2024-0{m}-{d:02d}" for m in (1, 2) for d in (3, 9, 17, 25)]

# Every meeting of the windows (and the rows' keys), as the read was before it was narrowed: the reference.
ALL_OF_WINDOWS = """
MATCH (c:Meeting)
WHERE any(window IN $windows WHERE c.date STARTS WITH window)
RETURN c.id AS id, c.date AS date, c.date_precision AS precision,
       COLLECT { MATCH (p:Person)-[:ATTENDED]->(c) RETURN p.id } AS participants,
       COLLECT { MATCH (s:State)-[:REPRESENTED_AT]->(c) RETURN s.iso3 } AS states
"""


def _meeting(rng: random.Random, doc: int, index: int) -> dict[str, Any]:
    day = rng.choice(DAYS)
    date = rng.choices([day, day[:7], "2024"], weights=[5, 3, 1])[0]
    precision = {4: "year", 7: "month"}[len(date)] if len(date) < 10 else "day"
    named = [] if rng.random() < 0.2 else rng.sample(PEOPLE, rng.choice([1, 2, 2, 3]))
    states = ["MLI", *rng.sample(STATES[1:], rng.choice([1, 1, 2]))]
    return {
        "id": f"cand-{doc}-{index}",
        "type": "bilateral_meeting",
        "date": date,
        "date_precision": precision,
        "participants": named,
        "states": states,
        "evidence": f"Rencontre {index} rapportée par l'article {doc}.",
        "confidence": 0.8,
    }


def _extraction(rng: random.Random, doc: int) -> Extraction:
    meetings = [_meeting(rng, doc, i) for i in range(rng.choice([1, 1, 2]))]
    people = sorted({p for m in meetings for p in m["participants"]})
    return Extraction.model_validate(
        {
            "id": f"cand-doc-{doc}",
            "url": f"https://candidates.example/{doc}",
            "title": f"Article {doc}",
            "outlet": "Candidates",
            "published": "2024-03-01",
            "text_sha1": f"cand-sha1-{doc}",
            "people": [{"id": p, "name": p.replace("-", " ").title()} for p in people],
            "states": [{"iso3": s, "name": s} for s in sorted({s for m in meetings for s in m["states"]})],
            "meetings": meetings,
        }
    )


def _read(tx: neo4j.ManagedTransaction, rows: list[dict[str, Any]]) -> tuple[list[neo4j.Record], list[neo4j.Record]]:
    narrowed = list(tx.run(load_query("identity/find_meeting_candidates"), candidate_filter(rows)))
    params = candidate_filter(rows)
    everything = list(tx.run(ALL_OF_WINDOWS, windows=params["windows"]))
    return narrowed, everything


def test_narrowed_candidates_give_the_same_decisions(driver: neo4j.Driver) -> None:
    rng = random.Random(20261130)
    reference = load_reference()
    writer = GraphWriter(driver, DATABASE, reference)
    doc = 0
    left_out = joined = 0
    for batch_number in range(BATCHES):
        batch = [_extraction(rng, doc + i) for i in range(rng.randrange(3, 12))]
        doc += len(batch)
        rows = build_rows(batch, reference, datetime.now(UTC)).meetings
        with driver.session(database=DATABASE) as session:
            narrowed, everything = session.execute_read(_read, rows)
        narrowed_ids = {r["id"] for r in narrowed}
        all_ids = {r["id"] for r in everything}
        assert narrowed_ids <= all_ids, batch_number
        left_out += len(all_ids - narrowed_ids)
        decided = assign_meetings(rows, candidate_facts(narrowed), set())
        reference_decisions = assign_meetings(rows, candidate_facts(everything), set())
        assert [(r["meeting"], r["id"]) for r in decided] == [(r["meeting"], r["id"]) for r in reference_decisions], (
            batch_number
        )
        joined += sum(1 for r in decided if r["meeting"] in narrowed_ids)
        for outcome in writer.write_many(batch, batch_size=len(batch)):
            assert not outcome.failures
    # The narrowing does something: meetings of the rows' dates that no row could match were not read.
    assert left_out > 0
    assert joined > 0  # and rows did join meetings of the graph
