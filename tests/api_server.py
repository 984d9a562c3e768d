"""Run the real API (`malikg serve`, i.e. uvicorn on `api.main:create_app`) as a subprocess for HTTP tests.

Also a tiny TCP relay so a test can cut and restore the API's connection to the real Neo4j.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[1]
MALIKG = Path(sys.executable).with_name("malikg")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def server_env(uri: str, database: str = "neo4j", password: str = "", **extra: str) -> dict[str, str]:
    """The environment of an API process talking to Neo4j at `uri` as user neo4j with `password`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "MALIKG_API_KEY"))}
    env.update(NEO4J_URI=uri, NEO4J_USER="neo4j", NEO4J_PASSWORD=password, NEO4J_DATABASE=database, **extra)
    return env


@contextmanager
def running_api(env: dict[str, str], log_path: Path, wait_s: float = 60.0) -> Iterator[str]:
    """Start `malikg serve` on a free port, wait until it answers HTTP, yield its base URL, stop it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(MALIKG), "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + wait_s
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"the API exited early:\n{log_path.read_text()[-3000:]}")
                with suppress(httpx.TransportError):
                    httpx.get(f"{base}/openapi.json", timeout=2.0)
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the API did not answer within {wait_s}s:\n{log_path.read_text()[-3000:]}")
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class TcpRelay:
    """Forwards 127.0.0.1:<port> to a target port; `stop()` drops the listener and every open connection."""

    def __init__(self, target_port: int, port: int | None = None) -> None:
        self.target_port = target_port
        self.port = port or free_port()
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            with self._lock:
                self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        with suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for sock in (source, sink):
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        if self._listener is not None:
            with suppress(OSError):  # wakes the thread blocked in accept() (Linux)
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
