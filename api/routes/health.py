"""GET /health: is Neo4j reachable, and which version is it."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import DriverDep, SettingsDep
from api.schemas.common import Problem
from api.schemas.health import Health

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    response_model=Health,
    responses={503: {"model": Problem, "description": "Neo4j is unreachable."}},
    summary="Neo4j reachable, with its version",
)
def health(driver: DriverDep, settings: SettingsDep) -> Health:
    """200 when a Bolt connection to Neo4j works now; 503 otherwise. Nothing is cached: each call asks again."""
    info = driver.get_server_info()
    _, _, version = (info.agent or "").partition("/")
    return Health(
        status="ok", neo4j_version=version or info.agent, server=str(info.address), database=settings.neo4j_database
    )
