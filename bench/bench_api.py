"""Latency and throughput of /contacts, /partners and /timeline against the bare Cypher of the same query files.

    .venv/bin/python -m bench.bench_api --meetings 100000 --requests 2000 --clients 1 --clients 16 --clients 64

Uses the bench Neo4j (127.0.0.1:61687, store data/bench-neo4j, started if needed). If it holds fewer than
`--meetings` meetings it is loaded: `--load writer` runs `malikg ingest --from-extractions` on further articles of
the ground truth of bench/synthetic.py (real names; Mali in nearly every meeting, like the news) until there are
enough, `--load unwind` empties it and writes bench/synthetic_graph.py's uniform graph in UNWIND batches (faster,
less realistic). Then it starts `malikg serve` (uvicorn) on 127.0.0.1:61800 and, for each endpoint and number of
concurrent clients, measures

- the API: an async httpx load generator, `--requests` GETs (each must answer 200), and
- the bare Cypher: the same sequence of query files the endpoint runs (resolution by key, list, meeting
  records), with the same parameters and concurrency, through the sync Python driver on one thread per
  client (as the API runs it in its thread pool), one read transaction per query,

back to back in the same run, and prints p50, p99, requests/s and the API/bare ratios. The API process's RSS
is sampled throughout. Every cell stops after `--requests` requests or `--max-seconds`, whichever comes first.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx
import neo4j

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    BENCH_DIR,
    DATABASE,
    MALIKG,
    BenchServer,
    RssSampler,
    count,
    lines,
    mib,
    percentile,
    synthetic_files,
    wipe,
)
from bench.workload import Workload, pick_workloads

API_PORT = 61800


@dataclass(frozen=True)
class Cell:
    """One measured (endpoint, side, clients) cell."""

    endpoint: str
    side: str
    clients: int
    requests: int  # answered
    failed: int  # non-200 answers (e.g. 504 over the query timeout), timeouts
    seconds: float
    p50_ms: float
    p99_ms: float
    rps: float
    api_rss_mib: tuple[float, float] | None  # API process RSS at the start and end of the cell


def load_graph(server: BenchServer, meetings: int, how: str) -> int:
    """Make sure the bench database holds at least `meetings` meetings; return how many it holds."""
    with server.driver() as driver:
        present = count(driver, "MATCH (m:Meeting) RETURN count(m)")
        if present >= meetings:
            print(f"bench_api: reusing the graph in place ({present} meetings)", file=sys.stderr)
            return present
        started = time.perf_counter()
        if how == "unwind":
            from bench.synthetic_graph import write_synthetic_graph
            from graph.schema import apply_schema

            wipe(driver)
            apply_schema(driver, DATABASE)
            write_synthetic_graph(driver, DATABASE, meetings)
        else:
            _ingest_until(server, driver, meetings)
        loaded = count(driver, "MATCH (m:Meeting) RETURN count(m)")
    print(f"bench_api: loaded {loaded} meetings ({how}) in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return loaded


def _ingest_until(server: BenchServer, driver: neo4j.Driver, meetings: int) -> None:
    """`malikg ingest --from-extractions` on further synthetic articles until the graph has `meetings` meetings.

    Ingestion is idempotent and additive, so the graph in place (e.g. bench_memory's) is kept and extended from
    its article count on. Reports of the same meeting merge, so the corpus needs more articles than meetings
    (100k articles make about 82k meetings).
    """
    present = count(driver, "MATCH (m:Meeting) RETURN count(m)")
    while present < meetings:
        start = count(driver, "MATCH (a:Article) RETURN count(a)")
        end = start + max(5000, int((meetings - present) * 1.3))
        _, truth = synthetic_files(end)
        chunk = BENCH_DIR / f"api-extractions-{start}-{end}.jsonl"
        with chunk.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(lines(truth), start, end))
        print(f"bench_api: ingesting articles {start}..{end} ({present} meetings so far)", file=sys.stderr)
        cmd = [MALIKG, "ingest", "--from-extractions", str(chunk)]
        subprocess.run(cmd, check=True, env=server.env(), stdout=sys.stderr)
        chunk.unlink()
        present = count(driver, "MATCH (m:Meeting) RETURN count(m)")


class ApiProcess:
    """`malikg serve` on 127.0.0.1:PORT as a subprocess, stopped on exit."""

    def __init__(self, server: BenchServer, port: int) -> None:
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self._process = subprocess.Popen(
            [MALIKG, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=server.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    @property
    def pid(self) -> int:
        return self._process.pid

    def wait_ready(self, timeout_s: float = 60.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise SystemExit(f"bench_api: malikg serve exited with {self._process.returncode}")
            try:
                if httpx.get(f"{self.base}/health", timeout=2.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"bench_api: the API did not answer on {self.base} within {timeout_s:.0f} s")

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


async def drive(
    call: Callable[[int], Awaitable[bool]], clients: int, requests: int, max_seconds: float
) -> tuple[list[float], int, float]:
    """Run `call(i)` for i = 0.. from `clients` concurrent workers: latencies of the answered requests (s, sorted),
    the number of failed ones (non-200 answer, timeout, refused query) and the wall time."""
    latencies: list[float] = []
    failed = 0
    next_index = 0
    deadline = time.perf_counter() + max_seconds

    async def worker() -> None:
        nonlocal next_index, failed
        while next_index < requests and time.perf_counter() < deadline:
            index = next_index
            next_index += 1
            started = time.perf_counter()
            if await call(index):
                latencies.append(time.perf_counter() - started)
            else:
                failed += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return sorted(latencies), failed, time.perf_counter() - started


def api_call(client: httpx.AsyncClient, workload: Workload) -> Callable[[int], Awaitable[bool]]:
    """A GET of the endpoint; True when it answered 200."""

    async def call(index: int) -> bool:
        params = workload.http_params[index % len(workload.http_params)]
        try:
            response = await client.get(workload.path, params=params)
        except httpx.TimeoutException:
            return False
        if response.status_code != 200:
            print(f"  {workload.path} {params}: {response.status_code} {response.text[:120]}", file=sys.stderr)
        return response.status_code == 200

    return call


def bare_call(driver: neo4j.Driver, workload: Workload, pool: ThreadPoolExecutor) -> Callable[[int], Awaitable[bool]]:
    """One request's queries through the sync driver on a thread of `pool`, as the API runs them (with the API's
    default 10 s transaction timeout); True when they all succeeded."""

    def run(index: int) -> bool:
        with driver.session(
            database=DATABASE, default_access_mode=neo4j.READ_ACCESS, notifications_min_severity="OFF"
        ) as session:
            try:
                workload.run_bare(session, index % len(workload.http_params))
            except neo4j.exceptions.ClientError as exc:  # a transaction over the timeout: counted, as the API's 504
                print(f"  bare {workload.path}: {exc.code}", file=sys.stderr)
                return False
        return True

    async def call(index: int) -> bool:
        return await asyncio.get_running_loop().run_in_executor(pool, run, index)

    return call


def summarise(
    endpoint: str,
    side: str,
    clients: int,
    measured: tuple[list[float], int, float],
    rss: tuple[float, float] | None,
) -> Cell:
    latencies, failed, seconds = measured
    return Cell(
        endpoint=endpoint,
        side=side,
        clients=clients,
        requests=len(latencies),
        failed=failed,
        seconds=round(seconds, 2),
        p50_ms=round(percentile(latencies, 0.50) * 1000, 2),
        p99_ms=round(percentile(latencies, 0.99) * 1000, 2),
        rps=round(len(latencies) / seconds, 1),
        api_rss_mib=rss,
    )


async def measure(
    api: ApiProcess,
    sampler: RssSampler,
    server: BenchServer,
    workloads: Sequence[Workload],
    clients_list: Sequence[int],
    requests: int,
    max_seconds: float,
) -> list[Cell]:
    """For each endpoint and concurrency: the API cell, then the bare cell, back to back."""
    cells = []
    limits = httpx.Limits(max_connections=max(clients_list), max_keepalive_connections=max(clients_list))
    async with httpx.AsyncClient(base_url=api.base, limits=limits, timeout=60.0) as client:
        with server.driver() as driver, ThreadPoolExecutor(max(clients_list)) as pool:
            for workload in workloads:
                warm = min(50, 2 * len(workload.http_params))
                await drive(api_call(client, workload), 4, warm, max_seconds)
                await drive(bare_call(driver, workload, pool), 4, warm, max_seconds)
                for clients in clients_list:
                    before = mib(sampler.samples[-1][1]) if sampler.samples else 0.0
                    measured = await drive(api_call(client, workload), clients, requests, max_seconds)
                    after = mib(sampler.samples[-1][1]) if sampler.samples else 0.0
                    cells.append(summarise(workload.path, "api", clients, measured, (before, after)))
                    measured = await drive(bare_call(driver, workload, pool), clients, requests, max_seconds)
                    cells.append(summarise(workload.path, "bare", clients, measured, None))
                    api_cell, bare_cell = cells[-2], cells[-1]
                    print(
                        f"  {workload.path} x{clients}: api p50 {api_cell.p50_ms} p99 {api_cell.p99_ms} "
                        f"({api_cell.rps}/s, {api_cell.failed} failed) | bare p50 {bare_cell.p50_ms} "
                        f"p99 {bare_cell.p99_ms} ({bare_cell.rps}/s, {bare_cell.failed} failed)",
                        file=sys.stderr,
                    )
    return cells


def print_table(cells: Sequence[Cell], meetings: int, rss: RssSampler) -> None:
    print(
        f"graph: {meetings} meetings; latencies in ms (answered requests); ratio = API / bare Cypher (same run); "
        "req/s x = bare req/s / API req/s"
    )
    print(
        f"{'endpoint':<10} {'clients':>7} | {'API p50':>8} {'p99':>8} {'req/s':>7} {'fail':>4} | "
        f"{'bare p50':>8} {'p99':>8} {'req/s':>7} {'fail':>4} | {'p50 x':>6} {'p99 x':>6} {'req/s x':>7} | "
        f"{'API RSS MiB':>13}"
    )
    for api, bare in zip(cells[::2], cells[1::2], strict=True):
        rss_text = f"{api.api_rss_mib[0]:.0f} -> {api.api_rss_mib[1]:.0f}" if api.api_rss_mib else ""
        print(
            f"{api.endpoint:<10} {api.clients:>7} | {api.p50_ms:>8.1f} {api.p99_ms:>8.1f} {api.rps:>7.1f} "
            f"{api.failed:>4} | {bare.p50_ms:>8.1f} {bare.p99_ms:>8.1f} {bare.rps:>7.1f} {bare.failed:>4} | "
            f"{api.p50_ms / bare.p50_ms:>6.2f} "
            f"{api.p99_ms / bare.p99_ms:>6.2f} {bare.rps / api.rps:>7.2f} | {rss_text:>13}"
        )
    values = [r for _, r in rss.samples]
    if values:
        print(
            f"API process RSS over the run: start {mib(values[0])} MiB, min {mib(min(values))}, "
            f"max {mib(max(values))}, end {mib(values[-1])} ({len(values)} samples)"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--load", choices=["writer", "unwind"], default="writer")
    parser.add_argument("--requests", type=int, default=2000, help="requests per cell")
    parser.add_argument("--max-seconds", type=float, default=45.0, help="time bound per cell")
    parser.add_argument("--clients", type=int, action="append", help="concurrent clients (default 1, 16, 64)")
    parser.add_argument("--endpoint", action="append", choices=["contacts", "partners", "timeline"])
    parser.add_argument("--bolt-port", type=int, default=BenchServer.bolt_port)
    parser.add_argument("--http-port", type=int, default=BenchServer.http_port)
    parser.add_argument("--data-dir", type=Path, default=BenchServer.data_dir)
    parser.add_argument("--api-port", type=int, default=API_PORT)
    parser.add_argument("--json", type=Path, help="also write the cells as JSON here")
    args = parser.parse_args(argv)
    server = BenchServer(args.bolt_port, args.http_port, args.data_dir)
    server.start()
    meetings = load_graph(server, args.meetings, args.load)
    with server.driver() as driver:
        workloads = pick_workloads(driver, args.endpoint or ["contacts", "partners", "timeline"])
    for workload in workloads:
        print(f"bench_api: {workload.path} meetings per parameter set: {workload.weights}", file=sys.stderr)
    api = ApiProcess(server, args.api_port)
    try:
        api.wait_ready()
        with RssSampler(api.pid, interval_s=0.25) as sampler:
            cells = asyncio.run(
                measure(api, sampler, server, workloads, args.clients or [1, 16, 64], args.requests, args.max_seconds)
            )
    finally:
        api.stop()
    print_table(cells, meetings, sampler)
    if args.json is not None:
        payload: dict[str, Any] = {
            "meetings": meetings,
            "cells": [asdict(c) for c in cells],
            "api_rss_mib": [mib(r) for _, r in sampler.samples],
        }
        args.json.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
