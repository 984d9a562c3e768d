"""The read cache (api/read_cache.py): /contacts, /partners, /timeline cold and warm, against bare Cypher.

    .venv/bin/python -m bench.bench_cache --meetings 10000 --clients 16 --max-seconds 15 \\
        --bolt-port 61787 --http-port 61788 --data-dir data/bench-cache-neo4j

Loads (or reuses) a graph of at least `--meetings` meetings through the real writer, exactly as bench_api does,
and picks the same workloads (20 parameter sets per endpoint from the heavy end). Then, per endpoint and number of
clients, in the same run:

- cold: `malikg serve` with MALIKG_READ_CACHE_MB=0 (no cache; every request runs its queries);
- bare: the same query files through the driver (bench_api's baseline), for cold API / bare;
- warm: `malikg serve` with the cache on, after one pass over the parameter sets (what a repeated read costs:
  the graph-version read plus the stored answer);
- 304: the warm API asked with If-None-Match (a client that keeps the ETag: the version read and no body).

Every request must answer 200 (304 for the last cell); a cell stops after `--requests` or `--max-seconds`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bench.bench_api import API_PORT, ApiProcess, Cell, bare_call, drive, load_graph, summarise
from bench.common import MALIKG, BenchServer
from bench.workload import Workload, pick_workloads


class CachedApi(ApiProcess):
    """`malikg serve` with the read cache set to `cache_mb` (0: off)."""

    def __init__(self, server: BenchServer, port: int, cache_mb: int) -> None:
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        env = {**server.env(), "MALIKG_READ_CACHE_MB": str(cache_mb)}
        env.pop("MALIKG_API_KEY", None)  # read-only: no spaCy worker is started
        self._process = subprocess.Popen(
            [MALIKG, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def get_call(
    client: httpx.AsyncClient, workload: Workload, etags: dict[int, str] | None, status: int = 200
) -> Callable[[int], Awaitable[bool]]:
    """A GET of the endpoint (with the parameter set's ETag as If-None-Match when `etags` is given); True when it
    answered `status`."""

    async def call(index: int) -> bool:
        slot = index % len(workload.http_params)
        headers = {"If-None-Match": etags[slot]} if etags is not None else {}
        try:
            response = await client.get(workload.path, params=workload.http_params[slot], headers=headers)
        except httpx.TimeoutException:
            return False
        if response.status_code != status:
            print(f"  {workload.path}: {response.status_code} {response.text[:120]}", file=sys.stderr)
        return response.status_code == status

    return call


async def _collect_etags(client: httpx.AsyncClient, workload: Workload) -> dict[int, str]:
    found = {}
    for slot, params in enumerate(workload.http_params):
        response = await client.get(workload.path, params=params)
        response.raise_for_status()
        found[slot] = response.headers["etag"]
    return found


async def run_cells(
    api: ApiProcess,
    workloads: Sequence[Workload],
    clients_list: Sequence[int],
    requests: int,
    max_seconds: float,
    sides: Sequence[str],
    server: BenchServer,
) -> list[Cell]:
    cells = []
    limits = httpx.Limits(max_connections=max(clients_list), max_keepalive_connections=max(clients_list))
    async with httpx.AsyncClient(base_url=api.base, limits=limits, timeout=60.0) as client:
        with server.driver() as driver, ThreadPoolExecutor(max(clients_list)) as pool:
            for workload in workloads:
                # one pass over the parameter sets: warms Neo4j's page cache (cold side) or fills the read cache
                await drive(get_call(client, workload, None), 1, len(workload.http_params), max_seconds)
                etags = await _collect_etags(client, workload) if "304" in sides else None
                for clients in clients_list:
                    for side in sides:
                        if side == "bare":
                            call = bare_call(driver, workload, pool)
                        elif side == "304":
                            call = get_call(client, workload, etags, status=304)
                        else:
                            call = get_call(client, workload, None)
                        measured = await drive(call, clients, requests, max_seconds)
                        cells.append(summarise(workload.path, side, clients, measured, None))
                        c = cells[-1]
                        print(
                            f"  {c.endpoint} x{clients} {side}: p50 {c.p50_ms} p99 {c.p99_ms} {c.rps}/s "
                            f"{c.failed} failed",
                            file=sys.stderr,
                        )
    return cells


def print_table(cells: Sequence[Cell], meetings: int) -> None:
    by = {(c.endpoint, c.clients, c.side): c for c in cells}
    print(
        f"graph: {meetings} meetings; latencies in ms; cold = API without cache, warm = API with the read cache "
        "(repeated requests), 304 = warm with If-None-Match; same run"
    )
    print(
        f"{'endpoint':<10} {'clients':>7} | {'cold p50':>8} {'p99':>7} {'req/s':>6} | {'bare p50':>8} {'p99':>7} "
        f"{'req/s':>6} | {'warm p50':>8} {'p99':>7} {'req/s':>6} | {'304 p50':>7} {'p99':>7} {'req/s':>6} | "
        f"{'cold/bare p50':>13} {'cold/warm p50':>13} | fail"
    )
    for endpoint, clients in dict.fromkeys((c.endpoint, c.clients) for c in cells):
        cold, bare = by[(endpoint, clients, "cold")], by[(endpoint, clients, "bare")]
        warm, revalidate = by[(endpoint, clients, "warm")], by[(endpoint, clients, "304")]
        fails = "/".join(str(c.failed) for c in (cold, bare, warm, revalidate))
        print(
            f"{endpoint:<10} {clients:>7} | {cold.p50_ms:>8.1f} {cold.p99_ms:>7.1f} {cold.rps:>6.1f} | "
            f"{bare.p50_ms:>8.1f} {bare.p99_ms:>7.1f} {bare.rps:>6.1f} | {warm.p50_ms:>8.1f} {warm.p99_ms:>7.1f} "
            f"{warm.rps:>6.1f} | {revalidate.p50_ms:>7.1f} {revalidate.p99_ms:>7.1f} {revalidate.rps:>6.1f} | "
            f"{cold.p50_ms / bare.p50_ms:>13.2f} {cold.p50_ms / warm.p50_ms:>13.1f} | {fails}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=2000, help="requests per cell")
    parser.add_argument("--max-seconds", type=float, default=15.0, help="time bound per cell")
    parser.add_argument("--clients", type=int, action="append", help="concurrent clients (default 16)")
    parser.add_argument("--endpoint", action="append", choices=["contacts", "partners", "timeline"])
    parser.add_argument("--bolt-port", type=int, default=61787)
    parser.add_argument("--http-port", type=int, default=61788)
    parser.add_argument("--data-dir", type=Path, default=Path("data/bench-cache-neo4j").resolve())
    parser.add_argument("--api-port", type=int, default=API_PORT + 1)
    args = parser.parse_args(argv)
    server = BenchServer(args.bolt_port, args.http_port, args.data_dir)
    os.environ.setdefault("MALIKG_NEO4J_PAGECACHE", "512m")
    server.start()
    meetings = load_graph(server, args.meetings, "writer")
    with server.driver() as driver:
        workloads = pick_workloads(driver, args.endpoint or ["contacts", "partners", "timeline"])
    clients = args.clients or [16]
    cells: list[Cell] = []
    for cache_mb, sides in ((0, ["cold", "bare"]), (64, ["warm", "304"])):
        api = CachedApi(server, args.api_port, cache_mb)
        try:
            api.wait_ready()
            cells += asyncio.run(run_cells(api, workloads, clients, args.requests, args.max_seconds, sides, server))
        finally:
            api.stop()
    print_table(cells, meetings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
