"""The read cache's warm path in-process: the ASGI app called directly (no HTTP, no client), so what is left is the
middleware, the graph-version read and the stored answer.

    NEO4J_URI=bolt://127.0.0.1:61787 NEO4J_PASSWORD=... .venv/bin/python -m bench.profile_warm --requests 1600

After one request fills the cache, it times sequential requests (one version read each) and rounds of 16
concurrent requests (which share version reads, api/read_cache.py), then prints the costliest functions of the
concurrent rounds under cProfile.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import time
from collections.abc import Sequence
from typing import Any

from starlette.types import Message

from api.main import create_app
from bench.in_process import empty_body, get_scope


async def _run(path: str, query: bytes, requests: int, top: int) -> None:
    app = create_app()
    async with app.router.lifespan_context(app):
        scope = get_scope(app, path, query)
        statuses: list[Any] = []

        async def send(message: Message) -> None:
            if message["type"] == "http.response.start":
                statuses.append((message["status"], dict(message["headers"]).get(b"x-cache")))

        async def one() -> None:
            await app(dict(scope), empty_body, send)

        await one()
        started = time.perf_counter()
        for _ in range(200):
            await one()
        print(f"sequential: {(time.perf_counter() - started) / 200 * 1000:.2f} ms per request")
        rounds = max(1, requests // 16)
        started = time.perf_counter()
        for _ in range(rounds):
            await asyncio.gather(*(one() for _ in range(16)))
        print(f"16 concurrent: {(time.perf_counter() - started) / (rounds * 16) * 1000:.2f} ms per request (wall)")
        print(f"answers: {sorted(set(statuses), key=str)}")
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(rounds):
            await asyncio.gather(*(one() for _ in range(16)))
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(top)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", default="/partners")
    parser.add_argument("--query", default="state=MLI")
    parser.add_argument("--requests", type=int, default=1600)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    asyncio.run(_run(args.path, args.query.encode(), args.requests, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
