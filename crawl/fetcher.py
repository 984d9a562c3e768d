"""Polite HTTP: robots.txt, per-host pace and concurrency, retries with backoff, conditional GET, size, time and
redirect limits. One `Fetcher` per round; it is safe to use from several threads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from crawl.errors import FetchError
from crawl.sources import Politeness

_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Response:
    """A successful answer: 200 with its body, or 304 (not modified, empty body)."""

    url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _Host:
    """Pace and concurrency of one host: at most `per_host` requests in flight, `delay_s` between starts."""

    def __init__(self, per_host: int, delay_s: float) -> None:
        self.slots = threading.Semaphore(per_host)
        self.lock = threading.Lock()
        self.next_start = 0.0
        self.delay_s = delay_s


class Fetcher:
    """GET with the politeness settings; raises FetchError naming the URL and a short reason."""

    def __init__(self, politeness: Politeness, stop: threading.Event | None = None) -> None:
        self.politeness = politeness
        self.stop = stop or threading.Event()
        self._client = httpx.Client(
            headers={"User-Agent": politeness.user_agent, "Accept-Language": "fr"},
            timeout=httpx.Timeout(politeness.timeout_s),
            follow_redirects=False,
        )
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self._lock = threading.Lock()
        self._robots_lock = threading.Lock()  # one robots.txt request per host, even when threads race
        self.requests = 0

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The answer for `url`, following redirects up to the cap; conditional when validators are given."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(self.politeness.max_redirects + 1):
            if not self.allowed(current):
                raise FetchError(url, "disallowed by robots.txt", detail=current if current != url else "")
            location, response = self._get_with_retries(url, current, headers)
            if location is None:
                assert response is not None
                return response
            current = urljoin(current, location)
        raise FetchError(url, "too many redirects", detail=f"more than {self.politeness.max_redirects}")

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets our user agent fetch it (fetched once per host and round)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._robots_lock:
            if origin not in self._robots:
                parser = self._robots[origin] = self._read_robots(origin)
                if parser is not None and (delay := parser.crawl_delay(self.politeness.user_agent)) is not None:
                    self._host(parts.netloc).delay_s = max(self.politeness.delay_s, float(delay))
            parser = self._robots[origin]
        return True if parser is None else parser.can_fetch(self.politeness.user_agent, url)

    def _read_robots(self, origin: str) -> RobotFileParser | None:
        """The parsed robots.txt (redirects followed up to the cap, e.g. http -> https); None (everything allowed)
        when the site has none (4xx, or too many redirects); a parser refusing everything when it cannot be read
        (5xx, timeout), as RFC 9309 asks."""
        parser = RobotFileParser()
        url = origin + "/robots.txt"
        for _ in range(self.politeness.max_redirects + 1):
            try:
                location, response = self._get_with_retries(origin + "/robots.txt", url, {})
            except FetchError as exc:
                if exc.transient:
                    parser.parse(["User-agent: *", "Disallow: /"])
                    return parser
                return None
            if response is not None:
                parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
                return parser
            url = urljoin(url, location)
        return None

    def _host(self, netloc: str) -> _Host:
        with self._lock:
            host = self._hosts.get(netloc)
            if host is None:
                host = self._hosts[netloc] = _Host(self.politeness.per_host, self.politeness.delay_s)
            return host

    @contextmanager
    def _turn(self, url: str) -> Iterator[None]:
        """Wait for a slot on the URL's host and for its pace; interrupted by `stop`."""
        host = self._host(urlsplit(url).netloc)
        with host.slots:
            with host.lock:
                wait = host.next_start - time.monotonic()
                host.next_start = max(host.next_start, time.monotonic()) + host.delay_s
            if wait > 0 and self.stop.wait(wait):
                raise FetchError(url, "stopped", transient=True)
            yield

    def _get_with_retries(self, source: str, url: str, headers: dict[str, str]) -> tuple[str | None, Response | None]:
        """(redirect location, None) or (None, response) for one hop, retried on transient errors."""
        for attempt in range(self.politeness.retries + 1):
            try:
                return self._get_once(source, url, headers)
            except FetchError as exc:
                if not exc.transient or attempt == self.politeness.retries or self.stop.is_set():
                    raise
                pause = exc.detail.startswith("retry-after ") and float(exc.detail.split()[1])
                if self.stop.wait(min(60.0, pause or self.politeness.backoff_s * 2**attempt)):
                    raise
        raise AssertionError("unreachable")

    def _get_once(self, source: str, url: str, headers: dict[str, str]) -> tuple[str | None, Response | None]:
        with self._turn(url):
            self.requests += 1
            try:
                with self._client.stream("GET", url, headers=headers) as answer:
                    return self._read(source, url, answer)
            except httpx.TimeoutException:
                raise FetchError(source, "timeout", transient=True) from None
            except httpx.HTTPError as exc:
                raise FetchError(source, "connection failed", transient=True, detail=type(exc).__name__) from None

    def _read(self, source: str, url: str, answer: httpx.Response) -> tuple[str | None, Response | None]:
        status = answer.status_code
        if status in (301, 302, 303, 307, 308):
            location = answer.headers.get("location")
            if not location:
                raise FetchError(source, f"{status} redirect without Location")
            return location, None
        if status in _RETRY_STATUS:
            retry_after = _retry_after(answer.headers.get("retry-after"))
            detail = f"retry-after {retry_after}" if retry_after is not None else ""
            raise FetchError(source, f"{status} {answer.reason_phrase}".strip(), transient=True, detail=detail)
        if status not in (200, 304):
            raise FetchError(source, f"{status} {answer.reason_phrase}".strip())
        limit = self.politeness.max_bytes
        declared = answer.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise FetchError(source, "too large", detail=f"{declared} bytes > max_bytes {limit}")
        body = bytearray()
        deadline = time.monotonic() + 3 * self.politeness.timeout_s  # a body trickling in forever is a timeout
        for chunk in answer.iter_bytes():
            body += chunk
            if len(body) > limit:
                raise FetchError(source, "too large", detail=f"over max_bytes {limit}")
            if time.monotonic() > deadline:
                raise FetchError(source, "timeout", transient=True, detail="body too slow")
        return (
            None,
            Response(
                url=url,
                status=status,
                body=bytes(body),
                content_type=answer.headers.get("content-type", ""),
                etag=answer.headers.get("etag"),
                last_modified=answer.headers.get("last-modified"),
            ),
        )


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number, or an HTTP date)."""
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
