"""GET /search: people, states and organisations by name or alias."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import NAME_SCHEMA, PageDep, ReaderDep
from api.errors import InvalidParameterError
from api.reads import one_read_transaction
from api.resolve import ALL_KINDS, gazetteer_match
from api.schemas.common import ERRORS, EntityKind
from api.schemas.entities import SearchHit, SearchResults
from api.text import all_terms_query

router = APIRouter(tags=["entities"])


@router.get(
    "/search", response_model=SearchResults, responses=ERRORS, summary="Find people, states, organisations by name"
)
@one_read_transaction
def search(
    reader: ReaderDep,
    page: PageDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            json_schema_extra=NAME_SCHEMA,
            description="Words of a name or alias.",
            examples=["lavrov"],
        ),
    ],
    kind: Annotated[list[EntityKind] | None, Query(description="Keep only these kinds.")] = None,
) -> SearchResults:
    """Full-text search over names and aliases, ignoring case and accents ("serguei" finds "Sergueï Lavrov");
    the last word may be the beginning of a word ("lav"). Acronyms ("ONU"), English names ("Russia") and formal
    names ("Fédération de Russie") find their entity, listed first; `total` counts every match."""
    if not q.strip():
        raise InvalidParameterError("'q' must contain at least one word.")
    query = all_terms_query(q, prefix_last=True)
    if not query:  # only marks that folding removes (a lone combining accent): no name can match
        return SearchResults(query=q, total=0, limit=page.limit, offset=page.offset, results=[])
    kinds = sorted(kind or ALL_KINDS)
    rows = reader.rows("search_entities", query=query, kinds=kinds, skip=page.offset, limit=page.limit)
    total = (reader.one("count_search_entities", query=query, kinds=kinds) or {"total": 0})["total"]
    hits = [SearchHit(kind=r["kind"], id=r["id"], name=r["name"], aliases=r["aliases"], score=r["score"]) for r in rows]
    known = gazetteer_match(reader, q, kinds)
    if known is not None and page.offset == 0 and all((h.kind, h.id) != (known.kind, known.id) for h in hits):
        # "ONU", "Russia" on a graph written before names were indexed: the gazetteers know them
        found = reader.one("find_entities_by_key", key=known.id) or {}
        hits = [SearchHit(**known.model_dump(), aliases=found.get("aliases") or [], score=0.0), *hits][: page.limit]
        total += 1
    elif known is not None:
        # the entity the text names exactly comes first
        hits.sort(key=lambda h: (h.kind, h.id) != (known.kind, known.id))
    return SearchResults(query=q, total=total, limit=page.limit, offset=page.offset, results=hits)
