"""Run a producer ahead of its consumer in a thread: `malikg ingest` keeps its extraction workers busy while the
parent writes the previous batch into Neo4j (the write waits on the server, so the parent's thread is idle).

Items arrive in the producer's order; an exception of the producer is raised in the consumer at the point where
it happened (after every item produced before it); a consumer that stops early stops the producer, which is then
closed in its own thread (so its `finally` and `with` blocks run: an extraction pool shuts down).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")
_POLL_SECONDS = 0.1  # how often a blocked producer checks whether the consumer has gone


class _Raised:
    """The producer's exception, queued after the items produced before it."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


class _End:
    """The producer is exhausted."""


class ReadAhead(Generic[T]):
    """Iterate `items` in a thread, at most `depth` items ahead of the consumer."""

    def __init__(self, items: Iterable[T], depth: int) -> None:
        if depth < 1:
            raise ValueError(f"read-ahead depth must be at least 1, got {depth}")
        self._items = items
        self._queue: queue.Queue[T | _Raised | _End] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._produce, name="read-ahead", daemon=True)

    def _produce(self) -> None:
        it = iter(self._items)
        try:
            for item in it:
                if not self._put(item):
                    return
            self._put(_End())
        except BaseException as exc:  # handed to the consumer, which raises it
            self._put(_Raised(exc))
        finally:
            close = getattr(it, "close", None)
            if close is not None:
                close()

    def _put(self, item: T | _Raised | _End) -> bool:
        """Queue `item`; False when the consumer has stopped."""
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=_POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Iterator[T]:
        self._thread.start()
        try:
            while True:
                got = self._queue.get()
                if isinstance(got, _End):
                    return
                if isinstance(got, _Raised):
                    raise got.exc
                yield got
        finally:
            self._stop.set()
            self._thread.join()


def read_ahead(items: Iterable[T], depth: int) -> Iterator[T]:
    """`items`, produced in a thread at most `depth` items ahead of the caller (see the module docstring)."""
    return iter(ReadAhead(items, depth))
