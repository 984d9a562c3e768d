"""GET /search: people, states and organisations by name or alias."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import PageDep, ReaderDep
from api.errors import InvalidParameterError
from api.resolve import ALL_KINDS
from api.schemas.common import EntityKind
from api.schemas.entities import SearchHit, SearchResults
from api.text import all_terms_query

router = APIRouter(tags=["entities"])


@router.get("/search", response_model=SearchResults, summary="Find people, states, organisations by name")
def search(
    reader: ReaderDep,
    page: PageDep,
    q: Annotated[
        str, Query(min_length=1, max_length=200, description="Words of a name or alias.", examples=["lavrov"])
    ],
    kind: Annotated[list[EntityKind] | None, Query(description="Keep only these kinds.")] = None,
) -> SearchResults:
    """Full-text search over names and aliases, ignoring case and accents ("serguei" finds "Sergueï Lavrov");
    the last word may be the beginning of a word ("lav")."""
    query = all_terms_query(q, prefix_last=True)
    if not query:
        raise InvalidParameterError("'q' must contain at least one word.")
    rows = reader.rows(
        "search_entities", query=query, kinds=sorted(kind or ALL_KINDS), skip=page.offset, limit=page.limit
    )
    hits = [SearchHit(kind=r["kind"], id=r["id"], name=r["name"], aliases=r["aliases"], score=r["score"]) for r in rows]
    return SearchResults(query=q, limit=page.limit, offset=page.offset, results=hits)
