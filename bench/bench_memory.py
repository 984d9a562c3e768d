"""Peak RSS of `malikg ingest` (a subprocess sampled with psutil) on synthetic corpora of growing size.

    .venv/bin/python -m bench.bench_memory --extractions 10000 --extractions 100000 --nlp 100 --nlp 1000

Two paths, each on an emptied bench Neo4j (127.0.0.1:61687, store data/bench-neo4j, started if needed):

- `--from-extractions` (ground-truth Extraction JSONL of bench/synthetic.py): the writer and the streaming reader
  without NLP, so 100k articles fit in minutes on 2 cores;
- the real NLP path (`--jsonl` texts -> spaCy fr -> writer), at smaller sizes: on 2 shared cores it runs at a few
  articles per second, so 100k articles would take hours.

The RSS is that of the `malikg` process and its children (extraction workers), sampled every 0.1 s; the table
shows it at 10 %, 50 % and 100 % of each run, so growth within a run shows as well as growth across sizes.
The graph of the last run is left in place (bench_api.py reuses a large one).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import MALIKG, BenchServer, RssSampler, count, mib, synthetic_files, wipe

LIMIT_MIB = 1536.0


@dataclass(frozen=True)
class Run:
    """One measured `malikg ingest`."""

    path: str
    articles: int
    seconds: float
    peak_mib: float
    at_fractions_mib: list[float]
    meetings: int


def measure(server: BenchServer, path: str, articles: int, batch_size: int) -> Run:
    """Empty the database, run one ingest of the first `articles` synthetic articles, sample its RSS."""
    texts, truth = synthetic_files(articles)
    source = ["--from-extractions", str(truth)] if path == "extractions" else ["--jsonl", str(texts)]
    with server.driver() as driver:
        wipe(driver)
    started = time.perf_counter()
    with subprocess.Popen(
        [MALIKG, "ingest", *source, "--batch-size", str(batch_size)],
        env=server.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        with RssSampler(process.pid) as sampler:
            out, err = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"bench_memory: malikg ingest exited {process.returncode}: {err.strip()[-500:]}")
    print(f"  {path} {articles}: {out.strip()}", file=sys.stderr)
    with server.driver() as driver:
        meetings = count(driver, "MATCH (m:Meeting) RETURN count(m)")
    return Run(
        path=path,
        articles=articles,
        seconds=seconds,
        peak_mib=mib(sampler.peak),
        at_fractions_mib=[mib(r) for r in sampler.at_fractions((0.1, 0.5, 1.0))],
        meetings=meetings,
    )


def print_table(runs: Sequence[Run]) -> None:
    print(
        f"{'path':<18} {'articles':>9} {'meetings':>9} {'seconds':>8} {'docs/s':>7} "
        f"{'RSS@10%':>8} {'RSS@50%':>8} {'RSS@100%':>8} {'peak MiB':>9}"
    )
    for r in runs:
        at = r.at_fractions_mib
        print(
            f"{'--' + ('from-extractions' if r.path == 'extractions' else 'jsonl (NLP)'):<18} {r.articles:>9} "
            f"{r.meetings:>9} {r.seconds:>8.1f} {r.articles / r.seconds:>7.1f} "
            f"{at[0]:>8.1f} {at[1]:>8.1f} {at[2]:>8.1f} {r.peak_mib:>9.1f}"
        )
    for path in ("extractions", "nlp"):
        same = sorted((r for r in runs if r.path == path), key=lambda r: r.articles)
        if len(same) >= 2:
            small, large = same[0], same[-1]
            print(
                f"{path}: {large.articles / small.articles:.0f}x the articles -> "
                f"{large.peak_mib / small.peak_mib:.2f}x the peak RSS"
            )
    worst = max(r.peak_mib for r in runs)
    verdict = "within" if worst <= LIMIT_MIB else "ABOVE"
    print(f"largest peak RSS {worst:.1f} MiB: {verdict} the {LIMIT_MIB:.0f} MiB (1.5 GiB) budget")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--extractions", type=int, action="append", help="sizes for --from-extractions")
    parser.add_argument("--nlp", type=int, action="append", help="sizes for the NLP path (--jsonl)")
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--bolt-port", type=int, default=BenchServer.bolt_port)
    parser.add_argument("--http-port", type=int, default=BenchServer.http_port)
    parser.add_argument("--data-dir", type=Path, default=BenchServer.data_dir)
    args = parser.parse_args(argv)
    server = BenchServer(args.bolt_port, args.http_port, args.data_dir)
    server.start()
    plan = [("nlp", n) for n in sorted(args.nlp or [])] + [("extractions", n) for n in sorted(args.extractions or [])]
    if not plan:
        plan = [("nlp", 100), ("extractions", 10_000)]
    runs = []
    for path, articles in plan:
        print(f"bench_memory: ingest {articles} articles ({path})", file=sys.stderr)
        runs.append(measure(server, path, articles, args.batch_size))
    print_table(runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
