"""API errors and the handlers that turn them, and Neo4j failures, into JSON problems (`{"detail": ...}`).

Routes raise `ApiError` subclasses; the graph layer's own exceptions are translated here only, so no handler
ever returns a stack trace.
"""

from __future__ import annotations

import logging
import math
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.methods import http_error
from core.errors import MalikgError

log = logging.getLogger(__name__)

# Java class names in Neo4j's messages ("org.apache.lucene.queryparser.classic.ParseException: ") say nothing useful
# to a client and expose the server's internals.
_JAVA_NAME = re.compile(r"(?:Caused by: )?\b(?:[a-z][a-z0-9_]*\.)+[A-Z]\w*(?:Exception|Error)\b:? ?")
UNAVAILABLE = "The graph database is unreachable; retry in a moment (check it with `malikg db status`)."


class ApiError(MalikgError):
    """An error with an HTTP status and extra JSON members next to `detail`."""

    status_code = 400

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class NotFoundError(ApiError):
    status_code = 404


class AmbiguousNameError(ApiError):
    status_code = 409


class InvalidParameterError(ApiError):
    status_code = 422


class ExtractorBusyError(ApiError):
    """Every extraction worker is busy: 503 with Retry-After."""

    status_code = 503

    def __init__(self, detail: str, retry_after_s: int) -> None:
        super().__init__(detail)
        self.retry_after_s = retry_after_s


class DatabaseDownError(Exception):
    """Neo4j was found down moments ago (the circuit breaker is open): 503 without trying again."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(UNAVAILABLE)
        self.retry_after_s = retry_after_s


def _problem(status: int, detail: str, **extra: Any) -> JSONResponse:
    return JSONResponse(status_code=status, content={"detail": detail, **extra})


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    response = _problem(exc.status_code, exc.detail, **exc.extra)
    if isinstance(exc, ExtractorBusyError):
        response.headers["Retry-After"] = str(exc.retry_after_s)
    return response


async def _database_down(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DatabaseDownError)
    response = _problem(503, UNAVAILABLE)
    response.headers["Retry-After"] = str(exc.retry_after_s)
    return response


async def _unavailable(_: Request, exc: Exception) -> JSONResponse:
    log.warning("Neo4j unavailable: %s", exc)
    return _problem(503, UNAVAILABLE)


async def _neo4j_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Neo4jError)
    code = exc.code or ""
    if "TransactionTimedOut" in code:
        return _problem(504, "The query took longer than the configured limit (MALIKG_QUERY_TIMEOUT_S); narrow it.")
    if isinstance(exc, ClientError):
        first_line = "".join((exc.message or "").strip().splitlines()[:1])
        return _problem(400, f"The graph database refused the query: {_JAVA_NAME.sub('', first_line)}", code=code)
    log.error("Neo4j error %s: %s", code, exc.message)
    return _problem(503, "The graph database failed to answer; retry in a moment.", code=code)


# A 422 repeats at most this much of each invalid input (a 2 MB body used to come back whole).
MAX_ECHO_CHARS = 200


def _echo(value: Any) -> Any:
    """An invalid input as a 422 may repeat it: short, JSON-safe (no NaN, no lone surrogate)."""
    if isinstance(value, bool | int) or value is None:
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    text = value if isinstance(value, str) else repr(value)
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text if len(text) <= MAX_ECHO_CHARS else f"{text[:MAX_ECHO_CHARS]}... ({len(text)} characters)"


async def _invalid_request(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail = []
    for error in exc.errors():
        item = {"loc": list(error.get("loc", ())), "msg": _echo(error.get("msg", "")), "type": error.get("type", "")}
        if "input" in error:
            item["input"] = _echo(error["input"])
        detail.append(item)
    return JSONResponse(status_code=422, content={"detail": detail})


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return _problem(500, "Internal error; the server log has the details.")


class CatchAll:
    """Pure ASGI middleware: an unexpected exception becomes a JSON 500 here, so it does not reach Starlette's
    ServerErrorMiddleware, which re-raises it and makes uvicorn reset the keep-alive connection."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:
                raise
            log.exception("unexpected error", exc_info=exc)
            response = _problem(500, "Internal error; the server log has the details.")
            await response(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    """Register every translation from exception to JSON problem."""
    app.add_exception_handler(HTTPException, http_error)  # complete `Allow` on a 405 (api/methods.py)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(DatabaseDownError, _database_down)
    app.add_exception_handler(ServiceUnavailable, _unavailable)
    app.add_exception_handler(SessionExpired, _unavailable)
    app.add_exception_handler(Neo4jError, _neo4j_error)
    app.add_exception_handler(DriverError, _unavailable)
    app.add_exception_handler(Exception, _unexpected)
