"""The FastAPI application: `create_app()` only wires routers, error handlers and limits together."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from api.auth import WriteGuard
from api.browser_files import browser_files
from api.errors import CatchAll, install_error_handlers
from api.lifespan import lifespan
from api.limits import BodySizeLimit
from api.openapi_examples import install as install_examples
from api.read_cache import ReadCache
from api.routes import (
    charts,
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
    sectors,
    states,
    stats,
    timeline,
)
from api.slow_log import SlowRequestLog
from core.settings import get_settings

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
    sectors,
    network,
    stats,
    queries,
    documents,
    review,  # trust: judgements, retraction, provenance
    export,
    charts,
)


def create_app() -> FastAPI:
    """A new application (uvicorn factory: `uvicorn --factory api.main:create_app`)."""
    # /docs and /redoc serve Swagger UI and ReDoc from the fastapi-offline package, never from a CDN
    app = FastAPIOffline(
        title="malikg",
        summary="A knowledge graph of Mali's foreign relations, built from French-language news.",
        version="0.1.0",
        lifespan=lifespan,
    )
    for module in ROUTERS:
        app.include_router(module.router)
    app.mount("/browser", browser_files(), name="browser")
    install_error_handlers(app)
    install_examples(app)  # response examples from api/data/openapi_examples.yaml
    app.router.redirect_slashes = False  # a redirect would point at the client's Host header; 404 instead
    app.add_middleware(ReadCache)  # GET answers by graph version, ETag / 304 (inside CatchAll)
    app.add_middleware(CatchAll)
    app.add_middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(WriteGuard)  # the key is checked before the body size or content
    slow_ms = get_settings().malikg_slow_request_ms
    if slow_ms > 0:  # outermost, so it times everything the app does (api/slow_log.py)
        app.add_middleware(SlowRequestLog, threshold_ms=slow_ms)
    return app
