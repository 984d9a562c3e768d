"""API errors and the handlers that turn them, and Neo4j failures, into JSON problems (`{"detail": ...}`).

Routes raise `ApiError` subclasses; the graph layer's own exceptions are translated here only, so no handler
ever returns a stack trace.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from neo4j.exceptions import ClientError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from core.errors import MalikgError

log = logging.getLogger(__name__)

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


def _problem(status: int, detail: str, **extra: Any) -> JSONResponse:
    return JSONResponse(status_code=status, content={"detail": detail, **extra})


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return _problem(exc.status_code, exc.detail, **exc.extra)


async def _unavailable(_: Request, exc: Exception) -> JSONResponse:
    log.warning("Neo4j unavailable: %s", exc)
    return _problem(503, UNAVAILABLE)


async def _neo4j_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Neo4jError)
    code = exc.code or ""
    if "TransactionTimedOut" in code:
        return _problem(504, "The query took longer than the configured limit (MALIKG_QUERY_TIMEOUT_S); narrow it.")
    if isinstance(exc, ClientError):
        first_line = (exc.message or "").strip().splitlines()[:1]
        return _problem(400, f"The graph database refused the query: {''.join(first_line)}", code=code)
    log.error("Neo4j error %s: %s", code, exc.message)
    return _problem(503, "The graph database failed to answer; retry in a moment.", code=code)


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return _problem(500, "Internal error; the server log has the details.")


def install_error_handlers(app: FastAPI) -> None:
    """Register every translation from exception to JSON problem."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(ServiceUnavailable, _unavailable)
    app.add_exception_handler(SessionExpired, _unavailable)
    app.add_exception_handler(Neo4jError, _neo4j_error)
    app.add_exception_handler(DriverError, _unavailable)
    app.add_exception_handler(Exception, _unexpected)
