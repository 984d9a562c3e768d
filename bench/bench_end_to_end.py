"""Benchmark (issue 18): `malikg ingest` of real-text articles end to end vs bare spaCy NER, and re-ingesting them
unchanged.

    .venv/bin/python -m bench.bench_end_to_end [--documents 2000] [--processes 2] [--bolt-port P --http-port Q]

The corpus is the real articles of tests/data/real (every batch), repeated with distinct ids and URLs up to
`--documents`, written as one JSONL file. In the same run, each as a fresh process (model loads included, as a
user waits for them):

1. bare: spaCy's parser-free `fr_core_news_md` (senter + ner) over the same texts, `nlp.pipe` with `--processes`;
2. ingest: `malikg ingest FILE --processes N` into an emptied bench server (cleaning, NLP, extraction, graph writes);
3. unchanged: the same command again; every document is skipped before any NLP (`malikg/unchanged.py`).

Prints docs/s of each and the ratios the issue asks for: ingest / bare (aim >= 0.7) and unchanged / ingest
(aim >= 20x).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench.common import BENCH_DIR, MALIKG, REPO_ROOT, BenchServer, wipe

_BARE = """
import json, sys
from ingest.nlp import load_bare_nlp
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = load_bare_nlp()
for _ in nlp.pipe(texts, batch_size=8, n_process=int(sys.argv[2])):
    pass
"""


def corpus(documents: int, path: Path) -> int:
    """Write `documents` real articles (repeated with distinct ids and URLs) to `path`; returns their words."""
    rows = [
        json.loads(f.read_text(encoding="utf-8"))
        for f in sorted((REPO_ROOT / "tests" / "data" / "real").glob("batch-*/*.json"))
    ]
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(documents):
            row = rows[n % len(rows)]
            copy = n // len(rows)
            url = row.get("url") or f"https://example.org/{row['id']}"
            doc = {"id": f"{row['id']}-{copy}", "text": row["text"], "url": f"{url}#copy-{copy}"}
            if row.get("published"):
                doc["published"] = row["published"]
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            words += len(row["text"].split())
    return words


def timed(command: Sequence[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    run = subprocess.run(command, env=env, capture_output=True, text=True, cwd=REPO_ROOT)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} failed:\n{run.stderr[-2000:]}")
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--bolt-port", type=int, default=61787)
    parser.add_argument("--http-port", type=int, default=61788)
    parser.add_argument("--data-dir", type=Path, default=REPO_ROOT / "data" / "bench-e2e-neo4j")
    args = parser.parse_args(argv)
    server = BenchServer(args.bolt_port, args.http_port, args.data_dir)
    server.start()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / f"end-to-end-{args.documents}.jsonl"
    words = corpus(args.documents, path)
    with server.driver() as driver:
        wipe(driver)
    env = server.env()
    bare = timed([sys.executable, "-c", _BARE, str(path), str(args.processes)], env)
    ingest = timed([MALIKG, "ingest", str(path), "--processes", str(args.processes)], env)
    unchanged = timed([MALIKG, "ingest", str(path), "--processes", str(args.processes)], env)
    n = args.documents
    print(f"{n} real articles ({words} words), {args.processes} processes, wall time with model loads")
    print(f"{'run':<44} {'seconds':>8} {'docs/s':>8}")
    for label, seconds in (
        ("bare spaCy NER (senter + ner)", bare),
        ("malikg ingest (clean, NLP, extract, write)", ingest),
        ("malikg ingest again, unchanged (skipped)", unchanged),
    ):
        print(f"{label:<44} {seconds:>8.1f} {n / seconds:>8.1f}")
    print(f"ingest / bare NER docs/s: {bare / ingest:.2f} (aim >= 0.7)")
    print(f"unchanged re-ingest / ingest docs/s: {ingest / unchanged:.1f}x (aim >= 20x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
