"""Serve browser/ over HTTP with the CORS headers Neo4j Browser needs to fetch a guide or a style from another origin.

Neo4j Browser fetches `:play URL` / `:guide URL` / `:style URL` content with fetch() and extra request headers
(`pragma`, `cache-control`, and Sentry's `sentry-trace`), so the server must answer the CORS preflight (OPTIONS),
allowing any request header, as well as the GET. The malikg API serves the same files
for users; this stand-in lets the Browser test check the guide without the API.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _CorsHandler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, OPTIONS")
        # "*", not a fixed list: besides pragma/cache-control, the Browser's Sentry adds sentry-trace and baggage.
        self.send_header("Access-Control-Allow-Headers", "*")
        super().end_headers()

    def do_OPTIONS(self) -> None:  # noqa: N802 (the http.server naming convention)
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (signature of the base class)
        """Keep test output quiet."""


@contextmanager
def serve_directory(directory: Path) -> Iterator[int]:
    """Serve `directory` on 127.0.0.1 (a free port, yielded) until the block ends."""
    handler = functools.partial(_CorsHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
