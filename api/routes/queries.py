"""GET /queries: the vetted named read queries; GET /queries/{name}: run one with validated parameters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.encoders import jsonable_encoder
from neo4j.time import Date, DateTime, Duration, Time

from api.catalog import NamedQuery, all_named_queries, named_query
from api.deps import ReaderDep
from api.schemas.common import ERRORS
from api.schemas.queries import QueryOut, QueryParamOut, QueryRun

router = APIRouter(tags=["queries"])
_TEMPORAL: dict[Any, Any] = {Date: str, DateTime: str, Time: str, Duration: str}


def _describe(query: NamedQuery) -> QueryOut:
    return QueryOut(
        name=query.name,
        description=query.description,
        params=[
            QueryParamOut(name=p.name, type=p.type, required=p.required, default=p.default, doc=p.doc)
            for p in query.params
        ],
        example=query.example,
    )


@router.get("/queries", response_model=list[QueryOut], summary="The vetted named read queries")
def list_queries() -> list[QueryOut]:
    """Every query under `queries/` (top level only) with its description, parameters and an example."""
    return [_describe(q) for q in all_named_queries()]


@router.get("/queries/{name}", response_model=QueryRun, responses=ERRORS, summary="Run one named query")
def run_query(
    reader: ReaderDep, request: Request, name: Annotated[str, Path(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
) -> QueryRun:
    """Run a vetted query in a read-only transaction. Its parameters come from the query string, are checked
    against those its header declares (unknown, missing or mistyped -> 422), and lists are comma-separated:
    `/queries/list_contacts?a_kind=person&a_key=abdoulaye-diop&b_kind=person&b_key=sergueï-lavrov`."""
    query = named_query(name)
    params = query.bind(dict(request.query_params))
    rows = reader.rows(name, **params)
    return QueryRun(name=name, params=params, rows=jsonable_encoder(rows, custom_encoder=_TEMPORAL))
