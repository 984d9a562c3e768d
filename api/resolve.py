"""Resolve what a user typed ("Diop", "Lavrov", "Russie", "MLI", "abdoulaye-diop") to one graph entity.

Order: exact key (person/organisation id, state ISO3); then the full-text index, where a name or alias equal
to the text (ignoring case and accents) wins; several equal candidates -> 409, no candidate -> 404 with
suggestions.
"""

from __future__ import annotations

from collections.abc import Collection

from api.errors import AmbiguousNameError, InvalidParameterError, NotFoundError
from api.reads import GraphReader, Row
from api.schemas.common import EntityKind, EntityRef
from api.text import all_terms_query, fuzzy_query
from core.text import fold

ALL_KINDS: frozenset[EntityKind] = frozenset({"person", "state", "organisation"})
_CANDIDATES = 25


def _ref(row: Row) -> EntityRef:
    return EntityRef(kind=row["kind"], id=row["id"], name=row["name"])


def _names(row: Row) -> set[str]:
    forms = [row["id"], row["name"], row.get("acronym") or "", *(row.get("aliases") or [])]
    return {fold(f) for f in forms if f}


def _search(reader: GraphReader, query: str, kinds: Collection[EntityKind], limit: int) -> list[Row]:
    if not query:
        return []
    rows = reader.rows("search_entities", query=query, kinds=sorted(kinds), skip=0, limit=limit)
    return rows


def resolve_entity(reader: GraphReader, text: str, kinds: Collection[EntityKind] = ALL_KINDS) -> EntityRef:
    """The one entity `text` designates, or an ApiError (404 / 409 / 422) saying why not."""
    text = text.strip()
    if not text:
        raise InvalidParameterError("An entity name or id is required.")
    exact = [r for r in reader.rows("find_entities_by_key", key=text) if r["kind"] in kinds]
    if len(exact) == 1:
        return _ref(exact[0])
    candidates = _search(reader, all_terms_query(text), kinds, _CANDIDATES)
    wanted = fold(text)
    named = [c for c in candidates if wanted in _names(c)]
    chosen = named or candidates
    if len(chosen) == 1:
        return _ref(chosen[0])
    named_kinds = [k for k in ("person", "state", "organisation") if k in kinds]
    kinds_text = " or ".join(named_kinds) if len(named_kinds) < 3 else "person, state or organisation"
    if chosen:
        raise AmbiguousNameError(
            f"'{text}' matches {len(chosen)} entities; ask again with one of their ids or a fuller name.",
            candidates=[_ref(c).model_dump() for c in chosen],
        )
    suggestions = _search(reader, fuzzy_query(text), kinds, 5)
    raise NotFoundError(f"No {kinds_text} matches '{text}'.", suggestions=[_ref(s).model_dump() for s in suggestions])
