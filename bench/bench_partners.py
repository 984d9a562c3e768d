"""GET /partners from the partner tallies against the on-the-fly query, at 16 clients, on a 100k-meeting graph.

    .venv/bin/python -m bench.bench_partners --meetings 100000 --clients 16 --max-seconds 8 \\
        --bolt-port 61687 --http-port 61474 --data-dir data/bench-partners-neo4j

If the bench server holds fewer than `--meetings` meetings, it is emptied and loaded with bench/synthetic_graph.py's
graph (UNWIND batches), then every meeting is made one between Mali and one partner (as in the news corpus, where
Mali is in nearly every meeting, mostly bilateral), and `apply_schema` tallies every meeting
(graph/partner_tallies.py; the time it takes is printed). Then, for Mali and for the next busiest state, with and
without a sector and a period of whole years, three sides in the same run: the API (`malikg serve`, read cache
off, so every request reads the graph), the bare tallies query (queries/rank_partners.cypher), and, after all
the cells of those two, the bare on-the-fly query (queries/rank_partners_on_the_fly.cypher), each bare one through
the sync driver, one read transaction per request, with the API's 10 s timeout (`--no-on-the-fly` leaves it out).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import neo4j

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.partners import tally_period
from bench.bench_api import ApiProcess, Cell, drive, summarise
from bench.common import DATABASE, BenchServer, count, wipe
from bench.synthetic_graph import write_synthetic_graph
from graph.queries import load_query
from graph.schema import apply_schema

API_PORT = 61801
TIMEOUT_S = 10.0
_MALI_EVERYWHERE = """
MATCH (m:Meeting) WHERE NOT EXISTS { (:State {iso3: 'MLI'})-[:REPRESENTED_AT]->(m) }
CALL (m) { MATCH (s:State {iso3: 'MLI'}) CREATE (s)-[:REPRESENTED_AT {host: false}]->(m) } IN TRANSACTIONS OF 5000 ROWS
"""
_ONE_PARTNER = """
MATCH (m:Meeting)
CALL (m) {
  MATCH (s:State)-[r:REPRESENTED_AT]->(m) WHERE s.iso3 <> 'MLI'
  WITH r ORDER BY s.iso3 SKIP 1
  DELETE r
} IN TRANSACTIONS OF 5000 ROWS
"""
_STATES = """
MATCH (s:State) RETURN s.iso3 AS iso3, COUNT { (s)-[:REPRESENTED_AT]->(:Meeting) } AS n ORDER BY n DESC LIMIT 2
"""
Case = tuple[str, str | None, str | None, str | None]  # state, sector, from (year), to (year)


def load(server: BenchServer, meetings: int) -> int:
    with server.driver() as driver:
        present = count(driver, "MATCH (m:Meeting) RETURN count(m)")
        if present < meetings:
            started = time.perf_counter()
            wipe(driver)
            apply_schema(driver, DATABASE)
            write_synthetic_graph(driver, DATABASE, meetings)
            with driver.session(database=DATABASE) as session:
                session.run(_MALI_EVERYWHERE).consume()
                session.run(_ONE_PARTNER).consume()
            print(
                f"bench_partners: loaded {meetings} meetings in {time.perf_counter() - started:.0f} s", file=sys.stderr
            )
        started = time.perf_counter()
        apply_schema(driver, DATABASE)  # tallies what is not tallied yet
        tallies = count(driver, "MATCH (t:PartnerTally) RETURN count(t)")
        print(
            f"bench_partners: apply_schema (tallying) {time.perf_counter() - started:.0f} s, {tallies} tallies",
            file=sys.stderr,
        )
        return count(driver, "MATCH (m:Meeting) RETURN count(m)")


def api_call(client: httpx.AsyncClient, case: Case) -> Callable[[int], Awaitable[bool]]:
    state, sector, start, end = case
    params = {k: v for k, v in {"state": state, "sector": sector, "from": start, "to": end}.items() if v}

    async def call(index: int) -> bool:
        try:
            response = await client.get("/partners", params=params)
        except httpx.TimeoutException:
            return False
        return response.status_code == 200

    return call


def bare_call(
    driver: neo4j.Driver, case: Case, tallies: bool, pool: ThreadPoolExecutor
) -> Callable[[int], Awaitable[bool]]:
    state, sector, start, end = case
    params: dict[str, Any] = {"state": state, "sector": sector, "offset": 0, "limit": 100}
    if tallies:
        period = tally_period(start, end)
        assert period is not None, "the bench's periods are whole years or months"
        name, params = "rank_partners", {**params, **period}
    else:
        name, params = "rank_partners_on_the_fly", {**params, "from": start, "to": end}
    query = load_query(name)

    @neo4j.unit_of_work(timeout=TIMEOUT_S)
    def work(tx: neo4j.ManagedTransaction) -> int:
        return len([r.data() for r in tx.run(query, params)])

    def run(index: int) -> bool:
        with driver.session(database=DATABASE, default_access_mode=neo4j.READ_ACCESS) as session:
            try:
                session.execute_read(work)
            except neo4j.exceptions.ClientError:  # over the timeout, as the API's 504
                return False
            except neo4j.exceptions.TransientError:  # e.g. the transaction memory pool full, after the retries
                return False
        return True

    async def call(index: int) -> bool:
        return await asyncio.get_running_loop().run_in_executor(pool, run, index)

    return call


async def measure(
    api: ApiProcess, server: BenchServer, cases: Sequence[Case], clients: int, max_seconds: float, on_the_fly: bool
) -> list[tuple[Case, list[Cell]]]:
    by_case: dict[Case, list[Cell]] = {}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=api.base, limits=limits, timeout=60.0) as client:
        with server.driver() as driver, ThreadPoolExecutor(clients) as pool:
            # the on-the-fly cells last: Mali's time out, and their load must not weigh on the tallies' cells
            for tallied in (True, False) if on_the_fly else (True,):
                for case in cases:
                    sides = [("api", api_call(client, case)), ("tallies", bare_call(driver, case, True, pool))]
                    if not tallied:
                        sides = [("on the fly", bare_call(driver, case, False, pool))]
                    cells = by_case.setdefault(case, [])
                    for side, call in sides:
                        await drive(call, 2, 10, max_seconds)  # warm-up
                        measured = await drive(call, clients, 100_000, max_seconds)
                        cells.append(summarise("/partners", side, clients, measured, None))
                        cell = cells[-1]
                        print(
                            f"  {case} {side}: p50 {cell.p50_ms} p99 {cell.p99_ms} fail {cell.failed}", file=sys.stderr
                        )
    results = list(by_case.items())
    return results


def print_table(results: Sequence[tuple[Case, list[Cell]]], meetings: int, clients: int) -> None:
    print(
        f"graph: {meetings} meetings; {clients} clients; latencies in ms; API = GET /partners (read cache off, "
        "tallies); bare = the query alone through the driver; same run"
    )
    print(
        f"{'state':<5} {'sector':<8} {'period':<15} | {'API p50':>7} {'p99':>7} {'req/s':>6} | "
        f"{'tallies p50':>11} {'p99':>7} {'req/s':>6} | {'on-the-fly p50':>14} {'p99':>8} {'req/s':>6} {'fail':>4} | "
        f"{'fly/tallies p50':>15}"
    )
    for (state, sector, start, end), (api, tallied, *rest) in results:
        period = f"{start}-{end}" if start or end else "-"
        fly = (
            f"{rest[0].p50_ms:>14.1f} {rest[0].p99_ms:>8.1f} {rest[0].rps:>6.1f} {rest[0].failed:>4} | "
            f"{rest[0].p50_ms / tallied.p50_ms:>15.0f}"
            if rest
            else f"{'-':>14} {'-':>8} {'-':>6} {'-':>4} | {'-':>15}"
        )
        print(
            f"{state:<5} {sector or '-':<8} {period:<15} | {api.p50_ms:>7.1f} {api.p99_ms:>7.1f} {api.rps:>6.0f} | "
            f"{tallied.p50_ms:>11.1f} {tallied.p99_ms:>7.1f} {tallied.rps:>6.0f} | {fly}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--max-seconds", type=float, default=8.0, help="time bound per cell")
    parser.add_argument("--sector", default="défense")
    parser.add_argument("--from-year", default="2018", help="the period's start: YYYY or YYYY-MM")
    parser.add_argument("--to-year", default="2021", help="the period's end: YYYY or YYYY-MM")
    parser.add_argument("--bolt-port", type=int, default=BenchServer.bolt_port)
    parser.add_argument("--http-port", type=int, default=BenchServer.http_port)
    parser.add_argument("--data-dir", type=Path, default=Path("data/bench-partners-neo4j"))
    parser.add_argument("--api-port", type=int, default=API_PORT)
    parser.add_argument(
        "--on-the-fly", action=argparse.BooleanOptionalAction, default=True, help="also measure the on-the-fly query"
    )
    args = parser.parse_args(argv)
    server = BenchServer(args.bolt_port, args.http_port, args.data_dir)
    server.start()
    meetings = load(server, args.meetings)
    with server.driver() as driver:
        states = [r["iso3"] for r in driver.execute_query(_STATES, database_=DATABASE).records]
    cases: list[Case] = [
        (state, sector, *period)
        for state in states
        for sector in (None, args.sector)
        for period in ((None, None), (args.from_year, args.to_year))
    ]
    os.environ["MALIKG_READ_CACHE_MB"] = "0"  # every request reads the graph
    api = ApiProcess(server, args.api_port)
    try:
        api.wait_ready()
        results = asyncio.run(measure(api, server, cases, args.clients, args.max_seconds, args.on_the_fly))
    finally:
        api.stop()
    print_table(results, meetings, args.clients)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
