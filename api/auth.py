"""Writes need the `X-API-Key` header to equal MALIKG_API_KEY; with no key configured, writes are disabled.

The placeholder of .env.example ("change-me-...") counts as no key. `WriteGuard` checks the key (401/503) and the
content type (415) of every write before the body is read or parsed, so a client without the key learns nothing
about the body's validation; `require_api_key` repeats the check as a route dependency (and documents it).
"""

from __future__ import annotations

import hmac
import json
from typing import Annotated

from fastapi import Depends, Header, HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from api.deps import SettingsDep
from core.settings import Settings, get_settings

PLACEHOLDER_PREFIX = "change-me"
WRITE_PATHS = frozenset({"/documents"})
NO_KEY = "Writes are disabled: the server has no MALIKG_API_KEY configured."
PLACEHOLDER = "Writes are disabled: MALIKG_API_KEY is still the placeholder of .env.example; set a random key."
WRONG_KEY = "Missing or wrong X-API-Key header."


def key_problem(settings: Settings, given: str | None) -> tuple[int, str] | None:
    """(status, reason) when a write must be refused, else None."""
    expected = settings.malikg_api_key.get_secret_value()
    if not expected:
        return 503, NO_KEY
    if expected.startswith(PLACEHOLDER_PREFIX):
        return 503, PLACEHOLDER
    if given is None or not hmac.compare_digest(given.encode(), expected.encode()):
        return 401, WRONG_KEY
    return None


def require_api_key(
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(description="Must equal MALIKG_API_KEY.")] = None,
) -> None:
    """503 when the server has no key (writes disabled), 401 when the header is missing or wrong."""
    problem = key_problem(settings, x_api_key)
    if problem is not None:
        status, reason = problem
        headers = {"WWW-Authenticate": "X-API-Key"} if status == 401 else None
        raise HTTPException(status, reason, headers=headers)


ApiKeyDep = Annotated[None, Depends(require_api_key)]


class WriteGuard:
    """Pure ASGI middleware: on a write path, 401/503 for the key, then 415 for a body that is not JSON, before
    anything reads the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in WRITE_PATHS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        raw_key = headers.get(b"x-api-key")
        problem = key_problem(get_settings(), None if raw_key is None else raw_key.decode("latin-1"))
        extra: list[tuple[bytes, bytes]] = []
        if problem is not None and problem[0] == 401:
            extra = [(b"www-authenticate", b"X-API-Key")]
        if problem is None:
            media = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
            if media != b"application/json" and not media.endswith(b"+json"):
                problem = 415, "The body must be JSON: send it with Content-Type: application/json."
        if problem is None:
            await self.app(scope, receive, send)
            return
        status, reason = problem
        body = json.dumps({"detail": reason}).encode()
        start = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *extra]
        await send({"type": "http.response.start", "status": status, "headers": start})
        await send({"type": "http.response.body", "body": body})
