"""Start, inspect and stop the local Neo4j server (graph/neo4j-local) as a detached background process.

Each data directory `D` has its own pid file `D.pid`, log `D.log` and state `D.json` (ports) beside it, so several
servers (the user's on 7687, each test session's on its own ports) can run side by side.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

from core.settings import REPO_ROOT
from graph import neo4j_build
from graph.local_errors import PortInUseError, StartError, StopError

LOOPBACK = "127.0.0.1"
READY_MARK = "malikg-neo4j ready"


@dataclass(frozen=True)
class ServerConfig:
    """Where and how one local server runs."""

    data_dir: Path
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "1g"
    pagecache: str = "128m"

    @property
    def pid_file(self) -> Path:
        return self.data_dir.with_name(self.data_dir.name + ".pid")

    @property
    def log_file(self) -> Path:
        return self.data_dir.with_name(self.data_dir.name + ".log")

    @property
    def state_file(self) -> Path:
        return self.data_dir.with_name(self.data_dir.name + ".json")


@dataclass(frozen=True)
class ServerInfo:
    """A running local server."""

    pid: int
    bolt_port: int
    http_port: int
    data_dir: str

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{LOOPBACK}:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://{LOOPBACK}:{self.http_port}"

    @property
    def browser_url(self) -> str:
        """Neo4j Browser, pre-set to connect to this server without authentication."""
        return f"{self.http_url}/browser/?dbms={self.bolt_uri}&preselectAuthMethod=NO_AUTH"


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie counts as dead)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError):
        return not stat.parent.parent.is_dir()  # no /proc (not Linux): trust os.kill


def _is_our_server(pid: int) -> bool:
    """True when `pid` is a local Neo4j JVM (guards against a recycled pid after a crash)."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.parent.parent.is_dir():
        return _alive(pid)
    try:
        return _alive(pid) and neo4j_build.MAIN_CLASS.encode() in cmdline.read_bytes()
    except FileNotFoundError:
        return False


def status(config: ServerConfig) -> ServerInfo | None:
    """The server running on `config.data_dir`, or None (removing a stale pid file)."""
    try:
        pid = int(config.pid_file.read_text().strip())
        state = json.loads(config.state_file.read_text())
    except (FileNotFoundError, ValueError):
        return None
    if not _is_our_server(pid):
        _remove_run_files(config)
        return None
    return ServerInfo(pid=pid, bolt_port=state["bolt_port"], http_port=state["http_port"], data_dir=state["data_dir"])


def _remove_run_files(config: ServerConfig) -> None:
    config.pid_file.unlink(missing_ok=True)
    config.state_file.unlink(missing_ok=True)


def port_is_free(port: int) -> bool:
    """True when nothing listens on 127.0.0.1:`port` (TIME_WAIT leftovers do not count)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((LOOPBACK, port))
        except OSError:
            return False
    return True


def bolt_answers(uri: str, timeout_s: float = 2.0) -> bool:
    """True when a Bolt server at `uri` accepts a connection and a query.

    One auto-commit query, not `execute_query`: that one retries for 30 s and logs every retry, which made a
    startup wait both slower and noisy on stderr."""
    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", ""), connection_timeout=timeout_s) as driver:
        try:
            with driver.session() as session:
                session.run("RETURN 1").consume()
        except (DriverError, Neo4jError, OSError):  # refused, not a Bolt server, or databases still starting
            return False
    return True


def server_version(info: ServerInfo) -> str:
    """The Neo4j kernel version the server reports (`CALL dbms.components()`)."""
    with neo4j.GraphDatabase.driver(info.bolt_uri, auth=("neo4j", "")) as driver:
        records, _, _ = driver.execute_query("CALL dbms.components() YIELD name, versions, edition RETURN *")
    kernel = next(r for r in records if r["name"] == "Neo4j Kernel")
    return f"{kernel['versions'][0]} {kernel['edition']}"


def _log_tail(config: ServerConfig, lines: int = 15) -> str:
    try:
        return "\n".join(config.log_file.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log)"


def start(config: ServerConfig, *, timeout_s: float = 120.0) -> tuple[ServerInfo, bool]:
    """Start the server detached (it outlives this process) and wait for Bolt; (info, False) if it already ran."""
    running = status(config)
    if running is not None:
        return running, False
    java = neo4j_build.require_java()
    neo4j_build.build()
    for name, port in (("Bolt", config.bolt_port), ("HTTP", config.http_port)):
        if not port_is_free(port):
            option = "--bolt-port" if name == "Bolt" else "--http-port"
            raise PortInUseError(
                f"{name} port {port} on {LOOPBACK} is already in use by another process; "
                f"stop it or pick another port with {option}"
            )
    data_dir = config.data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    command = [
        java,
        f"-Xmx{config.heap}",
        "-XX:+ExitOnOutOfMemoryError",
        "-cp",
        neo4j_build.classpath(),
        neo4j_build.MAIN_CLASS,
        "--data-dir",
        str(data_dir),
        "--bolt-port",
        str(config.bolt_port),
        "--http-port",
        str(config.http_port),
        "--pagecache",
        config.pagecache,
    ]
    with config.log_file.open("ab") as log:
        log.write(f"\n== {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(command)}\n".encode())
    pid = _spawn_detached(command, config.log_file)
    info = ServerInfo(pid=pid, bolt_port=config.bolt_port, http_port=config.http_port, data_dir=str(data_dir))
    config.pid_file.write_text(f"{pid}\n")
    config.state_file.write_text(json.dumps(asdict(info)) + "\n")
    _wait_until_ready(config, info, timeout_s)
    return info, True


def _spawn_detached(command: list[str], log_file: Path) -> int:
    """Run `command` in its own session with output appended to `log_file`, not as our child; its pid.

    A shell starts it in the background and exits at once, so the JVM is re-parented to init: it outlives the
    CLI, and a long-lived caller (a test session) neither keeps a zombie nor a running `Popen` object.
    """
    launcher = 'log=$1; shift; "$@" >>"$log" 2>&1 </dev/null & echo $!'
    result = subprocess.run(
        ["sh", "-c", launcher, "sh", str(log_file), *command],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        start_new_session=True,
        check=True,
    )
    return int(result.stdout.strip())


def _wait_until_ready(config: ServerConfig, info: ServerInfo, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not _alive(info.pid):
            _remove_run_files(config)
            raise StartError(f"Neo4j exited during startup; last lines of {config.log_file}:\n{_log_tail(config)}")
        if bolt_answers(info.bolt_uri):
            return
        time.sleep(0.5)
    raise StartError(
        f"Neo4j did not answer on {info.bolt_uri} within {timeout_s:.0f} s (pid {info.pid} "
        f"still running); see {config.log_file}"
    )


def stop(config: ServerConfig, *, timeout_s: float = 60.0) -> ServerInfo | None:
    """SIGTERM the server and wait for its clean shutdown; the stopped server, or None if none ran."""
    info = status(config)
    if info is None:
        return None
    os.kill(info.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while _alive(info.pid):
        if time.monotonic() > deadline:
            raise StopError(
                f"Neo4j (pid {info.pid}) did not stop within {timeout_s:.0f} s; "
                f"see {config.log_file}, or `kill -9 {info.pid}`"
            )
        time.sleep(0.2)
    _remove_run_files(config)
    return info
