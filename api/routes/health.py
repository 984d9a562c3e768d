"""GET /health: is the graph database ready (a real read of the store), and which Neo4j version serves it."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import DriverDep, SettingsDep
from api.reads import ping
from api.schemas.common import Problem
from api.schemas.health import Health

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    response_model=Health,
    responses={503: {"model": Problem, "description": "Neo4j is unreachable or its database unavailable."}},
    summary="The graph database is ready, with Neo4j's version",
)
def health(driver: DriverDep, settings: SettingsDep) -> Health:
    """200 when a read of the database works now (a readiness check: a reachable server whose database failed,
    e.g. after a full disk, is 503); 503 otherwise, at once while Neo4j is known to be down. Nothing is cached."""
    ping(driver, settings.neo4j_database, min(5.0, settings.malikg_query_timeout_s))
    info = driver.get_server_info()
    _, _, version = (info.agent or "").partition("/")
    return Health(
        status="ok", neo4j_version=version or info.agent, server=str(info.address), database=settings.neo4j_database
    )
