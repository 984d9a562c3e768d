"""The slow-request log (api/slow_log.py) of a real `malikg serve` over HTTP, and the start-up's frozen objects
(api/gc_pauses.py)."""

from __future__ import annotations

import gc
import re
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
from api_server import running_api, server_env
from test_api_http import DIOP, LAVROV, meeting, write

from api.main import create_app
from api.slow_log import SlowRequestLog
from core.settings import get_settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's test client prefers the `httpx2` fork and warns on plain httpx
    from fastapi.testclient import TestClient

LINE = re.compile(
    r"slow request: GET /partners -> (\d+) in [\d.]+ ms \(version wait ([\d.]+|-) ms, cache (\w+), "
    r"first byte at [\d.]+ ms, GC [\d.]+ ms\)"
)


@pytest.fixture(scope="module")
def logged_api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An API that logs every request as slow (a threshold of a microsecond)."""
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password, MALIKG_SLOW_REQUEST_MS="0.001")
    log = tmp_path_factory.mktemp("slow") / "api.log"
    with running_api(env, log) as base:
        yield base, log


def _logged(log: Path, count: int) -> list[tuple[str, str, str]]:
    """The last `count` slow-request lines of /partners: (status, version wait, cache), once they are written."""
    deadline = time.monotonic() + 10.0
    while True:
        found = LINE.findall(log.read_text(encoding="utf-8"))
        if len(found) >= count or time.monotonic() > deadline:
            return [tuple(f) for f in found[-count:]]
        time.sleep(0.05)


def test_slow_requests_are_logged_with_their_phases(logged_api: tuple[str, Path], driver: neo4j.Driver) -> None:
    base, log = logged_api
    write(driver, "slow-1", [DIOP, LAVROV], [meeting("m-slow", "2022-03-01", [DIOP, LAVROV], ["MLI", "RUS"])])
    first = httpx.get(f"{base}/partners", params={"state": "MLI"}, timeout=60.0)
    again = httpx.get(f"{base}/partners", params={"state": "MLI"}, timeout=60.0)
    etag = again.headers["etag"]
    same = httpx.get(f"{base}/partners", params={"state": "MLI"}, headers={"If-None-Match": etag}, timeout=60.0)
    unknown = httpx.get(f"{base}/partners", params={"state": "Atlantide"}, timeout=60.0)
    assert (first.status_code, again.status_code, same.status_code, unknown.status_code) == (200, 200, 304, 404)
    lines = _logged(log, 4)
    assert [(status, cache) for status, _, cache in lines] == [
        ("200", "miss"),
        ("200", "hit"),
        ("304", "304"),
        ("404", "miss"),
    ]
    assert all(wait != "-" for _, wait, _ in lines)


def test_off_by_default_and_start_up_freezes_long_lived_objects(
    neo4j_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.setenv(name, neo4j_env[name])
    monkeypatch.delenv("MALIKG_SLOW_REQUEST_MS", raising=False)
    get_settings.cache_clear()
    gc.unfreeze()
    try:
        app = create_app()
        assert all(m.cls is not SlowRequestLog for m in app.user_middleware)
        assert gc.get_freeze_count() == 0
        with TestClient(app):
            assert gc.get_freeze_count() > 10_000  # the app, its models and the driver, out of full collections
    finally:
        gc.unfreeze()
        get_settings.cache_clear()
