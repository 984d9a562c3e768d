"""Benchmark of the RDF export: triples per second and peak RSS for synthetic graphs of growing size.

Starts its own local Neo4j (graph/neo4j-local) on its own ports and store, so it never touches your data:

    .venv/bin/python bench/bench_rdf.py --meetings 10000 --meetings 100000 --format nt --format turtle

For each size it empties that server, writes a synthetic graph (bench/synthetic_graph.py, UNWIND batches), then
runs each export in a fresh child process writing to /dev/null, so that the peak RSS reported is that export's
alone. Flat memory shows as a peak RSS that does not grow with the number of meetings. The baseline, in the same
run on the same graph: the same paged export queries read through the driver and dropped (after a warm-up read),
so "export / bare read" is the cost of building and serialising the RDF on top of reading Neo4j.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))


def export_once(uri: str, database: str, fmt: str, batch_size: int, entity: str | None) -> dict[str, Any]:
    """Export the whole graph to /dev/null in this process; report triples, seconds and this process's peak RSS."""
    import neo4j

    from graph.rdf.export import write_export
    from graph.rdf.filters import ExportFilter
    from ingest.curation import load_reference

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", os.environ.get("NEO4J_PASSWORD", ""))) as driver:
        with open(os.devnull, "w", encoding="utf-8") as sink:
            flt = ExportFilter.parse(entity=entity, date_from="2020" if entity else None)
            stats = write_export(driver, database, fmt, sink, load_reference(), flt, batch_size=batch_size)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    return {
        "format": fmt if entity is None else f"{fmt}, --entity {entity} --from 2020",
        "triples": stats.triples,
        "characters": stats.characters,
        "seconds": round(seconds, 2),
        "triples_per_s": round(stats.triples / seconds),
        "rss_after_imports_mib": round(rss_before / 1024, 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def read_once(uri: str, database: str, batch_size: int, entity: str | None) -> dict[str, Any]:
    """The baseline: the same paged export queries through the same driver, records decoded and dropped (no RDF)."""
    import neo4j

    from graph.export.core import SECTIONS
    from graph.queries import load_query
    from graph.rdf.filters import ExportFilter

    base = ExportFilter.parse(entity=entity, date_from="2020" if entity else None).params()
    records = 0
    started = time.perf_counter()
    auth = ("neo4j", os.environ.get("NEO4J_PASSWORD", ""))
    with neo4j.GraphDatabase.driver(uri, auth=auth) as driver, driver.session(database=database) as session:
        for query_name, key in SECTIONS.values():
            last = ""
            while True:
                params = {**base, "last": last, "limit": batch_size}
                page = session.execute_read(
                    lambda tx, q, p: [r.data() for r in tx.run(q, p)], load_query(query_name), params
                )
                records += len(page)
                if len(page) < batch_size:
                    break
                last = page[-1][key]
    return {"records": records, "seconds": round(time.perf_counter() - started, 2)}


def _progress(total: int) -> Callable[[int], None]:
    def report(done: int) -> None:
        print(f"\r  writing {done:,}/{total:,} meetings", end="", file=sys.stderr)

    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meetings", type=int, action="append", help="graph size(s) (default: 10000)")
    parser.add_argument("--format", dest="formats", action="append", choices=["nt", "turtle", "json-ld"])
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--bolt-port", type=int, default=47689)
    parser.add_argument("--http-port", type=int, default=47476)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--entity", help="also time a filtered N-Triples export (e.g. RUS), from 2020 on")
    parser.add_argument("--export-only", metavar="URI", help=argparse.SUPPRESS)
    parser.add_argument("--read-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    formats = args.formats or ["nt"]
    if args.export_only:
        if args.read_only:
            print(json.dumps(read_once(args.export_only, "neo4j", args.batch_size, args.entity)))
        else:
            print(json.dumps(export_once(args.export_only, "neo4j", formats[0], args.batch_size, args.entity)))
        return

    import neo4j

    from bench.common import wipe
    from bench.synthetic_graph import write_synthetic_graph
    from graph import local_server
    from graph.schema import apply_schema

    data_dir = Path(tempfile.mkdtemp(prefix="malikg-bench-rdf-"))
    config = local_server.ServerConfig(
        data_dir=data_dir / "neo4j", bolt_port=args.bolt_port, http_port=args.http_port, heap=args.heap
    )
    info, _ = local_server.start(config, timeout_s=240)
    results = []
    try:
        child_env = {**os.environ, "NEO4J_PASSWORD": config.password()}  # the export children read it
        with neo4j.GraphDatabase.driver(info.bolt_uri, auth=("neo4j", config.password())) as driver:
            for size in args.meetings or [10_000]:
                wipe(driver, "neo4j")
                apply_schema(driver, "neo4j")
                started = time.perf_counter()
                write_synthetic_graph(driver, "neo4j", size, on_batch=_progress(size))
                write_s = time.perf_counter() - started
                print(f"\r  wrote {size:,} meetings in {write_s:.0f}s", file=sys.stderr)
                runs = [(fmt, []) for fmt in formats] + ([("nt", ["--entity", args.entity])] if args.entity else [])
                child_args = [sys.executable, __file__, "--export-only", info.bolt_uri, "--batch-size"]
                child_args.append(str(args.batch_size))
                bare = {}
                for extra in {tuple(e) for _, e in runs}:  # the baseline per filter; the first read warms up
                    for _ in range(2):
                        child = subprocess.run(
                            [*child_args, "--read-only", *extra],
                            check=True,
                            capture_output=True,
                            text=True,
                            env=child_env,
                        )
                    bare[extra] = json.loads(child.stdout)["seconds"]
                for fmt, extra in runs:
                    child = subprocess.run(
                        [*child_args, "--format", fmt, *extra],
                        check=True,
                        capture_output=True,
                        text=True,
                        env=child_env,
                    )
                    result = {"meetings": size, "write_s": round(write_s), **json.loads(child.stdout)}
                    result["bare_read_s"] = bare[tuple(extra)]
                    results.append(result)
                    print(json.dumps(result), flush=True)
    finally:
        local_server.stop(config)
        shutil.rmtree(data_dir, ignore_errors=True)
    print("\nbaseline: the same paged queries read through the driver, no RDF built (same run, same graph)")
    print("| meetings | format | triples | seconds | triples/s | bare read s | export / bare read | peak RSS (MiB) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        ratio = r["seconds"] / r["bare_read_s"] if r["bare_read_s"] else float("nan")
        row = (r["meetings"], r["format"], r["triples"], r["seconds"], r["triples_per_s"], r["bare_read_s"], ratio)
        print("| {:,} | {} | {:,} | {} | {:,} | {} | {:.2f} | ".format(*row) + f"{r['peak_rss_mib']} |")
    peaks = {r["meetings"]: r["peak_rss_mib"] for r in results if r["format"] == formats[0]}
    if len(peaks) > 1:
        small, large = min(peaks), max(peaks)
        print(f"peak RSS ({formats[0]}) at {large:,} / at {small:,} meetings: {peaks[large] / peaks[small]:.2f}x")


if __name__ == "__main__":
    main()
