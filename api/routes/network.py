"""GET /network: nodes and edges around an entity, for a graph view."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import MAX_LIMIT, NAME_SCHEMA, ReaderDep
from api.reads import one_read_transaction
from api.resolve import resolve_entity
from api.schemas.analytics import Network, NetworkEdge, NetworkNode
from api.schemas.common import ERRORS

router = APIRouter(tags=["analytics"])


@router.get("/network", response_model=Network, responses=ERRORS, summary="The graph around an entity")
@one_read_transaction
def network(
    reader: ReaderDep,
    entity: Annotated[
        str,
        Query(
            min_length=1, max_length=200, json_schema_extra=NAME_SCHEMA, description="Id or name.", examples=["Diop"]
        ),
    ],
    depth: Annotated[int, Query(ge=1, le=2, description="1: its meetings; 2: also its co-participants' meetings.")] = 1,
    max_meetings: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Bound on meetings shown.")] = 100,
) -> Network:
    """Entities and meetings as nodes, ATTENDED / REPRESENTED_AT / IN_FRAME_OF as edges, newest meetings first."""
    ref = resolve_entity(reader, entity)
    rows = reader.rows("get_network", kind=ref.kind, key=ref.id, depth=depth, max_meetings=max_meetings)
    nodes: dict[str, NetworkNode] = {
        f"{ref.kind}:{ref.id}": NetworkNode(id=f"{ref.kind}:{ref.id}", kind=ref.kind, label=ref.name)
    }
    edges: list[NetworkEdge] = []
    for row in rows:
        meeting = f"meeting:{row['meeting_id']}"
        other = f"{row['kind']}:{row['id']}"
        nodes.setdefault(
            meeting,
            NetworkNode(
                id=meeting,
                kind="meeting",
                label=row["meeting_type"],
                date=row["meeting_date"],
                type=row["meeting_type"],
            ),
        )
        nodes.setdefault(other, NetworkNode(id=other, kind=row["kind"], label=row["name"]))
        source, target = (meeting, other) if row["rel"] == "IN_FRAME_OF" else (other, meeting)
        edges.append(NetworkEdge(source=source, target=target, type=row["rel"], role=row["role"], host=row["host"]))
    truncated = bool(rows) and bool(rows[0]["truncated"])
    return Network(entity=ref, depth=depth, truncated=truncated, nodes=list(nodes.values()), edges=edges)
