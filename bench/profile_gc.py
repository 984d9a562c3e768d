"""Python's garbage collector in the API process under load, with and without the start-up freeze
(api/gc_pauses.py): the ASGI app driven in-process, 16 concurrent requests at a time (no HTTP, no client).

    NEO4J_URI=bolt://127.0.0.1:17852 NEO4J_PASSWORD=... .venv/bin/python -m bench.profile_gc --seconds 10

Per mode, after one request fills the read cache: the objects the collector tracks (frozen ones apart), then for
`--seconds` of warm requests the full (generation 2) collections, how long each held the process, and the
requests' own latency (p50, p99, max). `--mode unfrozen` undoes the freeze after start-up: the API as before it.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import time
from collections.abc import Sequence
from typing import Any

from starlette.types import Message

from api.main import create_app
from bench.in_process import empty_body, get_scope


class _FullCollections:
    """Start time and duration of every generation-2 collection (a gc callback)."""

    def __init__(self) -> None:
        self.pauses_ms: list[float] = []
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses_ms.append((time.perf_counter() - self._started) * 1000)


async def _run(mode: str, path: str, query: bytes, seconds: float) -> None:
    app = create_app()
    async with app.router.lifespan_context(app):
        if mode == "unfrozen":
            gc.unfreeze()
        scope = get_scope(app, path, query)
        latencies: list[float] = []

        async def send(message: Message) -> None:
            return None

        async def one() -> None:
            started = time.perf_counter()
            await app(dict(scope), empty_body, send)
            latencies.append((time.perf_counter() - started) * 1000)

        await one()
        latencies.clear()
        tracked = len(gc.get_objects())
        full = _FullCollections()
        gc.callbacks.append(full)
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            await asyncio.gather(*(one() for _ in range(16)))
        gc.callbacks.remove(full)
        latencies.sort()
        n = len(latencies)
        pauses = sorted(full.pauses_ms)
        print(
            f"{mode:8} | tracked objects {tracked:7,} | {n:6,} requests, p50 {latencies[n // 2]:.2f} ms, "
            f"p99 {latencies[int(n * 0.99)]:.2f} ms, max {latencies[-1]:.1f} ms | full collections: {len(pauses)}, "
            f"{' '.join(f'{p:.1f}' for p in pauses) or '-'} ms"
        )
    gc.unfreeze()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", default="/partners")
    parser.add_argument("--query", default="state=MLI")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--mode", choices=["frozen", "unfrozen"], action="append")
    args = parser.parse_args(argv)
    for mode in args.mode or ["unfrozen", "frozen"]:
        asyncio.run(_run(mode, args.path, args.query.encode(), args.seconds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
