"""Start, inspect and stop the local Neo4j server (graph/neo4j-local) as a detached background process.

Each data directory `D` has its own pid file `D.pid`, log `D.log` and state `D.json` (ports) beside it, so several
servers (the user's on 7687, each test session's on its own ports) can run side by side. Its password is in
`D/password` (graph/local_auth.py); authentication is always on.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from core.settings import REPO_ROOT
from graph import local_auth, neo4j_build
from graph.local_errors import DatabaseStartError, PasswordError, PortInUseError, StartError, StopError
from graph.queries import load_query

LOOPBACK = "127.0.0.1"
READY_MARK = "malikg-neo4j ready"
DATABASE_FAILED_MARK = "Failed to start DatabaseId"  # Neo4j's debug.log, when a database of the DBMS cannot start
SLOW_STOP_S = 10.0


@dataclass(frozen=True)
class ServerConfig:
    """Where and how one local server runs."""

    data_dir: Path
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "1g"
    pagecache: str = "128m"
    browser_commands: str = ""  # browser.post_connect_cmd: what Neo4j Browser runs once connected (see below)

    @property
    def pid_file(self) -> Path:
        return self.data_dir.with_name(self.data_dir.name + ".pid")

    @property
    def log_file(self) -> Path:
        return self.data_dir.with_name(self.data_dir.name + ".log")

    @property
    def state_file(self) -> Path:
        return self.data_dir.with_name(self.data_dir.name + ".json")

    @property
    def password_file(self) -> Path:
        return local_auth.password_file(self.data_dir)

    def password(self) -> str:
        """The stored password ("" before the first start)."""
        return local_auth.read_password(self.data_dir) or ""


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
        """Neo4j Browser with the connect URL and user filled in; Browser takes no password from a URL."""
        return f"{self.http_url}/browser/?dbms=bolt://{local_auth.USER}@{LOOPBACK}:{self.bolt_port}&preselectAuthMethod=NATIVE"


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
    except (FileNotFoundError, NotADirectoryError, ValueError):  # not started (or no such directory at all)
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


def bolt_answers(uri: str, password: str, timeout_s: float = 2.0) -> bool:
    """True when a Bolt server at `uri` accepts a connection and a query as `neo4j`/`password`.

    One auto-commit query, not `execute_query`: that one retries for 30 s and logs every retry, which made a
    startup wait both slower and noisy on stderr."""
    auth = (local_auth.USER, password)
    with neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=timeout_s) as driver:
        try:
            with driver.session() as session:
                session.run("RETURN 1").consume()
        except AuthError:
            raise
        except (DriverError, Neo4jError, OSError):  # refused, not a Bolt server, or databases still starting
            return False
    return True


def server_version(info: ServerInfo, password: str) -> str:
    """The Neo4j kernel version the server reports (`CALL dbms.components()`)."""
    with neo4j.GraphDatabase.driver(info.bolt_uri, auth=(local_auth.USER, password)) as driver:
        records, _, _ = driver.execute_query("CALL dbms.components() YIELD name, versions, edition RETURN *")
    kernel = next(r for r in records if r["name"] == "Neo4j Kernel")
    return f"{kernel['versions'][0]} {kernel['edition']}"


def _log_tail(config: ServerConfig, lines: int = 15) -> str:
    try:
        return "\n".join(config.log_file.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log)"


def _prepare_files(config: ServerConfig) -> str:
    """Create the data dir (0700), its password (0600) and the log beside it; the password. A directory that
    cannot be written is a StartError naming it, not a traceback (or "see the log" with no log)."""
    try:
        config.data_dir.mkdir(parents=True, exist_ok=True)
        password, _ = local_auth.ensure_password(config.data_dir)
        with config.log_file.open("ab"):
            pass
    except OSError as error:
        where = error.filename or config.data_dir
        raise StartError(
            f"cannot write {where} ({error.strerror or error}); choose a writable --data-dir (or MALIKG_DATA_DIR) "
            "or fix the permissions of that directory and its parent"
        ) from error
    return password


def browser_commands(api_base: str) -> str:
    """Neo4j Browser commands that apply malikg's style and open its guide, both served by the API at `api_base`.

    Browser runs them (each prefixed with ":") right after it connects, unless its URL carries `cmd=`."""
    return f"style {api_base}/browser/style.grass;play {api_base}/browser/guide.html"


def start(config: ServerConfig, *, timeout_s: float = 120.0, recover_log_tail: bool = False) -> tuple[ServerInfo, bool]:
    """Start the server detached (it outlives this process) and wait for Bolt; (info, False) if it already ran.

    The first start of a data dir generates its password (graph/local_auth.py). `recover_log_tail` (for `recover`
    only) lets Neo4j's recovery truncate an unreadable transaction log tail instead of refusing the database."""
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
    password = _prepare_files(config)
    data_dir = config.data_dir.resolve()
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
        "--password-file",
        str(local_auth.password_file(data_dir)),
    ]
    if config.browser_commands:
        command += ["--browser-post-connect-cmd", config.browser_commands]
    if recover_log_tail:
        command += ["--recover-log-tail", "true"]
    with config.log_file.open("ab") as log:
        log.write(f"\n== {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(command)}\n".encode())
        log_offset = log.tell()
    debug_offset = _debug_log(config).stat().st_size if _debug_log(config).is_file() else 0
    pid = _spawn_detached(command, config.log_file)
    info = ServerInfo(pid=pid, bolt_port=config.bolt_port, http_port=config.http_port, data_dir=str(data_dir))
    config.pid_file.write_text(f"{pid}\n")
    config.state_file.write_text(json.dumps(asdict(info)) + "\n")
    _wait_until_ready(config, info, password, (log_offset, debug_offset), timeout_s)
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


def _wait_until_ready(
    config: ServerConfig, info: ServerInfo, password: str, offsets: tuple[int, int], timeout_s: float
) -> None:
    """Wait for the ready line in the log (printed once the password is applied), then for a Bolt query.

    Polling Bolt alone could fail authentication while an older store still had its old password, and Neo4j
    locks a user out for 5 s after 3 failures. A database that Neo4j failed to start (its store or transaction
    logs cannot be recovered, e.g. after a full disk) is said at once, with the way forward, instead of waiting
    for Bolt until the timeout. `offsets`: where this start begins in our log and in Neo4j's debug.log."""
    log_offset, debug_offset = offsets
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not _alive(info.pid):
            _remove_run_files(config)
            raise StartError(f"Neo4j exited during startup; last lines of {config.log_file}:\n{_log_tail(config)}")
        failure = _database_failure(config, debug_offset)
        if failure is not None:
            raise DatabaseStartError(_database_failed_message(config, failure))
        if _logged_since(config, log_offset, READY_MARK):
            try:
                if bolt_answers(info.bolt_uri, password):
                    return
            except AuthError as error:
                raise StartError(
                    f"Neo4j refused the password in {config.password_file} ({error.message}); see {config.log_file}"
                ) from error
        time.sleep(0.5)
    raise StartError(
        f"Neo4j did not answer on {info.bolt_uri} within {timeout_s:.0f} s (pid {info.pid} "
        f"still running); see {config.log_file}"
    )


def _debug_log(config: ServerConfig) -> Path:
    return config.data_dir / "logs" / "debug.log"


def _database_failure(config: ServerConfig, offset: int) -> str | None:
    """The first line of Neo4j's debug.log, since `offset`, saying that a database failed to start, else None."""
    try:
        with _debug_log(config).open("rb") as log:
            log.seek(offset)
            text = log.read().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return None
    return next((line for line in text.splitlines() if DATABASE_FAILED_MARK in line), None)


def _database_failed_message(config: ServerConfig, failure: str) -> str:
    data_dir, flags = config.data_dir, f"--data-dir {config.data_dir}"
    ports = f"--bolt-port {config.bolt_port} --http-port {config.http_port}"
    return (
        f"Neo4j is running but could not start its database; {_debug_log(config)} says:\n  {failure.strip()}\n"
        "Its store or transaction logs cannot be recovered as they are (a write cut by a full disk, for instance). "
        "Make sure the disk has free space, then recover it: recovery keeps every acknowledged write and drops the "
        "unreadable tail of the transaction log (a write that was never acknowledged):\n"
        f"  malikg db recover {flags} {ports}\n"
        "  malikg ingest ...    # the command that failed, again: ingest is idempotent\n"
        "If recovery fails too, rebuild the graph (it is derived from your inputs):\n"
        f"  malikg db stop {flags}\n"
        f"  mv {data_dir} {data_dir}.broken    # keep it, and its logs/, for a post-mortem\n"
        f"  malikg db start {flags} {ports}    # a new store and a new password, printed once\n"
        "  malikg db schema && malikg ingest ...    # your inputs again\n"
        '(docs/reliability.md, "Disk full")'
    )


@dataclass(frozen=True)
class Recovery:
    """What `recover` did: the server running again, and what Neo4j logged about the log tail it dropped."""

    info: ServerInfo
    notes: list[str]


def recover(config: ServerConfig, *, timeout_s: float = 300.0) -> Recovery:
    """Bring back a database whose transaction log tail a full disk cut (`malikg db recover`).

    Stops the server if it runs, starts it once with Neo4j's `internal.dbms.tx_log.fail_on_corrupted_log_files`
    off, so recovery replays every readable transaction and truncates the unreadable tail, stops it (a clean
    checkpoint of the recovered store) and starts it normally: what runs afterwards is an ordinary start, and a
    later fault is refused as usual instead of truncated silently. A transaction is acknowledged only once its
    commit is on disk, so the tail that is dropped holds only unacknowledged writes. A store that still cannot
    start raises DatabaseStartError (then the rebuild path of its message is the way)."""
    stop(config)
    debug_offset = _debug_log(config).stat().st_size if _debug_log(config).is_file() else 0
    try:
        start(config, timeout_s=timeout_s, recover_log_tail=True)
    except DatabaseStartError as error:
        raise DatabaseStartError(f"recovery could not bring the database back either.\n{error}") from error
    notes = _recovery_notes(config, debug_offset)
    stop(config)
    info, _ = start(config, timeout_s=timeout_s)
    return Recovery(info=info, notes=notes)


def _recovery_notes(config: ServerConfig, offset: int) -> list[str]:
    """Neo4j's debug.log lines since `offset` saying what recovery truncated and where it kept the cut bytes."""
    try:
        with _debug_log(config).open("rb") as log:
            log.seek(offset)
            text = log.read().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return []
    marks = ("will be truncated", "corrupted-neostore.transaction.db-")
    return [line.strip() for line in text.splitlines() if any(mark in line for mark in marks)]


def _logged_since(config: ServerConfig, offset: int, mark: str) -> bool:
    try:
        with config.log_file.open("rb") as log:
            log.seek(offset)
            return mark.encode() in log.read()
    except FileNotFoundError:
        return False


def stop(
    config: ServerConfig, *, timeout_s: float | None = None, on_slow: Callable[[ServerInfo], None] | None = None
) -> ServerInfo | None:
    """SIGTERM the server and wait for its clean shutdown; the stopped server, or None if none ran.

    By default this waits as long as Neo4j's own shutdown takes: giving up earlier (it used to after 60 s, e.g.
    while a full disk slowed the final checkpoint) left a server still closing its store, and a later start or
    `kill -9` then met half-written transaction logs. `on_slow` is called once after 10 s of waiting."""
    info = status(config)
    if info is None:
        return None
    os.kill(info.pid, signal.SIGTERM)
    started = time.monotonic()
    deadline = None if timeout_s is None else started + timeout_s
    slow_told = on_slow is None
    while _alive(info.pid):
        if not slow_told and time.monotonic() - started > SLOW_STOP_S and on_slow is not None:
            on_slow(info)
            slow_told = True
        if deadline is not None and time.monotonic() > deadline:
            raise StopError(
                f"Neo4j (pid {info.pid}) is still shutting down after {timeout_s:.0f} s; run `malikg db stop` "
                f"again to keep waiting, and see {config.log_file} (a `kill -9` now risks the store)"
            )
        time.sleep(0.2)
    _remove_run_files(config)
    return info


def change_password(config: ServerConfig, new_password: str | None = None) -> tuple[str, bool]:
    """Give user `neo4j` a new password (a generated one by default) and store it; (password, True when the
    running server took it at once). A stopped server takes it from the file at its next start.

    The server is changed first and the file second: if this is interrupted in between, the next start sets the
    password in the file again, so the file stays the truth."""
    new = local_auth.generate_password() if new_password is None else new_password
    if len(new) < local_auth.MIN_LENGTH:
        raise PasswordError(f"a password needs at least {local_auth.MIN_LENGTH} characters")
    info = status(config)
    if info is not None:
        old = config.password()
        if new == old:
            raise PasswordError("that is already the password")
        try:
            with neo4j.GraphDatabase.driver(info.bolt_uri, auth=(local_auth.USER, old)) as driver:
                with driver.session(database="system") as session:
                    session.run(load_query("admin/change_password"), old=old, new=new).consume()
        except AuthError as error:
            raise PasswordError(
                f"the running server refused the password in {config.password_file} ({error.message}); "
                "restart it (`malikg db stop` then `malikg db start`) to apply the file, then try again"
            ) from error
        except (DriverError, Neo4jError) as error:
            raise PasswordError(f"Neo4j did not change the password: {error}") from error
    try:
        local_auth.write_password(config.data_dir, new)
    except OSError as error:
        raise PasswordError(f"cannot write {config.password_file} ({error.strerror or error})") from error
    return new, info is not None
