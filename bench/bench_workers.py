"""Throughput of 1, 2 and 4 concurrent `malikg ingest` workers writing into one Neo4j (docs/scaling.md).

    .venv/bin/python -m bench.bench_workers --documents 3000 --workers 1 --workers 2 --workers 4 \\
        --bolt-port 61787 --http-port 61788 --data-dir data/bench-cache-neo4j

The first `--documents` synthetic extractions of bench/synthetic.py (seed 42) are split into k disjoint shards
(article i goes to shard i mod k); for each k the database is emptied and k `malikg ingest --from-extractions`
processes run at once, each with its own driver, as k hosts would. Wall time from the first start to the last exit
gives docs/s; the graph's meeting, article and relationship counts must be the same for every k. With
`--from-extractions` this measures the write side alone (locks, MERGE, meeting identity): with the NLP the
workers are CPU-bound on their own hosts, about 10 docs/s per process here.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench.common import BENCH_DIR, MALIKG, BenchServer, count, lines, synthetic_files, wipe
from graph.schema import apply_schema


def run_workers(server: BenchServer, shards: Sequence[Path], batch_size: int) -> float:
    """Start one `malikg ingest` per shard at once; the wall time until the last one exits."""
    started = time.perf_counter()
    workers = [
        subprocess.Popen(
            [MALIKG, "ingest", "--from-extractions", str(shard), "--batch-size", str(batch_size)],
            env=server.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for shard in shards
    ]
    for worker in workers:
        _, err = worker.communicate()
        if worker.returncode != 0:
            raise SystemExit(f"bench_workers: a worker failed ({worker.returncode}): {err.decode()[-500:]}")
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--workers", type=int, action="append", help="concurrent workers (default 1, 2, 4)")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--bolt-port", type=int, default=61787)
    parser.add_argument("--http-port", type=int, default=61788)
    parser.add_argument("--data-dir", type=Path, default=Path("data/bench-cache-neo4j").resolve())
    args = parser.parse_args(argv)
    server = BenchServer(args.bolt_port, args.http_port, args.data_dir)
    server.start()
    _, truth = synthetic_files(args.documents)
    rows = list(itertools.islice(lines(truth), args.documents))
    print(f"{args.documents} synthetic extractions, batch {args.batch_size}; each k on an emptied database")
    print("workers | seconds | docs/s | x 1 worker | meetings articles relationships")
    base_rate = 0.0
    for k in args.workers or [1, 2, 4]:
        shards = []
        for i in range(k):
            shard = BENCH_DIR / f"workers-{args.documents}-{k}-{i}.jsonl"
            shard.write_text("".join(rows[i::k]), encoding="utf-8")
            shards.append(shard)
        with server.driver() as driver:
            wipe(driver)
            apply_schema(driver, "neo4j")
            seconds = run_workers(server, shards, args.batch_size)
            graph = [
                count(driver, "MATCH (m:Meeting) RETURN count(m)"),
                count(driver, "MATCH (a:Article) RETURN count(a)"),
                count(driver, "MATCH ()-[r]->() RETURN count(r)"),
            ]
        for shard in shards:
            shard.unlink()
        rate = args.documents / seconds
        base_rate = base_rate or rate
        print(f"{k:>7} | {seconds:>7.1f} | {rate:>6.0f} | {rate / base_rate:>10.2f} | {graph[0]} {graph[1]} {graph[2]}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
