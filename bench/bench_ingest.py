"""Throughput of the graph writer: documents/s of `GraphWriter` against a plain `UNWIND $rows CREATE` of the same rows.

    .venv/bin/python -m bench.bench_ingest --documents 10000 --documents 100000 --batch-size 50 [--wipe]
    .venv/bin/python -m bench.bench_ingest --documents 30000 --chunk 5000 --statements --writer-only --wipe

Generates N synthetic `Extraction`s (fixed seed; a pool of people and states shared across documents, several
articles per real meeting, some month-precision reports) and writes them twice into the database of the settings
(NEO4J_URI ...): once with the idempotent writer (locks, MERGE, meeting identity, repost detection), once as
bare CREATEs of the same meeting, article, person and state rows under `Bench*` labels, which are deleted
afterwards. The database must be empty (or pass --wipe): each size starts from an emptied database, and the
writer's nodes of the last size are kept.

`--chunk N` also prints the writer's ms/doc for each N documents of its first ingest, as the graph grows;
`--statements` adds, per chunk, the 8 costliest statements (wall time of run + fetch, ms/doc) and the rest of the
writer's time (`client`: building rows, meeting identity, decoding), to see what grows.
`--writer-only` skips the plain CREATE and the re-ingest.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import neo4j

from bench.common import wipe
from core.settings import get_settings
from graph.driver import open_driver
from graph.queries import query_files
from graph.rows import BatchRows, build_rows
from graph.schema import apply_schema
from graph.writer import GraphWriter
from ingest.curation import load_reference
from ingest.models import Extraction

TYPES = ["bilateral_meeting", "audience", "phone_call", "visit", "multilateral", "joint_commission"]
TOPICS = ["défense", "sécurité", "économie", "énergie", "mines", "santé", "éducation", "diplomatie"]
PLAIN_CREATE = """
UNWIND $rows AS row
CREATE (m:BenchMeeting {id: row.key, type: row.type, date: row.date, date_precision: row.precision,
                        summary: row.summary, confidence: row.confidence})
CREATE (m)-[:REPORTED_IN {evidence: row.evidence, confidence: row.confidence}]->(:BenchArticle {id: row.article})
FOREACH (a IN row.attendees | CREATE (:BenchPerson {id: a.person})-[:ATTENDED {role: a.role}]->(m))
FOREACH (s IN row.states | CREATE (:BenchState {iso3: s})-[:REPRESENTED_AT {host: s IN row.hosts}]->(m))
FOREACH (t IN row.topics | CREATE (m)-[:CONCERNS]->(:BenchSector {name: t}))
"""
PLAIN_ENTITIES = """
UNWIND $rows AS row
CREATE (:BenchEntity {id: row.id, name: row.name, aliases: row.aliases})
"""


def synthetic_extractions(n: int, seed: int = 20240228) -> list[Extraction]:
    """N deterministic extractions: about N/3 real meetings, each told by up to three articles."""
    rng = random.Random(seed)
    states = ["MLI", *(f"{chr(65 + i)}{chr(65 + j)}Z" for i in range(26) for j in range(2))]
    people = [
        {
            "id": f"bench-person-{k}",
            "name": f"Bench Person {k}",
            "aliases": [f"B. P. {k}"],
            "roles": [{"title": "ministre", "represents": states[k % len(states)]}],
        }
        for k in range(200)
    ]
    events = []
    for e in range(max(1, n // 3)):
        year, month, day = 2015 + rng.randrange(10), 1 + rng.randrange(12), 1 + rng.randrange(28)
        pair = rng.sample(range(len(people)), 2)
        events.append((f"{year}-{month:02d}-{day:02d}", pair, ["MLI", rng.choice(states[1:])], rng.choice(TYPES), e))
    docs = []
    for i in range(n):
        chosen = rng.sample(events, k=min(len(events), 1 + rng.randrange(2)))
        meetings: list[dict[str, Any]] = []
        used: set[int] = set()
        for date, pair, iso3s, kind, e in chosen:
            month_only = rng.random() < 0.25
            used.update(pair)
            meetings.append(
                {
                    "id": f"bench-{e}",
                    "type": kind,
                    "date": date[:7] if month_only else date,
                    "date_precision": "month" if month_only else "day",
                    "participants": [people[p]["id"] for p in pair],
                    "states": iso3s,
                    "hosts": iso3s[:1],
                    "topics": rng.sample(TOPICS, 2),
                    "evidence": f"Événement {e} rapporté par le document {i} : rencontre entre les deux délégations.",
                    "confidence": round(0.5 + rng.random() / 2, 2),
                }
            )
        iso3s_all = sorted({str(s) for m in meetings for s in m["states"]})
        docs.append(
            Extraction.model_validate(
                {
                    "id": f"bench-doc-{i}",
                    "url": f"https://bench.example/{i}",
                    "title": f"Document {i}",
                    "outlet": "Bench",
                    "published": "2024-01-01",
                    "text_sha1": f"bench-sha1-{i}",
                    "people": [people[p] for p in sorted(used)],
                    "states": [{"iso3": s, "name": s} for s in iso3s_all],
                    "meetings": meetings,
                }
            )
        )
    return docs


def _node_count(driver: neo4j.Driver, database: str) -> int:
    records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=database)
    return int(records[0]["n"])


def time_writer(writer: GraphWriter, docs: Sequence[Extraction], batch_size: int) -> float:
    started = time.perf_counter()
    for outcome in writer.write_many(docs, batch_size=batch_size):
        if outcome.failures:
            raise SystemExit(f"bench: writer failed: {outcome.failures[0]}")
    return time.perf_counter() - started


def _query_names() -> dict[str, str]:
    """Each shipped query's text -> its name (e.g. 'write/tally_apply')."""
    names = {}
    for folder in [query_files(), *(f for f in query_files().iterdir() if f.is_dir())]:
        prefix = "" if folder == query_files() else f"{folder.name}/"
        for f in folder.iterdir():
            if f.name.endswith(".cypher"):
                names[f.read_text(encoding="utf-8")] = prefix + f.name.removesuffix(".cypher")
    return names


@contextmanager
def statement_times() -> Iterator[defaultdict[str, float]]:
    """Wall seconds per statement name spent in `ManagedTransaction.run` plus fetching its records, while open."""
    names = _query_names()
    spent: defaultdict[str, float] = defaultdict(float)
    original = neo4j.ManagedTransaction.run

    def timed(self: neo4j.ManagedTransaction, query: Any, parameters: Any = None, **kwargs: Any) -> neo4j.Result:
        started = time.perf_counter()
        result = original(self, query, parameters, **kwargs)
        result._buffer_all()  # type: ignore[no-untyped-call]  # fetched now: the time is the statement's
        spent[names.get(str(query), "other")] += time.perf_counter() - started
        return result

    neo4j.ManagedTransaction.run = timed  # type: ignore[method-assign,assignment]
    try:
        yield spent
    finally:
        neo4j.ManagedTransaction.run = original  # type: ignore[method-assign]


def time_writer_chunks(
    writer: GraphWriter, docs: Sequence[Extraction], batch_size: int, chunk: int, statements: bool
) -> float:
    """`time_writer` chunk by chunk, printing each chunk's ms/doc (and its statements' ms/doc); returns the total."""
    total = 0.0
    for start in range(0, len(docs), chunk):
        part = docs[start : start + chunk]
        if statements:
            with statement_times() as spent:
                elapsed = time_writer(writer, part, batch_size)
        else:
            spent, elapsed = defaultdict(float), time_writer(writer, part, batch_size)
        total += elapsed
        line = f"  chunk {start + 1:>7}-{start + len(part):<7} writer {1000 * elapsed / len(part):7.2f} ms/doc"
        if spent:  # the statements, most costly first, then what is left: the client's own work (rows, identity)
            ranked = sorted(spent.items(), key=lambda x: -x[1])[:8]
            rest = elapsed - sum(spent.values())
            line += " | " + ", ".join(f"{name} {1000 * s / len(part):.2f}" for name, s in ranked)
            line += f", client {1000 * rest / len(part):.2f}"
        print(line, flush=True)
    return total


def _plain_batch(tx: neo4j.ManagedTransaction, rows: BatchRows) -> None:
    tx.run(PLAIN_CREATE, rows=rows.meetings).consume()
    tx.run(PLAIN_ENTITIES, rows=[*rows.people, *rows.states, *rows.organisations]).consume()


def time_plain_create(driver: neo4j.Driver, database: str, docs: Sequence[Extraction], batch_size: int) -> float:
    reference = load_reference()
    batches = [
        build_rows(docs[i : i + batch_size], reference, datetime.now(UTC)) for i in range(0, len(docs), batch_size)
    ]
    started = time.perf_counter()
    with driver.session(database=database) as session:
        for rows in batches:
            session.execute_write(_plain_batch, rows)
    elapsed = time.perf_counter() - started
    with driver.session(database=database) as session:
        session.run(
            "MATCH (n) WHERE n:BenchMeeting OR n:BenchArticle OR n:BenchPerson OR n:BenchState "
            "OR n:BenchSector OR n:BenchEntity CALL (n) { DETACH DELETE n } IN TRANSACTIONS"
        ).consume()
    return elapsed


def run_size(
    driver: neo4j.Driver,
    database: str,
    n: int,
    batch_size: int,
    chunk: int = 0,
    statements: bool = False,
    writer_only: bool = False,
) -> dict[str, Any]:
    """Empty the database, then time the plain CREATE, the writer's first ingest and a re-ingest of N documents
    (with `writer_only`, the first ingest alone; with `chunk`, printed chunk by chunk)."""
    docs = synthetic_extractions(n)
    wipe(driver, database)
    apply_schema(driver, database)
    plain = math.nan if writer_only else time_plain_create(driver, database, docs, batch_size)
    writer = GraphWriter(driver, database, load_reference())
    if chunk:
        print(f"{n} documents, first ingest, chunks of {chunk}:", flush=True)
        merged = time_writer_chunks(writer, docs, batch_size, chunk, statements)
    else:
        merged = time_writer(writer, docs, batch_size)
    again = math.nan if writer_only else time_writer(writer, docs, batch_size)
    meetings, _, _ = driver.execute_query("MATCH (m:Meeting) RETURN count(m) AS n", database_=database)
    return {"n": n, "meetings": meetings[0]["n"], "plain": plain, "merged": merged, "again": again}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--documents", type=int, action="append", help="corpus size; repeat for several (2000)")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--wipe", action="store_true", help="empty the database first")
    parser.add_argument("--chunk", type=int, default=0, help="print the first ingest's ms/doc per this many documents")
    parser.add_argument("--statements", action="store_true", help="with --chunk: each statement's ms/doc per chunk")
    parser.add_argument("--writer-only", action="store_true", help="skip the plain CREATE and the re-ingest")
    args = parser.parse_args(argv)
    sizes = args.documents or [2000]
    settings = get_settings()
    with open_driver(settings) as driver:
        database = settings.neo4j_database
        if _node_count(driver, database) and not args.wipe:
            print("bench: the database is not empty; pass --wipe to empty it first", file=sys.stderr)
            return 2
        run_size(driver, database, 300, args.batch_size)  # warm-up: query planning and JIT, not reported
        results = [
            run_size(driver, database, n, args.batch_size, args.chunk, args.statements, args.writer_only) for n in sizes
        ]
    print(
        f"batch size {args.batch_size}; after a 300-document warm-up, each size on an emptied database; "
        "ratio = GraphWriter docs/s / plain docs/s"
    )
    print(
        f"{'documents':>9} {'meetings':>8} | {'plain docs/s':>12} | {'writer docs/s':>13} {'ratio':>6} | "
        f"{'re-ingest docs/s':>16} {'ratio':>6} | {'writer ms/doc':>13}"
    )
    for r in results:
        n = r["n"]
        print(
            f"{n:>9} {r['meetings']:>8} | {n / r['plain']:>12.1f} | {n / r['merged']:>13.1f} "
            f"{r['plain'] / r['merged']:>6.2f} | {n / r['again']:>16.1f} {r['plain'] / r['again']:>6.2f} | "
            f"{1000 * r['merged'] / n:>13.2f}"
        )
    if len(results) > 1:
        first, last = results[0], results[-1]
        growth = (last["merged"] / last["n"]) / (first["merged"] / first["n"])
        print(f"writer cost per document at {last['n']} / at {first['n']}: {growth:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
