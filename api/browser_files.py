"""Serve the `browser` package (Neo4j Browser guide, style, saved queries) at /browser/, readable cross-origin.

Neo4j Browser fetches guides (`:play URL`) and styles (`:style URL`) cross-origin with extra request headers
(pragma, cache-control, sentry-trace), so the preflight must allow any header. The files are package data,
found with `importlib.resources` wherever malikg is installed.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Scope

SERVED_SUFFIXES = (".html", ".grass", ".cypher")  # the package's own __init__.py is not a Browser file


class _BrowserFiles(StaticFiles):
    """Static files limited to the Browser's file types."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if not path.endswith(SERVED_SUFFIXES):
            raise HTTPException(status_code=404)
        return await super().get_response(path, scope)


def browser_dir() -> Path:
    """The directory of the installed `browser` package (a regular package: always a real directory)."""
    return Path(str(resources.files("browser")))


def browser_files() -> ASGIApp:
    """Static files of the `browser` package with permissive read-only CORS."""
    files = _BrowserFiles(directory=browser_dir())
    return CORSMiddleware(files, allow_origins=["*"], allow_methods=["GET"], allow_headers=["*"])
