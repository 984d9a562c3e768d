"""Issue #19: the local Neo4j must not be open to any web page. Against a private real server (`malikg db start`
on free ports and a temporary data dir): authentication is on with a generated password kept owner-only, requests
without it are refused over Bolt, Bolt over WebSocket (from a foreign Origin, as a web page would) and HTTP, no
permissive CORS header is sent, malikg's CLI and API find the password by themselves, and `malikg db password`
changes it for good. Also the one-line errors for a non-Bolt NEO4J_URI and an unwritable data dir."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import neo4j
import pytest
from api_server import free_port, running_api, server_env
from neo4j.exceptions import AuthError
from websockets.sync.client import connect as websocket_connect

MALIKG = str(Path(sys.executable).with_name("malikg"))
EVIL_ORIGIN = "http://evil.example"
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class PrivateServer:
    """One `malikg db start` server of this module and the output of its first start."""

    home: Path  # $MALIKG_DATA_DIR: the server's data dir is home/neo4j, the default one for that setting
    bolt_port: int
    http_port: int
    first_start: str

    @property
    def data_dir(self) -> Path:
        return self.home / "neo4j"

    @property
    def args(self) -> list[str]:
        return [
            "--data-dir",
            str(self.data_dir),
            "--bolt-port",
            str(self.bolt_port),
            "--http-port",
            str(self.http_port),
        ]

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def password(self) -> str:
        return (self.data_dir / "password").read_text(encoding="utf-8").strip()

    def env(self, **extra: str) -> dict[str, str]:
        """A malikg client's environment with no NEO4J_PASSWORD: only MALIKG_DATA_DIR says where the server is."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "MALIKG_"))}
        env.update(NEO4J_URI=self.uri, MALIKG_DATA_DIR=str(self.home), **extra)
        return env


def malikg(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MALIKG, *args], input=stdin, capture_output=True, text=True, env=env, timeout=300, check=False
    )


def answers(uri: str, auth: tuple[str, str] | None) -> bool:
    """True when Bolt accepts these credentials and runs a query; False when it refuses them."""
    try:
        with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
            driver.execute_query("RETURN 1")
    except AuthError:
        return False
    return True


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateServer]:
    home = tmp_path_factory.mktemp("auth")
    spec = PrivateServer(home, free_port(), free_port(), first_start="")
    started = malikg("db", "start", *spec.args)
    try:
        assert started.returncode == 0, started.stderr
        yield PrivateServer(home, spec.bolt_port, spec.http_port, first_start=started.stdout)
    finally:
        malikg("db", "stop", "--data-dir", str(spec.data_dir))


def test_first_start_generates_an_owner_only_password_and_prints_it_once(server: PrivateServer) -> None:
    password = server.password()
    assert len(password) >= 32
    assert f"Password of user neo4j (generated; shown this once): {password}" in server.first_start
    assert stat.S_IMODE((server.data_dir / "password").stat().st_mode) == 0o600
    assert stat.S_IMODE(server.data_dir.stat().st_mode) == 0o700
    assert (
        "preselectAuthMethod=NATIVE" in server.first_start
        and f"neo4j@127.0.0.1:{server.bolt_port}" in server.first_start
    )
    again = malikg("db", "start", *server.args)
    assert again.returncode == 0 and "already running" in again.stdout
    assert password not in again.stdout, "the password is printed at the first start only"
    assert not (server.data_dir / "data" / "dbms" / "auth.ini").exists(), "the initial-user file is left behind"


def test_bolt_refuses_a_client_without_the_password(server: PrivateServer) -> None:
    assert not answers(server.uri, None)
    assert not answers(server.uri, ("neo4j", ""))
    assert not answers(server.uri, ("neo4j", "neo4j"))  # Neo4j's well-known default password
    assert answers(server.uri, ("neo4j", server.password()))


def _bolt_over_websocket(http_origin: str, ws_url: str, hello: dict[str, str]) -> bytes:
    """What a web page's script gets: a WebSocket to the Bolt port, the Bolt 4.4 handshake, HELLO; the reply's
    first two bytes (B1 70 = SUCCESS, B1 7F = FAILURE)."""

    def string(text: str) -> bytes:
        raw = text.encode()
        assert len(raw) < 256
        return (bytes([0x80 + len(raw)]) if len(raw) < 16 else bytes([0xD0, len(raw)])) + raw

    fields = b"".join(string(k) + string(v) for k, v in hello.items())
    message = bytes([0xB1, 0x01, 0xA0 + len(hello)]) + fields  # struct HELLO(extra: map)
    with websocket_connect(ws_url, origin=http_origin, open_timeout=10) as ws:  # type: ignore[arg-type]
        ws.send(bytes.fromhex("6060B017") + bytes.fromhex("00000404") + bytes(12))  # Bolt 4.4 only
        assert ws.recv(timeout=10) == bytes.fromhex("00000404")
        ws.send(len(message).to_bytes(2, "big") + message + b"\x00\x00")
        reply = ws.recv(timeout=10)
    assert isinstance(reply, bytes)
    return reply[2:4]


def test_bolt_over_websocket_from_a_foreign_origin_needs_the_password(server: PrivateServer) -> None:
    ws_url = f"ws://127.0.0.1:{server.bolt_port}"
    anonymous = {"user_agent": "evil-page/1.0", "scheme": "none"}
    assert _bolt_over_websocket(EVIL_ORIGIN, ws_url, anonymous) == b"\xb1\x7f", "anonymous HELLO was accepted"
    owner = {"user_agent": "malikg-test/1.0", "scheme": "basic", "principal": "neo4j", "credentials": server.password()}
    assert _bolt_over_websocket(server.http_url, ws_url, owner) == b"\xb1\x70"


def test_http_api_refuses_a_request_without_the_password(server: PrivateServer) -> None:
    url = f"{server.http_url}/db/neo4j/tx/commit"
    body = {"statements": [{"statement": "MATCH (n) RETURN count(n)"}]}
    assert httpx.post(url, json=body, headers={"Origin": EVIL_ORIGIN}, timeout=10).status_code == 401
    assert httpx.post(url, json=body, auth=("neo4j", "neo4j"), timeout=10).status_code == 401
    assert httpx.post(url, json=body, auth=("neo4j", server.password()), timeout=10).status_code == 200


@pytest.mark.parametrize("method", ["OPTIONS", "POST", "GET"])
def test_a_foreign_origin_gets_no_permissive_cors_header(server: PrivateServer, method: str) -> None:
    headers = {"Origin": EVIL_ORIGIN, "Access-Control-Request-Method": "POST"}
    path = "/" if method == "GET" else "/db/neo4j/tx/commit"
    response = httpx.request(method, f"{server.http_url}{path}", headers=headers, timeout=10)
    allowed = response.headers.get("Access-Control-Allow-Origin")
    assert allowed not in ("*", EVIL_ORIGIN), f"{method} {path}: Access-Control-Allow-Origin: {allowed}"


def test_cli_and_api_find_the_stored_password_by_themselves(server: PrivateServer, tmp_path: Path) -> None:
    schema = malikg("db", "schema", env=server.env())
    assert schema.returncode == 0, schema.stderr
    status = malikg("db", "status", *server.args)
    assert status.returncode == 0 and "5.26" in status.stdout, status.stdout + status.stderr
    wrong = malikg("db", "schema", env=server.env(NEO4J_PASSWORD="not-the-password"))
    assert wrong.returncode == 1 and "unauthorized" in wrong.stderr.lower(), wrong.stderr
    env = {k: v for k, v in server_env(server.uri).items() if k != "NEO4J_PASSWORD"}
    env["MALIKG_DATA_DIR"] = str(server.home)
    with running_api(env, tmp_path / "api.log") as base:
        health = httpx.get(f"{base}/health", timeout=30)
    assert health.status_code == 200, health.text


def test_the_stored_password_is_never_sent_to_a_remote_host(server: PrivateServer) -> None:
    from core.settings import Settings
    from graph.local_auth import client_password

    local = Settings(neo4j_uri=server.uri, malikg_data_dir=server.home)
    remote = Settings(neo4j_uri="bolt://graph.example.org:7687", malikg_data_dir=server.home)
    assert client_password(local) == server.password()
    assert client_password(remote) == ""


def test_a_changed_password_works_at_once_and_after_a_restart(server: PrivateServer) -> None:
    old = server.password()
    changed = malikg("db", "password", *server.args)
    assert changed.returncode == 0, changed.stderr
    new = server.password()
    assert new != old and f"(new; shown this once): {new}" in changed.stdout
    assert stat.S_IMODE((server.data_dir / "password").stat().st_mode) == 0o600
    assert answers(server.uri, ("neo4j", new)) and not answers(server.uri, ("neo4j", old))

    assert malikg("db", "stop", "--data-dir", str(server.data_dir)).returncode == 0
    chosen = malikg("db", "password", *server.args, "--from-stdin", stdin="a-chosen-passphrase\n")
    assert chosen.returncode == 0 and "next `malikg db start`" in chosen.stdout, chosen.stdout + chosen.stderr
    assert "a-chosen-passphrase" not in chosen.stdout
    restarted = malikg("db", "start", *server.args)
    assert restarted.returncode == 0, restarted.stderr
    assert answers(server.uri, ("neo4j", "a-chosen-passphrase")) and not answers(server.uri, ("neo4j", new))
    assert malikg("db", "schema", env=server.env()).returncode == 0

    # A data dir that lost its password file (or predates passwords): the next start makes one and applies it.
    assert malikg("db", "stop", "--data-dir", str(server.data_dir)).returncode == 0
    (server.data_dir / "password").unlink()
    fresh = malikg("db", "start", *server.args)
    assert fresh.returncode == 0, fresh.stderr
    assert f"(generated; shown this once): {server.password()}" in fresh.stdout
    assert answers(server.uri, ("neo4j", server.password()))
    assert not answers(server.uri, ("neo4j", "a-chosen-passphrase"))


def test_too_short_a_password_is_refused_in_one_line(server: PrivateServer) -> None:
    before = server.password()
    result = malikg("db", "password", *server.args, "--from-stdin", stdin="short\n")
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "8 characters" in result.stderr
    assert server.password() == before


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "127.0.0.1:7687"])
def test_a_non_bolt_neo4j_uri_is_one_clear_line(uri: str) -> None:
    for command in (["db", "schema"], ["ingest", "--from-extractions", os.devnull]):
        result = malikg(*command, env=dict(os.environ, NEO4J_URI=uri))
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
        assert "NEO4J_URI" in result.stderr and "bolt://" in result.stderr


def test_an_unwritable_data_dir_is_one_clear_line(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    for data_dir in (not_a_dir / "neo4j", Path("/sys/malikg-test/neo4j")):  # /sys refuses even root
        ports = ["--bolt-port", str(free_port()), "--http-port", str(free_port())]
        result = malikg("db", "start", "--data-dir", str(data_dir), *ports)
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
        assert "cannot write" in result.stderr and "--data-dir" in result.stderr
