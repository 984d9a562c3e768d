"""Idempotent writes of `Extraction`s into Neo4j: one transaction per document or per batch of documents.

Every statement is `UNWIND $rows AS row MERGE ...` from `queries/write/*.cypher`, run inside
`session.execute_write` (retried on transient errors such as deadlocks). A batch that fails is written again
document by document, so one bad document never takes its neighbours down and never leaves half of itself behind.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import neo4j
from neo4j.exceptions import (
    ConstraintError,
    DatabaseError,
    DatabaseUnavailable,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from core.reference import ReferenceData
from graph import partner_tallies, trust
from graph.errors import GraphError
from graph.meeting_identity import assign_meetings, candidate_facts, candidate_filter
from graph.queries import load_query
from graph.rows import BatchRows, InvalidExtractionError, build_rows, check
from ingest.models import Extraction, Failure

log = logging.getLogger(__name__)

# ConstraintError can only come from a race the locks should prevent; a couple of fresh attempts settle it.
_CONSTRAINT_RETRIES = 3
# Neo4j's transaction memory pool (dbms.memory.transaction.total.max) is full. A TransientError, so the driver would
# retry it for 30 s with back-off; for a batch, one transaction per document is tried at once instead.
MEMORY_POOL_FULL = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"


class BatchTooLargeError(GraphError):
    """A batch needed more transaction memory than the Neo4j server allows (not retried as one transaction)."""


@dataclass(frozen=True)
class WriteResult:
    """What one write changed, from Neo4j's own counters."""

    documents: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    reposts: int = 0
    # The graph id each written meeting report ended in (document order, then the order of Extraction.meetings):
    # the id GET /meetings/{id} serves, None when a researcher's judgement rejected it. Not a counter.
    meetings: tuple[str | None, ...] = ()

    def __add__(self, other: WriteResult) -> WriteResult:
        return WriteResult(
            documents=self.documents + other.documents,
            nodes_created=self.nodes_created + other.nodes_created,
            relationships_created=self.relationships_created + other.relationships_created,
            properties_set=self.properties_set + other.properties_set,
            reposts=self.reposts + other.reposts,
            meetings=self.meetings + other.meetings,
        )

    def counters(self) -> dict[str, int]:
        """The Neo4j counters alone (what POST /documents reports as `written`)."""
        return {
            "documents": self.documents,
            "nodes_created": self.nodes_created,
            "relationships_created": self.relationships_created,
            "properties_set": self.properties_set,
            "reposts": self.reposts,
        }


@dataclass
class BatchOutcome:
    """The result of writing a batch: ids of documents written, their counters, and the documents that failed."""

    written: list[str] = field(default_factory=list)
    result: WriteResult = field(default_factory=WriteResult)
    failures: list[Failure] = field(default_factory=list)


@dataclass
class _Counters:
    nodes: int = 0
    relationships: int = 0
    properties: int = 0
    reposts: int = 0
    meetings: tuple[str | None, ...] = ()

    def add(self, summary: neo4j.ResultSummary) -> None:
        self.nodes += summary.counters.nodes_created
        self.relationships += summary.counters.relationships_created
        self.properties += summary.counters.properties_set


class GraphWriter:
    """Writes extractions with `UNWIND ... MERGE`; the constructor does not touch the database.

    What it writes is a function of the extractions and of `reference`, the curated entities given explicitly
    (`ingest.curation.load_reference()` for the shipped gazetteers; `ReferenceData()` for none).
    """

    def __init__(self, driver: neo4j.Driver, database: str, reference: ReferenceData) -> None:
        self.driver = driver
        self.database = database
        self.reference = reference

    def write(self, extraction: Extraction) -> WriteResult:
        """Write one document in one transaction; raises on failure (nothing of it is then written)."""
        return self._write_batch([extraction])

    def write_many(self, extractions: Iterable[Extraction], batch_size: int = 200) -> Iterator[BatchOutcome]:
        """Write documents in transactions of `batch_size`, yielding one outcome per batch, lazily.

        A batch that fails is retried one document per transaction, so each failure is named with its reason and
        every other document of the batch is still written. A lost connection or a failing database (disk full,
        panic: `database_lost`) is not a document failure: it propagates, and nothing is retried document by
        document.
        """
        batch: list[Extraction] = []
        for extraction in extractions:
            batch.append(extraction)
            if len(batch) >= batch_size:
                yield self._write_with_fallback(batch)
                batch = []
        if batch:
            yield self._write_with_fallback(batch)

    def _write_with_fallback(self, batch: Sequence[Extraction]) -> BatchOutcome:
        outcome = BatchOutcome()
        valid: list[Extraction] = []
        for extraction in batch:
            try:
                check(extraction)
            except InvalidExtractionError as exc:
                outcome.failures.append(Failure(source=extraction.id, reason=str(exc)))
            else:
                valid.append(extraction)
        if not valid:
            return outcome
        try:
            outcome.result = self._write_batch(valid)
            outcome.written = [e.id for e in valid]
            return outcome
        except (Neo4jError, DriverError) as exc:
            if database_lost(exc):
                raise
            if len(valid) == 1:
                outcome.failures.append(Failure(source=valid[0].id, reason=_reason(exc)))
                return outcome
            log.info("batch of %d failed (%s); writing its documents one by one", len(valid), _reason(exc))
        except BatchTooLargeError as exc:
            log.warning(
                "batch of %d documents needed more than Neo4j's transaction memory (%s); writing its documents one "
                "per transaction. A smaller --batch-size, or a larger dbms.memory.transaction.total.max on the "
                "server, avoids this.",
                len(valid),
                exc,
            )
        for extraction in valid:
            try:
                outcome.result += self._write_batch([extraction])
                outcome.written.append(extraction.id)
            except (Neo4jError, DriverError) as exc:
                if database_lost(exc):
                    raise
                outcome.failures.append(Failure(source=extraction.id, reason=_reason(exc)))
        return outcome

    def _write_batch(self, extractions: Sequence[Extraction]) -> WriteResult:
        rows = build_rows(extractions, self.reference, _now())
        for attempt in range(_CONSTRAINT_RETRIES):
            try:
                with self.driver.session(database=self.database) as session:
                    if len(extractions) > 1:
                        counters = session.execute_write(_write_batch_rows, rows)
                    else:  # one document: retried on a full memory pool, which other transactions may be filling
                        counters = session.execute_write(_write_rows, rows)
                break
            except ConstraintError:
                if attempt == _CONSTRAINT_RETRIES - 1:
                    raise
        return WriteResult(
            documents=len(extractions),
            nodes_created=counters.nodes,
            relationships_created=counters.relationships,
            properties_set=counters.properties,
            reposts=counters.reposts,
            meetings=counters.meetings,
        )


def _write_batch_rows(tx: neo4j.ManagedTransaction, rows: BatchRows) -> _Counters:
    """`_write_rows` for a batch: a full transaction memory pool raises BatchTooLargeError, which is not retried."""
    try:
        return _write_rows(tx, rows)
    except TransientError as exc:
        if exc.code == MEMORY_POOL_FULL:
            raise BatchTooLargeError(_reason(exc)) from exc
        raise


def _write_rows(tx: neo4j.ManagedTransaction, rows: BatchRows) -> _Counters:
    """The statements of one transaction, in lock-then-dependency order (runs again on a retry)."""
    counters = _Counters()

    def run(name: str, **params: Any) -> list[neo4j.Record]:
        result = tx.run(load_query(name), params)
        records = list(result)
        counters.add(result.consume())
        return records

    if rows.locks:  # bookkeeping, not counted: the lock nodes are created and removed in every transaction
        tx.run(load_query("write/lock"), {"keys": rows.locks}).consume()
    trust.before_write(tx, rows)  # an article's changed text replaces its earlier version's facts
    articles = run("write/merge_articles", rows=rows.articles)
    counters.reposts = sum(1 for record in articles if record["repost_of"] is not None)
    run("write/unread_contacts", rows=rows.unread)
    run(
        "write/merge_entities",
        states=rows.states,
        organisations=rows.organisations,
        people=rows.people,
        mention_states=rows.mentions["State"],
        mention_organisations=rows.mentions["Organisation"],
        mention_people=rows.mentions["Person"],
        holds_state=rows.holds_state,
        holds_organisation=rows.holds_organisation,
    )
    reposts = {record["id"] for record in articles if record["is_repost"]}
    candidates = candidate_facts(run("identity/find_meeting_candidates", **candidate_filter(rows.meetings)))
    assigned = assign_meetings(rows.meetings, candidates, reposts)
    meetings = run("write/merge_meetings", rows=assigned)
    # Judgements follow a meeting renamed to a smaller key, rename after rename, in the order the rows were decided.
    renames = list(dict.fromkeys((row["meeting"], row["id"]) for row in assigned if row["meeting"] != row["id"]))
    for old, new in renames:
        run("write/rename_judged_meetings", renames=[{"old": old, "new": new}])
    # A row's returned id may have been renamed by a later row of the same statement: follow the renames.
    renamed = dict(renames)
    current = [{**record.data(), "meeting": _follow(renamed, record["meeting"])} for record in meetings]
    partner_tallies.refresh(tx, [r["meeting"] for r in current])  # GET /partners' counts, in this transaction
    trust.after_write(tx, rows, current)  # provenance, document ids, researchers' judgements
    counters.meetings = _served_meetings(tx, rows, current)
    if rows.locks:  # bookkeeping, not counted, like write/lock
        tx.run(load_query("write/unlock"), {"keys": rows.locks}).consume()
    return counters


def _follow(renamed: dict[str, str], meeting: str) -> str:
    """The id a meeting has after the batch's renames (each to a smaller key, so the chain ends)."""
    while meeting in renamed:
        meeting = renamed[meeting]
    return meeting


def _served_meetings(
    tx: neo4j.ManagedTransaction, rows: BatchRows, meetings: Sequence[Mapping[str, Any]]
) -> tuple[str | None, ...]:
    """The id each meeting row is served under, read after the judgements (identity/served_meetings)."""
    written = {(r["article"], r["index"]): r["meeting"] for r in meetings}
    asked = [
        {
            "position": position,
            "meeting": written.get((row["article"], row["index"])),
            "article": row["article"],
            "evidence": row["evidence"],
        }
        for position, row in enumerate(rows.meetings)
    ]
    served = {r["position"]: r["served"] for r in tx.run(load_query("identity/served_meetings"), rows=asked)}
    return tuple(served.get(position) for position in range(len(asked)))


def database_lost(exc: Exception) -> bool:
    """A failure of the connection or of the database itself, which every further document would meet too: the
    database unavailable, or a DatabaseError outside a statement (disk full is Neo.DatabaseError.Transaction.
    TransactionLogError, then the database panics), as opposed to a document's own failure (a statement's
    Neo.DatabaseError.Statement.ExecutionFailed, e.g. a value too large for an index)."""
    if isinstance(exc, ServiceUnavailable | SessionExpired | DatabaseUnavailable):
        return True
    return isinstance(exc, DatabaseError) and not (exc.code or "").startswith("Neo.DatabaseError.Statement.")


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _reason(exc: Exception) -> str:
    """One line saying why a write failed."""
    if isinstance(exc, Neo4jError) and exc.message:
        return f"{exc.code}: {exc.message}".splitlines()[0]
    return f"{type(exc).__name__}: {exc}".splitlines()[0]
