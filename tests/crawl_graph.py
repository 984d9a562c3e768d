"""Helpers of the crawler's tests: a sources file for the local site, `malikg crawl` as a subprocess, and a
canonical dump of the graph (keys instead of element ids, no ingestion times) for equality checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import neo4j
import yaml

from bench.crawl_site import Site
from core.settings import REPO_ROOT

MALIKG = str(Path(sys.executable).with_name("malikg"))
TEST_POLITENESS = {
    "user_agent": "malikg-crawler-test/1.0",
    "delay_s": 0.0,
    "per_host": 4,
    "workers": 4,
    "timeout_s": 1.0,
    "max_bytes": 1_000_000,
    "max_redirects": 3,
    "retries": 1,
    "backoff_s": 0.1,
}


def sources_file(site: Site, path: Path, **politeness: Any) -> Path:
    """The local site's feed, sitemap index and malformed feed, with fast test politeness."""
    data = {
        "politeness": {**TEST_POLITENESS, **politeness},
        "sources": [
            {"feed": site.url("/feed.xml")},
            {"sitemap": site.url("/sitemap.xml")},
            {"feed": site.url("/bad-feed.xml")},
        ],
    }
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def run_crawl(env: dict[str, str], *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MALIKG, "crawl", *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=REPO_ROOT
    )


def _key(labels: list[str], props: dict[str, Any]) -> str:
    for name in ("id", "iso3", "name", "key"):
        if name in props:
            return f"{labels[0]}:{props[name]}"
    return f"{labels[0]}:?"


_UNCOMPARED = {"ingested_at", "document_id"}


def canonical_graph(driver: neo4j.Driver) -> dict[str, list[Any]]:
    """Nodes (label key + properties) and relationships (type, end keys, properties), sorted; without
    `ingested_at` (a time), `document_id` (the caller's handle for a document: the page's URL when crawled, the file
    name when ingested from files; not a fact of the graph) and the writers' WriteLock bookkeeping."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) WHERE NOT n:WriteLock RETURN labels(n) AS labels, properties(n) AS props"
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a) AS la, properties(a) AS pa, labels(b) AS lb, "
        "properties(b) AS pb, properties(r) AS props"
    )
    node_rows = sorted(
        (_key(r["labels"], r["props"]), sorted((k, repr(v)) for k, v in r["props"].items() if k not in _UNCOMPARED))
        for r in nodes
    )
    rel_rows = sorted(
        (r["type"], _key(r["la"], r["pa"]), _key(r["lb"], r["pb"]), sorted((k, repr(v)) for k, v in r["props"].items()))
        for r in rels
    )
    return {"nodes": node_rows, "relationships": rel_rows}


def diff(a: dict[str, list[Any]], b: dict[str, list[Any]]) -> list[str]:
    """Lines only in one of two canonical graphs (empty when equal)."""
    out = []
    for part in ("nodes", "relationships"):
        left, right = {repr(x) for x in a[part]}, {repr(x) for x in b[part]}
        out += [f"- {x}" for x in sorted(left - right)] + [f"+ {x}" for x in sorted(right - left)]
    return out
