"""GET /health over HTTP: 200 with the version while Neo4j answers, 503 JSON while it does not, and back to 200
by itself once it answers again (the API talks to the real test Neo4j through a TCP relay the test cuts)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
from api_server import TcpRelay, running_api, server_env


def _status_within(url: str, wanted: int, seconds: float) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while True:
        response = httpx.get(url, timeout=30.0)
        if response.status_code == wanted or time.monotonic() > deadline:
            return response
        time.sleep(0.3)


def test_health_follows_neo4j_down_and_up_again(relay: TcpRelay, neo4j_server: Any, tmp_path: Path) -> None:
    env = server_env(f"bolt://127.0.0.1:{relay.port}", password=neo4j_server.password)
    with running_api(env, tmp_path / "api.log") as base:
        up = httpx.get(f"{base}/health", timeout=30.0)
        assert up.status_code == 200
        assert up.json()["status"] == "ok"
        assert up.json()["neo4j_version"].startswith("5.")

        relay.stop()
        started = time.monotonic()
        down = _status_within(f"{base}/health", 503, 20.0)
        assert down.status_code == 503
        assert down.headers["content-type"] == "application/json"
        assert "unreachable" in down.json()["detail"]
        read = httpx.get(f"{base}/stats", timeout=60.0)
        assert read.status_code == 503, read.text
        assert set(read.json()) == {"detail"}
        assert time.monotonic() - started < 30.0

        relay.start()
        back = _status_within(f"{base}/health", 200, 20.0)
        assert back.status_code == 200, back.text
        assert httpx.get(f"{base}/stats", timeout=30.0).status_code == 200


def test_the_api_starts_while_neo4j_is_down(tmp_path: Path) -> None:
    from api_server import free_port

    env = server_env(f"bolt://127.0.0.1:{free_port()}")
    with running_api(env, tmp_path / "api.log") as base:
        response = httpx.get(f"{base}/health", timeout=30.0)
        assert response.status_code == 503
        assert "Traceback" not in response.text
