"""`malikg serve`: run the REST API (FastAPI app factory `api.main:create_app`) with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option(help="Interface to bind; 0.0.0.0 exposes the API to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    reload: Annotated[bool, typer.Option(help="Restart when the code changes (development).")] = False,
) -> None:
    """Serve the API; OpenAPI documentation at http://HOST:PORT/docs. Neo4j settings come from NEO4J_*.
    Request heads are capped at 64 KB, reading a request at 30 s, connections at 500 (api/http_limits.py)."""
    import uvicorn

    from api.http_limits import MAX_CONCURRENCY, MAX_HEADER_BYTES, TimedH11Protocol
    from core.settings import get_settings

    get_settings()  # a bad setting fails here in one line (malikg.cli), not as a traceback in the app factory
    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=host,
        port=port,
        reload=reload,
        proxy_headers=False,
        http=TimedH11Protocol,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        limit_concurrency=MAX_CONCURRENCY,
    )


def register(app: typer.Typer) -> None:
    """Add the command to the root app."""
    app.command("serve")(serve)
