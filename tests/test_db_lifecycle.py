"""`malikg db start|status|stop` run a real local Neo4j on free ports and a temporary data directory."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

MALIKG = str(Path(sys.executable).with_name("malikg"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MALIKG, "db", *args], capture_output=True, text=True, env=env, timeout=240, check=False)


@pytest.fixture
def server_args(tmp_path: Path) -> Iterator[list[str]]:
    """Options for one private server; it is stopped after the test whatever happened."""
    args = ["--data-dir", str(tmp_path / "neo4j"), "--bolt-port", str(free_port()), "--http-port", str(free_port())]
    yield args
    run("stop", "--data-dir", args[1])


def auth(data_dir: str) -> tuple[str, str]:
    """User neo4j and the password `malikg db start` generated for that data dir."""
    return ("neo4j", (Path(data_dir) / "password").read_text(encoding="utf-8").strip())


def count_nodes(bolt_port: str, data_dir: str) -> int:
    with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{bolt_port}", auth=auth(data_dir)) as driver:
        records, _, _ = driver.execute_query("MATCH (n:Probe) RETURN count(n) AS n")
    return int(records[0]["n"])


@pytest.mark.slow
def test_start_status_stop_and_data_survive_a_restart(server_args: list[str], tmp_path: Path) -> None:
    data_dir, bolt_port = server_args[1], server_args[3]
    assert run("status", "--data-dir", data_dir).returncode == 1

    started = run("start", *server_args)
    assert started.returncode == 0, started.stderr
    assert f"bolt://127.0.0.1:{bolt_port}" in started.stdout
    assert "/browser/" in started.stdout
    assert (tmp_path / "neo4j.pid").is_file()
    assert (tmp_path / "neo4j" / "data" / "databases" / "neo4j").is_dir(), "the store is not in the data dir"

    again = run("start", *server_args)
    assert again.returncode == 0 and "already running" in again.stdout

    status = run("status", "--data-dir", data_dir)
    assert status.returncode == 0
    assert "running" in status.stdout and "5." in status.stdout and bolt_port in status.stdout

    with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{bolt_port}", auth=auth(data_dir)) as driver:
        driver.execute_query("CREATE (:Probe {at: datetime()})")

    stopped = run("stop", "--data-dir", data_dir)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert not (tmp_path / "neo4j.pid").exists()
    assert "Stopped." in (tmp_path / "neo4j.log").read_text(), "no clean shutdown in the log"
    assert run("status", "--data-dir", data_dir).returncode == 1

    env = dict(os.environ, MALIKG_NEO4J_PAGECACHE="64m", MALIKG_API_PORT="8123")
    assert run("start", *server_args, env=env).returncode == 0
    assert count_nodes(bolt_port, data_dir) == 1
    with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{bolt_port}", auth=auth(data_dir)) as driver:
        records, _, _ = driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name = 'server.memory.pagecache.size' RETURN value"
        )
        browser, _, _ = driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name = 'browser.post_connect_cmd' RETURN value"
        )
    assert [r["value"] for r in records] == ["64.00MiB"]  # MALIKG_NEO4J_PAGECACHE reaches the server
    # once connected, Neo4j Browser applies the style and opens the guide the API serves (MALIKG_API_PORT)
    assert [r["value"] for r in browser] == [
        "style http://localhost:8123/browser/style.grass;play http://localhost:8123/browser/guide.html"
    ]


def test_start_on_a_taken_bolt_port_fails_clearly(tmp_path: Path) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        taken = blocker.getsockname()[1]
        result = run(
            "start", "--data-dir", str(tmp_path / "neo4j"), "--bolt-port", str(taken), "--http-port", str(free_port())
        )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"Bolt port {taken}" in lines[0] and "already in use" in lines[0], result.stderr
    assert not (tmp_path / "neo4j.pid").exists()


def test_missing_java_exits_2_with_one_clear_line(tmp_path: Path) -> None:
    empty_path = tmp_path / "bin"
    empty_path.mkdir()
    env = dict(os.environ, PATH=str(empty_path))
    result = run("start", "--data-dir", str(tmp_path / "neo4j"), "--bolt-port", str(free_port()), env=env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "`java` is not on PATH" in result.stderr and "install" in result.stderr


def test_missing_maven_exits_2_with_one_clear_line(tmp_path: Path) -> None:
    java = subprocess.run(["which", "java"], capture_output=True, text=True, check=True).stdout.strip()
    only_java = tmp_path / "bin"
    only_java.mkdir()
    (only_java / "java").symlink_to(Path(java).resolve())
    result = run("build", env=dict(os.environ, PATH=str(only_java)))
    assert result.returncode == 2
    assert result.stderr.strip() == result.stderr.strip().splitlines()[0]
    assert "`mvn` is not on PATH" in result.stderr and "Maven" in result.stderr


@pytest.mark.slow
def test_stop_waits_for_a_slow_neo4j_shutdown_instead_of_giving_up(server_args: list[str], tmp_path: Path) -> None:
    """Issue #19 (disk full): `db stop` used to give up after 60 s while Neo4j was still closing its store. A
    SIGSTOPped JVM stands for a shutdown that takes long: stop says it is waiting, and returns once Neo4j is done."""
    assert run("start", *server_args).returncode == 0
    pid = int((tmp_path / "neo4j.pid").read_text())
    os.kill(pid, signal.SIGSTOP)
    resume = threading.Timer(14.0, os.kill, (pid, signal.SIGCONT))
    resume.start()
    try:
        stopped = run("stop", "--data-dir", server_args[1])
    finally:
        resume.cancel()
        os.kill(pid, signal.SIGCONT)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout, stopped.stdout + stopped.stderr
    assert "still shutting down" in stopped.stderr
    assert "Stopped." in (tmp_path / "neo4j.log").read_text(), "no clean shutdown in the log"

    assert run("start", *server_args).returncode == 0
    pid = int((tmp_path / "neo4j.pid").read_text())
    os.kill(pid, signal.SIGSTOP)
    try:
        gave_up = run("stop", "--data-dir", server_args[1], "--timeout", "2")
    finally:
        os.kill(pid, signal.SIGCONT)
    assert gave_up.returncode == 1 and "still shutting down after 2 s" in gave_up.stderr, gave_up.stderr
