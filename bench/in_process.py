"""The API's ASGI app called in-process (no HTTP, no client): the scope and body of one GET, for the benches that
time the app itself (bench/profile_warm.py, bench/profile_gc.py)."""

from __future__ import annotations

from typing import Any

from starlette.types import Message


def get_scope(app: Any, path: str, query: bytes) -> dict[str, Any]:
    """The ASGI scope of `GET path?query` as uvicorn would pass it (Accept: */*); copy it per request."""
    return {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "headers": [(b"host", b"bench"), (b"accept", b"*/*")],
        "http_version": "1.1",
        "scheme": "http",
        "server": ("127.0.0.1", 80),
        "client": ("127.0.0.1", 1),
        "root_path": "",
        "app": app,
    }


async def empty_body() -> Message:
    """The request body of a GET: empty, in one message."""
    return {"type": "http.request", "body": b"", "more_body": False}
