"""A log of slow requests, to find where the time of a slow answer went (MALIKG_SLOW_REQUEST_MS; 0 = off).

When on, this outermost middleware logs every request that took at least that long, with its phases: the wait for
the graph's version and the read cache's outcome (recorded by api/read_cache.py in the request's timing), when the
answer's first byte was sent, and how long Python's garbage collector held the process during the request (all
threads stop while it runs). One line per slow request, on the `api.slow_log` logger (WARNING)."""

from __future__ import annotations

import gc
import logging
import threading
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)
TIMING = "malikg.timing"  # the scope key of a request's phase timings


def request_timing(scope: Scope) -> dict[str, Any]:
    """The request's phase timings, filled by the layers that know them (kept in the ASGI scope)."""
    timing: dict[str, Any] = scope.setdefault(TIMING, {})
    return timing


class _GcClock:
    """Total time spent in garbage collections since it was installed (a gc callback)."""

    def __init__(self) -> None:
        self.total_ms = 0.0
        self._started: dict[int, float] = {}

    def __call__(self, phase: str, _info: dict[str, Any]) -> None:
        now, thread = time.perf_counter(), threading.get_ident()
        if phase == "start":
            self._started[thread] = now
        elif thread in self._started:
            self.total_ms += (now - self._started.pop(thread)) * 1000


_GC_CLOCK = _GcClock()


class SlowRequestLog:
    """Pure ASGI middleware (module docstring)."""

    def __init__(self, app: ASGIApp, threshold_ms: float) -> None:
        self.app = app
        self.threshold_ms = threshold_ms
        if _GC_CLOCK not in gc.callbacks:
            gc.callbacks.append(_GC_CLOCK)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, gc_before = time.perf_counter(), _GC_CLOCK.total_ms
        head: list[Any] = [0, None]  # status, time of the first byte

        async def timed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                head[:] = [message["status"], time.perf_counter()]
            await send(message)

        try:
            await self.app(scope, receive, timed_send)
        finally:
            took_ms = (time.perf_counter() - started) * 1000
            if took_ms >= self.threshold_ms:
                timing = request_timing(scope)
                first_byte = "-" if head[1] is None else f"{(head[1] - started) * 1000:.1f}"
                version = timing.get("version_ms")
                log.warning(
                    "slow request: %s %s -> %s in %.1f ms (version wait %s ms, cache %s, first byte at %s ms, "
                    "GC %.1f ms)",
                    scope["method"],
                    scope["path"],
                    head[0],
                    took_ms,
                    "-" if version is None else f"{version:.1f}",
                    timing.get("cache", "-"),
                    first_byte,
                    _GC_CLOCK.total_ms - gc_before,
                )
