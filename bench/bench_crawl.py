"""Benchmark: pages/s of crawl + extract + write against extraction alone on the same pages, same run; and the
cost of unchanged pages and documents (skipped before the NLP).

    .venv/bin/python -m bench.bench_crawl [--pages 200] [--unchanged 10000] [--bolt-port P --http-port Q]

Serves N synthetic articles (bench/synthetic.py) as HTML pages from the local site (bench/crawl_site.py, one
sitemap) and starts its own local Neo4j on free ports (or the given ones) with its store under data/. Then:
0. warm-up, not timed: the first 50 pages extracted and written, then the graph emptied (a fresh Neo4j JVM runs
   its first transactions several times slower than a warm one, and a crawler runs for days);
1. extraction alone: `extract_documents` over the pages' main texts (trafilatura already applied, not timed);
   then extract + write: the same, handed to `GraphWriter.write_many` (the `malikg ingest` path), graph emptied;
2. crawl round 1 (empty graph, empty state): list, fetch, trafilatura, relevance, unchanged check, extract, write;
3. crawl round 2 (same state): the sitemap answers 304, no page is requested;
4. crawl round 3 (state forgotten, same graph): every page fetched again and skipped by its text hash;
5. `malikg ingest` of M unchanged documents (their articles and hashes written into the graph beforehand, without
   NLP) against `malikg ingest --reextract` of the first 200 of them, in docs/s.
Politeness is set for a local server (no delay, 8 requests in flight); processes = 1 everywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import neo4j

from bench.common import MALIKG, REPO_ROOT, synthetic_files, wipe
from bench.crawl_site import Site
from crawl.fetcher import Response
from crawl.pages import page_document
from crawl.rounds import Round
from crawl.sources import Politeness, Source
from crawl.state import CrawlState
from graph import local_server
from graph.schema import apply_schema
from graph.writer import GraphWriter
from ingest.curation import load_reference
from ingest.models import Document, Extraction
from ingest.nlp import load_nlp
from ingest.pipeline import extract_documents
from ingest.readers import iter_documents
from malikg.unchanged import document_key

DATABASE = "neo4j"
LOCAL = Politeness(user_agent="malikg-bench/1", delay_s=0, per_host=8, workers=8, timeout_s=30, max_pages=100_000)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _site_pages(n: int) -> Site:
    texts, _ = synthetic_files(n)
    articles = {}
    with texts.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            articles[row["id"]] = row["text"]
    return Site(articles)


def _documents(site: Site) -> list[Document]:
    out = []
    for slug in site.articles:
        page = site.pages[site.article_path(slug)]
        response = Response(site.url(site.article_path(slug)), 200, page.body, page.content_type, None, None)
        out.append(page_document(response))
    return out


def _extractions(docs: list[Document]) -> Iterator[Extraction]:
    for item in extract_documents(docs, batch_size=8):
        if isinstance(item, Extraction):
            yield item


def _round(site: Site, driver: neo4j.Driver, state_path: Path) -> tuple[float, str]:
    with CrawlState(state_path) as state:
        runner = Round(
            [Source(sitemap=site.url("/sitemap-articles.xml"))],
            LOCAL,
            state,
            driver,
            DATABASE,
            stop=threading.Event(),
            report=lambda line: None,
        )
        started = time.perf_counter()
        summary = runner.run()
        return time.perf_counter() - started, " | ".join(summary.lines())


def _timed_ingest(env: dict[str, str], *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    run = subprocess.run([MALIKG, "ingest", *args], env=env, capture_output=True, text=True, cwd=REPO_ROOT)
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"malikg ingest failed: {run.stderr[-2000:]}")
    return elapsed, run.stdout.strip().splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--unchanged", type=int, default=10_000)
    ap.add_argument("--bolt-port", type=int, default=0)
    ap.add_argument("--http-port", type=int, default=0)
    args = ap.parse_args()
    config = local_server.ServerConfig(
        data_dir=REPO_ROOT / "data" / "bench-crawl-neo4j",
        bolt_port=args.bolt_port or _free_port(),
        http_port=args.http_port or _free_port(),
    )
    info, started_here = local_server.start(config, timeout_s=300)
    env = {**os.environ, "NEO4J_URI": info.bolt_uri, "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": ""}
    try:
        with (
            neo4j.GraphDatabase.driver(info.bolt_uri, auth=("neo4j", "")) as driver,
            Site(_site_pages(args.pages).articles) as site,
            tempfile.TemporaryDirectory() as tmp,
        ):
            os.environ.update(env)
            wipe(driver, DATABASE)
            apply_schema(driver, DATABASE)
            docs = _documents(site)
            load_nlp()
            writer = GraphWriter(driver, DATABASE, load_reference())
            for _ in writer.write_many(_extractions(docs[:50]), batch_size=50):
                pass
            wipe(driver, DATABASE)
            apply_schema(driver, DATABASE)
            t = time.perf_counter()
            for _ in extract_documents(docs, batch_size=8):
                pass
            alone = time.perf_counter() - t
            t = time.perf_counter()
            for _ in writer.write_many(_extractions(docs), batch_size=50):
                pass
            with_write = time.perf_counter() - t
            wipe(driver, DATABASE)
            apply_schema(driver, DATABASE)
            first, summary1 = _round(site, driver, Path(tmp) / "state.sqlite")
            second, summary2 = _round(site, driver, Path(tmp) / "state.sqlite")
            third, summary3 = _round(site, driver, Path(tmp) / "fresh.sqlite")
            n = len(docs)
            print(f"{n} pages (synthetic articles as HTML, local site), 1 process")
            print(f"extraction alone            {alone:7.1f} s  {n / alone:7.1f} pages/s")
            print(f"extract + write (ingest)    {with_write:7.1f} s  {n / with_write:7.1f} pages/s")
            print(
                f"crawl + extract + write     {first:7.1f} s  {n / first:7.1f} pages/s  "
                f"({first / alone:.2f}x the time of extraction alone, {first / with_write:.2f}x extract + write)"
            )
            print(f"  {summary1}")
            print(f"second round, same state    {second:7.1f} s  (sitemap 304, no page requested)")
            print(f"  {summary2}")
            print(f"state forgotten, same graph {third:7.1f} s  {n / third:7.1f} pages/s (fetched, skipped by hash)")
            print(f"  {summary3}")

            texts, _ = synthetic_files(args.unchanged)
            wipe(driver, DATABASE)
            apply_schema(driver, DATABASE)
            sample = Path(tmp) / "sample.jsonl"
            with texts.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as out:
                out.writelines(line for _, line in zip(range(200), src, strict=False))
            ingest_s, ingest_line = _timed_ingest(env, "--reextract", str(sample))
            keyed = []
            for doc in iter_documents([texts]):
                key = document_key(doc) if isinstance(doc, Document) else None
                if isinstance(doc, Document) and key is not None:
                    keyed.append(Extraction(id=doc.id, url=doc.url, text_sha1=key[1]))
            for _ in writer.write_many(keyed, batch_size=500):
                pass
            skip_s, skip_line = _timed_ingest(env, str(texts))
            rate_ingest, rate_skip = 200 / ingest_s, args.unchanged / skip_s
            print(
                f"malikg ingest, 200 new documents        {ingest_s:7.1f} s  {rate_ingest:8.1f} docs/s  ({ingest_line})"
            )
            print(
                f"malikg ingest, {args.unchanged} unchanged documents {skip_s:7.1f} s  {rate_skip:8.1f} docs/s  "
                f"({skip_line})"
            )
            print(f"unchanged re-ingest is {rate_skip / rate_ingest:.0f}x faster per document")
    finally:
        if started_here:
            local_server.stop(config)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
