"""The read cache over HTTP (a real `malikg serve` and the real Neo4j): a repeated GET is a cache hit, a client's
If-None-Match answers 304, and every kind of committed write (an ingest by another process, POST /documents,
DELETE /documents/{id}, POST /judgements) gives new ETags and fresh answers (api/read_cache.py); concurrent requests
share version reads, each only one that started after it arrived, so a write committed before a request is seen."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import neo4j
import pytest
from api_server import running_api, server_env
from test_api_http import DIOP, LAVROV, meeting, write

from api.read_cache import NextRead, matches, request_key
from graph.version import read_version

KEY = {"X-API-Key": "test-key-123"}
READS = [
    ("/contacts", {"a": "Diop", "b": "Lavrov"}),
    ("/partners", {"state": "MLI"}),
    ("/timeline", {"entity": "abdoulaye-diop"}),
]


@pytest.fixture(scope="module")
def api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password, MALIKG_API_KEY="test-key-123")
    with running_api(env, tmp_path_factory.mktemp("api") / "api.log") as base:
        yield base


@pytest.fixture
def two_meetings(driver: neo4j.Driver) -> neo4j.Driver:
    write(driver, "c1", [DIOP, LAVROV], [meeting("m-2022", "2022-03-01", [DIOP, LAVROV], ["MLI", "RUS"])])
    write(driver, "c2", [DIOP, LAVROV], [meeting("m-2023", "2023-05-02", [DIOP, LAVROV], ["MLI", "RUS"])])
    return driver


def _get(base: str, path: str, params: dict[str, str], **headers: str) -> httpx.Response:
    return httpx.get(f"{base}{path}", params=params, headers=headers, timeout=60.0)


def _etags(base: str) -> dict[str, str]:
    """Each read's ETag, after checking that it answers 200."""
    found = {}
    for path, params in READS:
        response = _get(base, path, params)
        assert response.status_code == 200, response.text
        found[path] = response.headers["etag"]
    return found


def _totals(base: str) -> tuple[int, int, int]:
    contacts, partners, timeline = (_get(base, path, params).json() for path, params in READS)
    return contacts["total"], partners["partners"][0]["meetings"], timeline["total"]


def test_a_repeated_read_is_a_hit_and_if_none_match_answers_304(api: str, two_meetings: neo4j.Driver) -> None:
    for path, params in READS:
        first = _get(api, path, params)
        assert first.status_code == 200 and first.headers["x-cache"] == "miss"
        etag = first.headers["etag"]
        assert etag.startswith('W/"') and first.headers["cache-control"] == "no-cache"
        again = _get(api, path, params)
        assert again.headers["x-cache"] == "hit" and again.headers["etag"] == etag
        assert again.content == first.content and again.headers["content-type"] == first.headers["content-type"]
        reordered = _get(api, path, dict(reversed(list({**params, "limit": "100"}.items()))))
        assert reordered.json() == first.json()
        not_modified = _get(api, path, params, **{"If-None-Match": etag})
        assert not_modified.status_code == 304 and not_modified.content == b""
        assert not_modified.headers["etag"] == etag
        other = _get(api, path, params, **{"If-None-Match": 'W/"something-else"'})
        assert other.status_code == 200 and other.content == first.content
    csv = _get(api, "/partners", {"state": "MLI"}, Accept="text/csv")
    assert csv.headers["content-type"].startswith("text/csv") and csv.headers["etag"] != _etags(api)["/partners"]


def test_errors_are_not_cached(api: str, two_meetings: neo4j.Driver) -> None:
    for _ in range(2):
        missing = _get(api, "/timeline", {"entity": "Poutine"})
        assert missing.status_code == 404 and "etag" not in missing.headers and "x-cache" not in missing.headers
    assert "etag" not in httpx.get(f"{api}/health", timeout=30.0).headers


def test_an_ingest_by_another_process_invalidates(api: str, two_meetings: neo4j.Driver) -> None:
    before, totals = _etags(api), _totals(api)
    assert totals == (2, 2, 2)
    write(two_meetings, "c3", [DIOP, LAVROV], [meeting("m-2024", "2024-01-09", [DIOP, LAVROV], ["MLI", "RUS"])])
    after = _etags(api)
    assert all(after[path] != before[path] for path in after)
    for path, params in READS:
        stale = _get(api, path, params, **{"If-None-Match": before[path]})
        assert stale.status_code == 200 and stale.headers["x-cache"] in ("miss", "hit")
    assert _totals(api) == (3, 3, 3)


def test_post_retract_and_judge_over_http_invalidate(api: str, two_meetings: neo4j.Driver) -> None:
    _etags(api)
    cached = _etags(api)  # the second round is served from the cache
    text = (
        "Le ministre des Affaires étrangères, Abdoulaye Diop, a eu une rencontre bilatérale, ce mercredi 28 "
        "février, avec le chef de la diplomatie russe Sergueï Lavrov, à Moscou."
    )
    doc = {"id": "cache-post", "text": text, "published": "2024-02-29", "outlet": "L'Essor"}
    posted = httpx.post(f"{api}/documents", json=doc, headers=KEY, timeout=300.0)
    assert posted.status_code == 201, posted.text
    after_post = _etags(api)
    assert all(after_post[p] != cached[p] for p in cached) and _totals(api) == (3, 3, 3)

    retracted = httpx.delete(f"{api}/documents/cache-post", headers=KEY, timeout=60.0)
    assert retracted.status_code == 200, retracted.text
    after_retraction = _etags(api)
    assert all(after_retraction[p] != after_post[p] for p in cached) and _totals(api) == (2, 2, 2)

    meeting_id = _get(api, "/contacts", {"a": "Diop", "b": "Lavrov"}).json()["meetings"][0]["id"]
    judgement = {"kind": "reject_meeting", "meeting": meeting_id, "author": "a.traore", "reason": "not a meeting"}
    judged = httpx.post(f"{api}/judgements", json=judgement, headers=KEY, timeout=60.0)
    assert judged.status_code == 201, judged.text
    after_judgement = _etags(api)
    assert all(after_judgement[p] != after_retraction[p] for p in cached) and _totals(api) == (1, 1, 1)


def test_request_key_and_if_none_match_parsing() -> None:
    scope = {"path": "/partners", "query_string": b"state=MLI&limit=5", "headers": [(b"accept", b"text/csv")]}
    same = {"path": "/partners", "query_string": b"limit=5&state=MLI", "headers": [(b"accept", b"text/csv")]}
    assert request_key(scope) == request_key(same)
    assert request_key(scope) != request_key({**same, "headers": []})
    assert matches(b'"abc"', 'W/"abc"') and matches(b'W/"x", W/"abc"', 'W/"abc"') and matches(b"*", 'W/"abc"')
    assert not matches(None, 'W/"abc"') and not matches(b'"abd"', 'W/"abc"')


def test_concurrent_requests_share_version_reads_that_started_after_they_arrived(driver: neo4j.Driver) -> None:
    """NextRead around the real version read: far fewer reads than requests, and each request's read started after
    the request called; a write committed before a request is in the version it gets."""
    starts: list[float] = []

    def timed_read() -> tuple[float, str]:
        started = time.monotonic()
        starts.append(started)
        return started, read_version(driver, "neo4j", 10.0)

    async def scenario() -> None:
        versions = NextRead(lambda: asyncio.to_thread(timed_read))

        async def request(delay: float) -> tuple[float, tuple[float, str]]:
            await asyncio.sleep(delay)
            arrived = time.monotonic()
            return arrived, await versions.get()

        answers = await asyncio.gather(*(request((i // 20) * 0.001) for i in range(200)))
        for arrived, (started, _) in answers:
            assert started >= arrived
        assert len({started for _, (started, _) in answers}) == versions.reads == len(starts)
        assert 1 < versions.reads < len(answers) // 4, versions.reads

        before = await versions.get()
        write(driver, "coalesced", [DIOP, LAVROV], [meeting("m-c", "2022-03-01", [DIOP, LAVROV], ["MLI", "RUS"])])
        after = await asyncio.gather(*(versions.get() for _ in range(20)))
        assert all(version != before[1] for _, version in after)

    asyncio.run(scenario())


def test_a_write_committed_before_a_request_is_seen_under_concurrent_reads(api: str, driver: neo4j.Driver) -> None:
    """Clients keep reading /partners while meetings are written one by one: each read sent after a write committed
    counts it, whatever version reads are in flight; the background reads never go back in time."""
    stop = threading.Event()

    def keep_reading() -> list[int]:
        seen = []
        with httpx.Client(base_url=api, timeout=60.0) as client:
            while not stop.is_set():
                response = client.get("/partners", params={"state": "MLI"})
                assert response.status_code == 200, response.text
                partners = response.json()["partners"]
                seen.append(partners[0]["meetings"] if partners else 0)
        return seen

    def write_meeting(n: int) -> None:
        write(
            driver,
            f"seen-{n}",
            [DIOP, LAVROV],
            [meeting(f"m-seen-{n}", f"2022-03-{n:02d}", [DIOP, LAVROV], ["MLI", "RUS"])],
        )

    write_meeting(1)  # Mali exists before the readers start (a state the graph does not know is a 404)
    with ThreadPoolExecutor(8) as pool, httpx.Client(base_url=api, timeout=60.0) as client:
        readers = [pool.submit(keep_reading) for _ in range(8)]
        try:
            for n in range(1, 9):
                if n > 1:
                    write_meeting(n)
                response = client.get("/partners", params={"state": "MLI"})
                assert response.status_code == 200 and response.json()["partners"][0]["meetings"] == n
        finally:
            stop.set()
        for reader in readers:
            seen = reader.result()
            assert seen and seen == sorted(seen)


def _at_once(base: str, path: str, params: dict[str, str], clients: int = 16) -> list[httpx.Response]:
    async def scenario() -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=clients)
        async with httpx.AsyncClient(base_url=base, timeout=60.0, limits=limits) as client:
            return list(await asyncio.gather(*(client.get(path, params=params) for _ in range(clients))))

    return asyncio.run(scenario())


def test_concurrent_misses_of_one_answer_compute_it_once(api: str, two_meetings: neo4j.Driver) -> None:
    """16 clients ask the same thing at once, right after a write (nothing is cached for the new version): the
    answer is computed once and the others wait for it, instead of 16 routes computing the same answer."""
    for n in range(3):
        herd = meeting(f"m-herd-{n}", f"2021-0{n + 1}-03", [DIOP, LAVROV], ["MLI", "RUS"])
        write(two_meetings, f"herd-{n}", [DIOP, LAVROV], [herd])
        responses = _at_once(api, "/partners", {"state": "MLI", "limit": str(10 + n)})
        assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
        assert [r.headers["x-cache"] for r in responses].count("miss") == 1
        assert len({r.content for r in responses}) == 1 and len({r.headers["etag"] for r in responses}) == 1
        assert responses[0].json()["partners"][0]["meetings"] == 3 + n  # the write is in the shared answer


def test_concurrent_errors_are_answered_and_not_kept(api: str, two_meetings: neo4j.Driver) -> None:
    """A 404 is not kept, so requests that waited for it each get their own answer, the same 404."""
    for response in _at_once(api, "/timeline", {"entity": "Poutine"}):
        assert response.status_code == 404 and "etag" not in response.headers, response.text
