"""A cache of GET answers keyed by the graph's version, with ETag / If-None-Match (304) for clients.

Every answer of a read depends only on the request and on the graph; the graph's version (`graph/version.py`)
changes with every committed write, from any process. So before a cacheable GET runs, this middleware reads the
version (one small read transaction, about a millisecond) and derives the answer's ETag from it, the request
(path, sorted query parameters, Accept) and the day (a person's posts "now" change at midnight):

- `If-None-Match` names that ETag: 304, nothing else runs;
- the cache holds a 200 for that ETag: it is sent again (`X-Cache: hit`);
- otherwise the route runs as usual, and its 200 is sent with the ETag and kept (`X-Cache: miss`).

A write therefore invalidates every entry at once (their ETags no longer match), with nothing to purge: stale
entries just age out of the LRU, which is bounded in bytes (MALIKG_READ_CACHE_MB, 0 turns the cache off). The ETag
also carries a token drawn when the app starts, so an answer shaped by older code is never confirmed by a newer
process. When the version cannot be read (Neo4j down), the request goes through uncached and gets the route's own
answer (503); the version read goes through the app's circuit breaker like any route.

Concurrent requests share version reads (`NextRead`), without losing exactness: a request only uses a read that
started after it arrived. The first request starts a read; those that arrive while it runs wait for the next one,
which starts when it ends and serves them all. So a write committed before a request arrived is always seen, and
16 concurrent clients cost about two reads per round trip instead of sixteen.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Generic, TypeVar
from urllib.parse import parse_qsl, urlencode

import anyio.to_thread
import neo4j
from neo4j.exceptions import DatabaseUnavailable, DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.breaker import CircuitBreaker
from api.slow_log import request_timing
from core.settings import get_settings
from graph.version import read_version

# Reads whose answers are a function of the request and the graph (exports stream, /health must not be cached).
CACHED_PREFIXES = (
    "/contacts",
    "/partners",
    "/timeline",
    "/meetings",
    "/people/",
    "/states/",
    "/organisations/",
    "/search",
    "/network",
    "/stats",
    "/sectors",
    "/charts/",
)
T = TypeVar("T")
MAX_ENTRY_BYTES = 4 * 1024 * 1024  # a bigger answer is served, not kept
_DROPPED = {b"content-length", b"etag", b"cache-control", b"x-cache"}


@dataclass(frozen=True)
class _Entry:
    headers: list[tuple[bytes, bytes]]
    body: bytes


class _Lru:
    """Answers by ETag, least recently used dropped first, bounded in bytes. Used from the event loop only."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[str, _Entry] = OrderedDict()

    def get(self, etag: str) -> _Entry | None:
        entry = self._entries.get(etag)
        if entry is not None:
            self._entries.move_to_end(etag)
        return entry

    def put(self, etag: str, entry: _Entry) -> None:
        if etag in self._entries or len(entry.body) > min(self.max_bytes, MAX_ENTRY_BYTES):
            return
        self._entries[etag] = entry
        self.size += len(entry.body)
        while self.size > self.max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self.size -= len(dropped.body)


def cacheable(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    path: str = scope["path"]
    return path.startswith(CACHED_PREFIXES)


def request_key(scope: Scope) -> str:
    """Path, query parameters in a canonical order, Accept (JSON or CSV), and today's date (UTC)."""
    query = urlencode(sorted(parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)))
    accept = dict(scope["headers"]).get(b"accept", b"").decode("latin-1")
    return "\n".join([scope["path"], query, accept, datetime.now(UTC).date().isoformat()])


def matches(if_none_match: bytes | None, etag: str) -> bool:
    """RFC 9110 weak comparison of an If-None-Match list with our ETag."""
    if if_none_match is None:
        return False
    wanted = etag.removeprefix("W/")
    for item in if_none_match.decode("latin-1").split(","):
        item = item.strip()
        if item == "*" or item.removeprefix("W/") == wanted:
            return True
    return False


class NextRead(Generic[T]):
    """Shares the reads of `read` between concurrent callers, each getting the result of a read that started after
    it called: with no read running, a caller starts one; while one runs, callers wait for the next, which starts
    when it ends. Used from one event loop."""

    def __init__(self, read: Callable[[], Awaitable[T]]) -> None:
        self._read = read
        self._running: asyncio.Future[T] | None = None
        self._next: asyncio.Future[T] | None = None
        self._task: asyncio.Task[None] | None = None
        self.reads = 0  # reads started (for tests and benches)

    async def get(self) -> T:
        loop = asyncio.get_running_loop()
        if self._running is None:
            self._running = loop.create_future()
            self._task = loop.create_task(self._run(self._running))
            wanted = self._running
        else:
            if self._next is None:
                self._next = loop.create_future()
            wanted = self._next
        return await asyncio.shield(wanted)  # a caller that goes away does not cancel the others' read

    async def _run(self, future: asyncio.Future[T]) -> None:
        current: asyncio.Future[T] | None = future
        while current is not None:
            self._running = current
            self.reads += 1
            try:
                current.set_result(await self._read())
            except Exception as error:  # every waiter gets it
                current.set_exception(error)
            current, self._next = self._next, None
        self._running = None


class ReadCache:
    """Pure ASGI middleware (module docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.token = secrets.token_hex(8)
        self.lru = _Lru(get_settings().malikg_read_cache_mb * 1024 * 1024)
        self.versions: NextRead[str | None] | None = None  # made on the first request (it needs the app's state)
        self._computing: dict[str, asyncio.Future[_Entry | None]] = {}  # ETags whose answer a request is computing

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.lru.max_bytes <= 0 or not cacheable(scope):
            await self.app(scope, receive, send)
            return
        timing = request_timing(scope)
        waited = time.perf_counter()
        version = await self._version(scope)
        timing["version_ms"] = (time.perf_counter() - waited) * 1000
        if version is None:
            timing["cache"] = "uncached"
            await self.app(scope, receive, send)
            return
        digest = hashlib.sha256(f"{self.token}\n{version}\n{request_key(scope)}".encode()).hexdigest()[:32]
        etag = f'W/"{digest}"'
        validators = [(b"etag", etag.encode()), (b"cache-control", b"no-cache"), (b"vary", b"Accept")]
        if matches(dict(scope["headers"]).get(b"if-none-match"), etag):
            timing["cache"] = "304"
            await send({"type": "http.response.start", "status": 304, "headers": validators})
            await send({"type": "http.response.body", "body": b""})
            return
        entry = self.lru.get(etag)
        shared = entry is None and etag in self._computing
        if shared:  # another request is computing this very answer: wait for it instead of computing it again
            timing["cache"] = "shared"
            entry = await asyncio.shield(self._computing[etag])
        if entry is not None:
            timing.setdefault("cache", "hit")
            headers = [*entry.headers, *validators, (b"content-length", str(len(entry.body)).encode())]
            await send({"type": "http.response.start", "status": 200, "headers": [*headers, (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": entry.body})
            return
        timing["cache"] = "miss"
        if shared:  # the answer computed meanwhile was not kept (an error, too big): this request runs on its own
            await self.app(scope, receive, self._keeping(send, etag, validators, None))
            return
        computed: asyncio.Future[_Entry | None] = asyncio.get_running_loop().create_future()
        self._computing[etag] = computed
        try:
            await self.app(scope, receive, self._keeping(send, etag, validators, computed))
        finally:
            del self._computing[etag]
            if not computed.done():  # not a 200 kept: the waiting requests run the route themselves
                computed.set_result(None)

    async def _version(self, scope: Scope) -> str | None:
        """The graph's version, read after this request arrived (shared with concurrent requests), through the
        app's circuit breaker (api/breaker.py): while Neo4j is known to be down, None at once, and the route answers
        its fast 503."""
        state = scope["app"].state
        driver, breaker = getattr(state, "driver", None), getattr(state, "breaker", None)
        if driver is None or breaker is None or not breaker.admit():
            return None
        if self.versions is None:
            self.versions = NextRead(lambda: self._read_version(driver, breaker))
        return await self.versions.get()

    @staticmethod
    async def _read_version(driver: neo4j.Driver, breaker: CircuitBreaker) -> str | None:
        settings = get_settings()
        try:
            version = await anyio.to_thread.run_sync(
                read_version, driver, settings.neo4j_database, settings.malikg_query_timeout_s
            )
        except (ServiceUnavailable, SessionExpired, DatabaseUnavailable):
            breaker.failed()
            return None
        except (Neo4jError, DriverError):
            breaker.released()
            return None
        breaker.succeeded()
        return version

    def _keeping(
        self,
        send: Send,
        etag: str,
        validators: list[tuple[bytes, bytes]],
        computed: asyncio.Future[_Entry | None] | None,
    ) -> Send:
        """A `send` that adds the validators to a 200 and keeps its body, while streaming it on unchanged; the kept
        answer also goes to the requests waiting for it (`computed`)."""
        kept: list[bytes] = []
        headers: list[tuple[bytes, bytes]] = []
        status = 0
        size = 0

        async def keeping_send(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
                if status == 200:
                    headers.extend((k, v) for k, v in message.get("headers", []) if k.lower() not in _DROPPED)
                    extra = [*validators, (b"x-cache", b"miss")]
                    message = {**message, "headers": [*message.get("headers", []), *extra]}
            elif message["type"] == "http.response.body" and status == 200 and size <= MAX_ENTRY_BYTES:
                chunk = message.get("body", b"")
                kept.append(chunk)
                size += len(chunk)
                if not message.get("more_body", False) and size <= MAX_ENTRY_BYTES:
                    entry = _Entry(headers=headers, body=b"".join(kept))
                    self.lru.put(etag, entry)
                    if computed is not None and not computed.done():
                        computed.set_result(entry)
            await send(message)

        return keeping_send
