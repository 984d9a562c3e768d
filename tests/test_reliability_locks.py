"""No `WriteLock` node outlives a transaction: writer batches, judgements (new, repeated, refused), retractions.

Issue #19 found 17,105 lock nodes for 15,210 articles; the writer was fixed, and the judgements' lock was still left
behind, one node per database. The label itself stays listed by `db.labels()` because Neo4j 5 lists every label a
constraint or index names (the unique constraint on `WriteLock.key` is what makes concurrent MERGEs wait);
`docs/reliability.md` says why.
"""

from __future__ import annotations

import neo4j
import pytest

from bench.bench_ingest import synthetic_extractions
from graph.judgements import JudgementIn
from graph.retraction import retract
from graph.review import JudgementConflictError, record, store
from graph.writer import GraphWriter
from ingest.curation import load_reference


def _locks(driver: neo4j.Driver) -> int:
    records, _, _ = driver.execute_query("MATCH (l:WriteLock) RETURN count(l) AS n")
    count: int = records[0]["n"]
    return count


def _first_meeting(driver: neo4j.Driver) -> str:
    records, _, _ = driver.execute_query("MATCH (m:Meeting) RETURN m.id AS id ORDER BY id LIMIT 1")
    meeting: str = records[0]["id"]
    return meeting


def test_no_write_lock_node_is_left_behind(driver: neo4j.Driver) -> None:
    docs = synthetic_extractions(40)
    outcomes = list(GraphWriter(driver, "neo4j", load_reference()).write_many(docs, batch_size=10))
    assert not [f for o in outcomes for f in o.failures]
    assert _locks(driver) == 0

    meeting = _first_meeting(driver)
    judgement = JudgementIn(kind="set_type", meeting=meeting, type="visit", author="a", reason="the article says so")
    stored = record(driver, "neo4j", judgement)
    assert _locks(driver) == 0
    store(driver, "neo4j", stored)  # the same judgement again (an import): nothing new, and still no lock left
    assert _locks(driver) == 0
    with pytest.raises(JudgementConflictError):  # a contradiction is refused: the transaction rolls back
        record(driver, "neo4j", judgement.model_copy(update={"type": "phone_call"}))
    assert _locks(driver) == 0

    retract(driver, "neo4j", docs[0].id)
    assert _locks(driver) == 0


def test_the_write_lock_label_is_listed_only_because_of_its_constraint(driver: neo4j.Driver) -> None:
    records, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name, labelsOrTypes RETURN name, labelsOrTypes")
    assert {"name": "write_lock_key", "labelsOrTypes": ["WriteLock"]} in [r.data() for r in records]
    assert _locks(driver) == 0
