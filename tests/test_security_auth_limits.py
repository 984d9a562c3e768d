"""Auth and limits: loopback-only servers, the API key only in its header, and a transaction timeout on every read.

Already covered elsewhere (not repeated here): 401 for a missing/wrong key and 413 for a 3 MB body
(tests/test_api_http.py, tests/test_reliability_bad_input.py, which also sends a chunked body), 503 without a
configured key (tests/test_api_http.py), reads refused to write and stopped at the timeout by Neo4j
(tests/test_api_readonly.py), compose refusing to start without a password (tests/e2e/test_docker_files.py).
"""

from __future__ import annotations

import ast
import ipaddress
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest
from api_server import MALIKG, free_port, server_env

from core.settings import REPO_ROOT
from graph import local_server

KEY = "auth-limits-key"
API_DIR = REPO_ROOT / "api"
# Calls that run Cypher or open a session; in api/ only api/reads.py may make them (read access + timeout).
_CYPHER_CALLS = {"run", "execute_query", "execute_read", "execute_write", "session", "begin_transaction"}


def _listening(pid: int) -> list[tuple[str, int]]:
    """(address, port) of every TCP socket `pid` listens on."""
    return [
        (c.laddr.ip, c.laddr.port)
        for c in psutil.Process(pid).net_connections(kind="tcp")
        if c.status == psutil.CONN_LISTEN
    ]


def _is_loopback(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return ip.is_loopback or (
        isinstance(ip, ipaddress.IPv6Address) and bool(ip.ipv4_mapped and ip.ipv4_mapped.is_loopback)
    )


def test_the_local_neo4j_listens_on_loopback_only(neo4j_server: Any) -> None:
    if os.environ.get("MALIKG_TEST_NEO4J_URI"):
        pytest.skip("MALIKG_TEST_NEO4J_URI points at a server this session did not start")
    bolt_port = int(neo4j_server.uri.rsplit(":", 1)[1])
    info = local_server.status(local_server.ServerConfig(data_dir=REPO_ROOT / "data" / f"test-neo4j-{bolt_port}"))
    assert info is not None
    sockets = _listening(info.pid)
    assert {port for _, port in sockets} >= {info.bolt_port, info.http_port}, sockets
    assert all(_is_loopback(address) for address, _ in sockets), sockets


@pytest.fixture(scope="module")
def default_api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """`malikg serve --port P` with no --host (the default bind), writes enabled; (base URL, pid)."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "api.log"
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password, MALIKG_API_KEY=KEY)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(MALIKG), "serve", "--port", str(port)], cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            with suppress(httpx.TransportError):
                httpx.get(f"{base}/openapi.json", timeout=2.0)
                break
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_the_api_binds_to_loopback_by_default(default_api: tuple[str, int]) -> None:
    _, pid = default_api
    sockets = _listening(pid)
    assert sockets and all(_is_loopback(address) for address, _ in sockets), sockets


@pytest.mark.parametrize(
    ("headers", "params"),
    [
        ({}, {"X-API-Key": KEY}),  # in the query string, it would end up in logs: not accepted
        ({}, {"api_key": KEY}),
        ({"Authorization": f"Bearer {KEY}"}, {}),
        ({"X-API-Key": ""}, {}),
        ({"X-API-Key": KEY.upper()}, {}),
        ({"X-API-Key": KEY[:-1]}, {}),
        ({"X-API-Key": f"{KEY}x"}, {}),
    ],
    ids=["query-string", "api_key-param", "bearer", "empty", "other-case", "prefix", "longer"],
)
def test_writes_need_the_exact_key_in_its_header(
    default_api: tuple[str, int], headers: dict[str, str], params: dict[str, str]
) -> None:
    base, _ = default_api
    article = {"id": "auth-probe", "text": "Le ministre Diop a reçu l'ambassadeur de Russie."}
    response = httpx.post(f"{base}/documents", json=article, headers=headers, params=params, timeout=60.0)
    assert response.status_code == 401, response.text
    assert response.json() == {"detail": "Missing or wrong X-API-Key header."}
    assert response.headers["www-authenticate"] == "X-API-Key"


def test_the_header_name_is_case_insensitive_and_the_key_admits_the_write(
    default_api: tuple[str, int], driver: Any
) -> None:
    base, _ = default_api
    article = {
        "id": "auth-ok",
        "text": "Le ministre Abdoulaye Diop a reçu l'ambassadeur de Russie.",
        "published": "2024-03-05",
    }
    response = httpx.post(f"{base}/documents", json=article, headers={"x-api-key": KEY}, timeout=300.0)
    assert response.status_code == 201, response.text


def _cypher_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(REPO_ROOT)}:{node.lineno} .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _CYPHER_CALLS
    ]


def test_every_api_read_goes_through_the_read_helper_with_the_timeout() -> None:
    """Only api/reads.py runs Cypher in api/ (READ access mode, `unit_of_work(timeout=MALIKG_QUERY_TIMEOUT_S)`); the
    RDF export reads through graph/rdf/export.py, which the route gives the same timeout."""
    outside = [
        call for path in sorted(API_DIR.rglob("*.py")) if path.name != "reads.py" for call in _cypher_calls(path)
    ]
    assert outside == []
    reads = (API_DIR / "reads.py").read_text(encoding="utf-8")
    assert "@unit_of_work(timeout=timeout_s)" in reads and "default_access_mode=READ_ACCESS" in reads
    deps = (API_DIR / "deps.py").read_text(encoding="utf-8")
    assert "GraphReader(driver, settings.neo4j_database, settings.malikg_query_timeout_s)" in deps
    export = (API_DIR / "routes" / "export.py").read_text(encoding="utf-8")
    assert "timeout_s=settings.malikg_query_timeout_s" in export
