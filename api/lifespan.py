"""The application's lifespan: one Neo4j driver per process, created at start-up and closed on exit."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.auth import key_problem
from api.breaker import CircuitBreaker
from api.extraction import ExtractionPool
from api.gc_pauses import freeze_after, freeze_long_lived
from core.settings import Settings, get_settings
from graph.driver import open_driver
from ingest.curation import load_reference


def _writes_enabled(settings: Settings) -> bool:
    """An API key is configured (not the placeholder), so POST /documents may come."""
    problem = key_problem(settings, None)
    return problem is None or problem[0] != 503


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
    if settings.malikg_extract_preload and _writes_enabled(settings):
        # With writes enabled, load spaCy now rather than on the first POST /documents (docs/benchmarks.md).
        app.state.extractor.start_in_background()
        # The writer's reference data (this process's, for GraphWriter), also loaded by the first POST otherwise.
        threading.Thread(target=freeze_after(load_reference), name="reference-warm-up", daemon=True).start()
    freeze_long_lived()  # the app, its models and the driver leave the collector's full passes (api/gc_pauses.py)
    try:
        yield
    finally:
        app.state.extractor.close()
        driver.close()
