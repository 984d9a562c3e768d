"""The application's lifespan: one Neo4j driver per process, created at start-up and closed on exit."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.breaker import CircuitBreaker
from api.extraction import ExtractionPool
from core.settings import get_settings
from graph.driver import open_driver


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Keep the driver on `app.state`. No connection is made here, so the API starts even while Neo4j is down
    and /health reports 503 until it is back."""
    settings = get_settings()
    # An HTTP client should not wait 30 s (the driver's default retry budget) to learn that Neo4j is down.
    driver = open_driver(
        settings,
        max_transaction_retry_time=min(5.0, settings.malikg_query_timeout_s),
        connection_timeout=5.0,
        connection_acquisition_timeout=10.0,
    )
    app.state.driver = driver
    app.state.breaker = CircuitBreaker()
    app.state.extractor = ExtractionPool(settings.malikg_extract_workers, settings.malikg_extract_timeout_s)
    try:
        yield
    finally:
        app.state.extractor.close()
        driver.close()
