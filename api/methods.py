"""405 answers whose `Allow` header lists every method of the resource, as the OpenAPI schema documents them.

Starlette fills `Allow` from the first route whose path matches, so `OPTIONS /judgements` advertised only GET
(POST is another route of the same path) and `OPTIONS /judgements/import` advertised DELETE (the path also matches
`/judgements/{id}`). A literal path is its own resource: when one matches, templated paths are not consulted.
"""

from __future__ import annotations

import re

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

_PARAM = re.compile(r"\\\{[^/]+?\\\}")  # an escaped `{name}` of a path template
_HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    """The documented methods of `path`: those of its literal entry in the schema, else of the templates it fits."""
    paths = app.openapi().get("paths", {})
    if path in paths:
        chosen = [paths[path]]
    else:
        chosen = [item for template, item in paths.items() if _template(template).fullmatch(path)]
    return sorted({method.upper() for item in chosen for method in item if method in _HTTP_METHODS})


def _template(template: str) -> re.Pattern[str]:
    return re.compile(_PARAM.sub("[^/]+", re.escape(template)))


async def http_error(request: Request, exc: Exception) -> Response:
    """FastAPI's own answer to an HTTPException, with a complete `Allow` header on a 405."""
    assert isinstance(exc, HTTPException)
    if exc.status_code != 405:
        return await http_exception_handler(request, exc)
    allowed = allowed_methods(request.app, request.url.path)
    return JSONResponse({"detail": exc.detail}, status_code=405, headers={"Allow": ", ".join(allowed)})
