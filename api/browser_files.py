"""Serve `browser/` (Neo4j Browser guide, style, saved queries) at /browser/, readable from the Browser's origin.

Neo4j Browser fetches guides (`:play URL`) and styles (`:style URL`) cross-origin with extra request headers
(pragma, cache-control, sentry-trace), so the preflight must allow any header.
"""

from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from core.settings import REPO_ROOT

BROWSER_DIR = REPO_ROOT / "browser"


def browser_files() -> ASGIApp:
    """Static files of `browser/` with permissive read-only CORS."""
    files = StaticFiles(directory=BROWSER_DIR)
    return CORSMiddleware(files, allow_origins=["*"], allow_methods=["GET"], allow_headers=["*"])
