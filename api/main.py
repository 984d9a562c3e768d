"""The FastAPI application: `create_app()` only wires routers, error handlers and limits together."""

from __future__ import annotations

from fastapi import FastAPI

from api.browser_files import browser_files
from api.errors import install_error_handlers
from api.lifespan import lifespan
from api.limits import BodySizeLimit
from api.routes import (
    contacts,
    documents,
    export,
    health,
    meetings,
    network,
    organisations,
    partners,
    people,
    queries,
    review,
    search,
    states,
    stats,
    timeline,
)

MAX_BODY_BYTES = 2 * 1024 * 1024
ROUTERS = (
    health,
    search,
    people,
    states,
    organisations,
    contacts,
    timeline,
    meetings,
    partners,
    network,
    stats,
    queries,
    documents,
    review,  # trust: judgements, retraction, provenance
    export,
)


def create_app() -> FastAPI:
    """A new application (uvicorn factory: `uvicorn --factory api.main:create_app`)."""
    app = FastAPI(
        title="malikg",
        summary="A knowledge graph of Mali's foreign relations, built from French-language news.",
        version="0.1.0",
        lifespan=lifespan,
    )
    for module in ROUTERS:
        app.include_router(module.router)
    app.mount("/browser", browser_files(), name="browser")
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES)
    return app
