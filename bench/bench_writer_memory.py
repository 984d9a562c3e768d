"""Transaction memory of the writer as the graph grows (docs/benchmarks.md, "Writer transaction memory").

    .venv/bin/python -m bench.bench_writer_memory --documents 10000 --batch-size 200 \\
        --bolt-port 17820 --http-port 17821 --data-dir data/test-neo4j-17820

Empties the bench database, then writes the first `--documents` synthetic extractions (bench/synthetic.py, seed
42) with `GraphWriter.write_many` in one process. A thread polls `SHOW TRANSACTIONS` every 20 ms for the largest
heap estimate of a write transaction (`estimatedUsedHeapMemory`, what Neo4j's transaction memory pool counts);
the writer's candidate read is counted (meetings read per batch). One line per `--every` articles: articles,
docs/s of that stretch, largest transaction heap seen, meetings read as candidates per batch (mean), batches that
fell back to one document per transaction, failures.
"""

from __future__ import annotations

import argparse
import itertools
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import neo4j

import graph.writer as writer_module
from bench.common import DATABASE, BenchServer, lines, mib, synthetic_files, wipe
from graph.meeting_identity import assign_meetings
from graph.schema import apply_schema
from graph.writer import GraphWriter
from ingest.curation import load_reference
from ingest.models import Extraction


class HeapPoller:
    """Largest `estimatedUsedHeapMemory` of any transaction, reset on demand."""

    def __init__(self, driver: neo4j.Driver) -> None:
        self.driver = driver
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with self.driver.session(database=DATABASE) as session:
            while not self._stop.is_set():
                for record in session.run("SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory AS heap RETURN heap"):
                    self.peak = max(self.peak, record["heap"] or 0)
                time.sleep(0.02)

    def take(self) -> int:
        peak, self.peak = self.peak, 0
        return peak

    def __enter__(self) -> HeapPoller:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=10000)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--every", type=int, default=1000)
    parser.add_argument("--bolt-port", type=int, default=17820)
    parser.add_argument("--http-port", type=int, default=17821)
    parser.add_argument("--data-dir", type=Path, default=Path("data/test-neo4j-17820").resolve())
    args = parser.parse_args(argv)
    server = BenchServer(args.bolt_port, args.http_port, args.data_dir)
    server.start()
    _, truth = synthetic_files(args.documents)
    docs = [Extraction.model_validate_json(line) for line in itertools.islice(lines(truth), args.documents)]

    read: list[int] = []

    def counting(rows: Any, candidates: Any, reposts: Any) -> Any:
        candidates = list(candidates)
        read.append(len(candidates))
        return assign_meetings(rows, candidates, reposts)

    setattr(writer_module, "assign_meetings", counting)  # noqa: B010 (count the candidates each batch reads)
    with server.driver() as driver:
        wipe(driver, DATABASE)
        apply_schema(driver, DATABASE)
        writer = GraphWriter(driver, DATABASE, load_reference())
        print(f"{args.documents} synthetic extractions, batch {args.batch_size}, one writer")
        print("articles   docs/s   peak tx heap MiB   candidates/batch   retries+fallbacks   failures")
        done, fallbacks, failures = 0, 0, 0
        with HeapPoller(driver) as poller:
            started = time.perf_counter()
            for start in range(0, len(docs), args.every):
                stretch = docs[start : start + args.every]
                read.clear()
                for outcome in writer.write_many(stretch, batch_size=args.batch_size):
                    failures += len(outcome.failures)
                fallbacks += max(0, len(read) - len(range(0, len(stretch), args.batch_size)))
                done += len(stretch)
                elapsed, started = time.perf_counter() - started, time.perf_counter()
                batches = read[: len(range(0, len(stretch), args.batch_size))]
                print(
                    f"{done:8d} {len(stretch) / elapsed:8.1f} {mib(poller.take()):18.1f} "
                    f"{sum(batches) / max(1, len(batches)):18.0f} {fallbacks:11d} {failures:10d}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
