"""Fail fast while Neo4j is down: a small circuit breaker in front of every route that needs the database.

After a request finds Neo4j unreachable or its database unavailable, the breaker opens for `cooldown_s`: requests
get 503 at once instead of each waiting for a connection timeout and the driver's retries in a worker thread (with
100 concurrent clients the thread pool filled and 503s took 14 s). After the cooldown one request at a time is let
through as a probe; its success closes the breaker, its failure opens it again.
"""

from __future__ import annotations

import threading
import time


class CircuitBreaker:
    """Thread-safe: `admit` before using the database, then `succeeded` or `failed` (or `released`)."""

    def __init__(self, cooldown_s: float = 2.0) -> None:
        self.cooldown_s = cooldown_s
        self._lock = threading.Lock()
        self._open_until = 0.0
        self._tripped = False
        self._probing = False

    def admit(self) -> bool:
        """True when the request may use the database now (possibly as the single probe)."""
        with self._lock:
            if not self._tripped:
                return True
            if self._probing or time.monotonic() < self._open_until:
                return False
            self._probing = True
            return True

    def retry_after_s(self) -> int:
        return max(1, round(self._open_until - time.monotonic()))

    def succeeded(self) -> None:
        with self._lock:
            self._tripped = False
            self._probing = False

    def failed(self) -> None:
        with self._lock:
            self._tripped = True
            self._probing = False
            self._open_until = time.monotonic() + self.cooldown_s

    def released(self) -> None:
        """The request ended without telling whether the database works (e.g. a 4xx before any read)."""
        with self._lock:
            self._probing = False
