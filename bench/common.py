"""Helpers shared by the API and memory benchmarks: the bench Neo4j, synthetic inputs, RSS sampling, percentiles.

Everything here talks to 127.0.0.1 only. The bench server is a local Neo4j (`malikg db start`) on its own ports
and store, so benchmarks never touch anyone's data.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import LiteralString

import neo4j
import psutil

from graph.local_auth import read_password

REPO_ROOT = Path(__file__).resolve().parents[1]
MALIKG = str(REPO_ROOT / ".venv" / "bin" / "malikg")
BENCH_DIR = REPO_ROOT / "data" / "bench"
DEFAULT_BOLT_PORT = 61687
DEFAULT_HTTP_PORT = 61474
DEFAULT_DATA_DIR = REPO_ROOT / "data" / "bench-neo4j"
DATABASE = "neo4j"
SEED = 42


@dataclass(frozen=True)
class BenchServer:
    """The bench's local Neo4j: ports and store."""

    bolt_port: int = DEFAULT_BOLT_PORT
    http_port: int = DEFAULT_HTTP_PORT
    data_dir: Path = DEFAULT_DATA_DIR

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def password(self) -> str:
        """The server's own password, generated at its first start ("" before)."""
        return read_password(self.data_dir) or ""

    def env(self) -> dict[str, str]:
        """The environment of a `malikg` subprocess pointed at this server."""
        return {
            **os.environ,
            "NEO4J_URI": self.uri,
            "NEO4J_USER": "neo4j",
            "NEO4J_PASSWORD": self.password(),
            "PYTHONUNBUFFERED": "1",
        }

    def start(self) -> None:
        """Start it (a no-op when it already runs); `malikg db start` returns once Bolt answers."""
        cmd = [MALIKG, "db", "start", "--bolt-port", str(self.bolt_port), "--http-port", str(self.http_port)]
        subprocess.run([*cmd, "--data-dir", str(self.data_dir)], check=True, env=self.env(), stdout=sys.stderr)

    def driver(self) -> neo4j.Driver:
        return neo4j.GraphDatabase.driver(self.uri, auth=("neo4j", self.password()))


def wipe(driver: neo4j.Driver, database: str = DATABASE) -> None:
    """Empty the database: relationships first, then nodes, in small transactions (a hub such as Mali has 100k+
    relationships, too many to detach in one transaction under the server's transaction memory cap). The schema
    stays. CALL ... IN TRANSACTIONS needs an auto-commit transaction, hence session.run."""
    with driver.session(database=database) as session:
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def count(driver: neo4j.Driver, query: LiteralString) -> int:
    """The single integer a fixed counting query of the benches returns."""
    records, _, _ = driver.execute_query(query, database_=DATABASE)
    return int(records[0][0])


def synthetic_files(articles: int, seed: int = SEED) -> tuple[Path, Path]:
    """The input JSONL (texts) and ground-truth Extraction JSONL of the first `articles` synthetic articles.

    Written once under data/bench/ and reused: article i depends only on (seed, i), so a file is valid as long as
    its name matches.
    """
    from bench.synthetic import generate

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    texts = BENCH_DIR / f"corpus-{seed}-{articles}.jsonl"
    truth = BENCH_DIR / f"extractions-{seed}-{articles}.jsonl"
    if texts.exists() and truth.exists():
        return texts, truth
    partial_texts, partial_truth = texts.with_suffix(".part"), truth.with_suffix(".part")
    larger = _larger_run(articles, seed)
    with partial_texts.open("w", encoding="utf-8") as out, partial_truth.open("w", encoding="utf-8") as gold:
        if larger is not None:  # the first k articles of a larger run are those of a smaller one
            for source, sink in ((larger[0], out), (larger[1], gold)):
                sink.writelines(itertools.islice(lines(source), articles))
        else:
            for article in generate(articles, seed):
                out.write(json.dumps(article.input_row(), ensure_ascii=False) + "\n")
                gold.write(article.extraction().model_dump_json(exclude_none=True) + "\n")
    partial_texts.rename(texts)
    partial_truth.rename(truth)
    return texts, truth


def _larger_run(articles: int, seed: int) -> tuple[Path, Path] | None:
    for truth in sorted(BENCH_DIR.glob(f"extractions-{seed}-*.jsonl")):
        size = int(truth.stem.rsplit("-", 1)[1])
        texts = BENCH_DIR / f"corpus-{seed}-{size}.jsonl"
        if size > articles and texts.exists():
            return texts, truth
    return None


@dataclass
class RssSampler:
    """Samples the resident set size of a process (and its children) in a background thread."""

    pid: int
    interval_s: float = 0.1
    samples: list[tuple[float, int]] = field(default_factory=list)  # (seconds since start, bytes)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def _rss(self) -> int:
        process = psutil.Process(self.pid)
        total = process.memory_info().rss
        for child in process.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.NoSuchProcess:
                continue
        return int(total)

    def _run(self) -> None:
        started = time.perf_counter()
        while not self._stop.is_set():
            try:
                self.samples.append((time.perf_counter() - started, self._rss()))
            except psutil.NoSuchProcess:
                return
            self._stop.wait(self.interval_s)

    def __enter__(self) -> RssSampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    @property
    def peak(self) -> int:
        return max((rss for _, rss in self.samples), default=0)

    def at_fractions(self, fractions: tuple[float, ...] = (0.1, 0.25, 0.5, 0.75, 1.0)) -> list[int]:
        """RSS at these fractions of the run's duration (the sample just before), to show growth or flatness."""
        if not self.samples:
            return []
        end = self.samples[-1][0]
        picked = []
        for fraction in fractions:
            before = [rss for t, rss in self.samples if t <= fraction * end]
            picked.append(before[-1] if before else self.samples[0][1])
        return picked


def mib(n_bytes: float) -> float:
    return round(n_bytes / 2**20, 1)


def percentile(sorted_values: list[float], q: float) -> float:
    """The q-quantile (0..1) of sorted values, nearest-rank."""
    if not sorted_values:
        return float("nan")
    rank = max(0, min(len(sorted_values) - 1, math.ceil(q * len(sorted_values)) - 1))
    return sorted_values[rank]


def lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as fh:
        yield from fh
