"""Resolve what a user typed to one graph entity: the single resolver of the API, the CLI and the exports.

"Diop", "Lavrov", "Sergei Lavrov", "serguei-lavrov", "Russie", "Russia", "Fédération de Russie", "MLI", "ONU",
"United Nations" all resolve. Order:
1. exact key (person/organisation id, state ISO3);
2. the gazetteers' names (name, English name, long forms, acronym, aliases and the id itself, folded: no case,
   no accents, hyphens as spaces) when they designate one entity present in the graph;
3. the graph's full-text index, where a name, alias or id equal to the text (folded) wins;
several equal candidates -> 409, no candidate -> 404 with suggestions. Never an empty success.

Sectors resolve here too: French name or English label, any case, with or without accents; else 422 listing them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from functools import lru_cache
from importlib import resources

import yaml

from api.errors import AmbiguousNameError, InvalidParameterError, NotFoundError
from api.reads import GraphReader, Row
from api.schemas.common import EntityKind, EntityRef
from api.text import all_terms_query, fuzzy_query
from core.text import fold
from ingest.gazetteer import load_gazetteer

ALL_KINDS: frozenset[EntityKind] = frozenset({"person", "state", "organisation"})
_CANDIDATES = 25
Key = tuple[EntityKind, str]


def _add(index: dict[str, set[Key]], key: Key, forms: Iterable[str | None]) -> None:
    for form in forms:
        if form:
            index[fold(form)].add(key)


@lru_cache(maxsize=1)
def gazetteer_names() -> dict[str, frozenset[Key]]:
    """Folded name -> the (kind, key) of every gazetteer entity known by it."""
    gaz = load_gazetteer()
    index: dict[str, set[Key]] = defaultdict(set)
    for s in gaz.states:
        _add(index, ("state", s.iso3), [s.iso3, s.name, s.name_en, *s.long_forms, *s.aliases])
    for o in gaz.organisations:
        _add(index, ("organisation", o.id), [o.id, o.name, o.acronym, *o.aliases])
    for p in gaz.people:
        _add(index, ("person", p.id), [p.id, p.name, *p.aliases])
    return {name: frozenset(keys) for name, keys in index.items()}


def _ref(row: Row) -> EntityRef:
    return EntityRef(kind=row["kind"], id=row["id"], name=row["name"])


def _names(row: Row) -> set[str]:
    forms = [row["id"], row["name"], row.get("acronym") or "", row.get("name_en") or "", *(row.get("aliases") or [])]
    return {fold(f) for f in forms if f}


def _search(reader: GraphReader, query: str, kinds: Collection[EntityKind], limit: int) -> list[Row]:
    if not query:
        return []
    return reader.rows("search_entities", query=query, kinds=sorted(kinds), skip=0, limit=limit)


def _by_key(reader: GraphReader, key: str, kinds: Collection[EntityKind]) -> list[Row]:
    return [r for r in reader.rows("find_entities_by_key", key=key) if r["kind"] in kinds]


def _from_gazetteer(reader: GraphReader, text: str, kinds: Collection[EntityKind]) -> list[Row]:
    keys = [k for k in gazetteer_names().get(fold(text), frozenset()) if k[0] in kinds]
    rows = [row for kind, key in sorted(keys) for row in _by_key(reader, key, {kind})]
    return rows


def _unique(rows: list[Row]) -> list[Row]:
    seen: dict[tuple[str, str], Row] = {}
    for row in rows:
        seen.setdefault((row["kind"], row["id"]), row)
    return list(seen.values())


def gazetteer_match(reader: GraphReader, text: str, kinds: Collection[EntityKind] = ALL_KINDS) -> EntityRef | None:
    """The one graph entity the gazetteers name `text`, if exactly one (used by /search to rank it first)."""
    rows = _from_gazetteer(reader, text, kinds)
    return _ref(rows[0]) if len(rows) == 1 else None


def resolve_entity(reader: GraphReader, text: str, kinds: Collection[EntityKind] = ALL_KINDS) -> EntityRef:
    """The one entity `text` designates, or an ApiError (404 / 409 / 422) saying why not."""
    text = text.strip()
    if not text:
        raise InvalidParameterError("An entity name or id is required.")
    exact = _by_key(reader, text, kinds)
    if len(exact) == 1:
        return _ref(exact[0])
    # ids typed as names: "serguei-lavrov" searches "serguei lavrov"
    words = text.replace("-", " ")
    candidates = _search(reader, all_terms_query(words), kinds, _CANDIDATES)
    wanted = fold(text)
    named = _unique(_from_gazetteer(reader, text, kinds) + [c for c in candidates if wanted in _names(c)])
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
    suggestions = _search(reader, fuzzy_query(words), kinds, 5)
    raise NotFoundError(
        f"No {kinds_text} matches '{text}'; see GET /search?q=<words> for names the graph knows.",
        suggestions=[_ref(s).model_dump() for s in suggestions],
    )


def entity_row(reader: GraphReader, query_name: str, text: str, kind: EntityKind) -> Row:
    """The row `queries/<query_name>.cypher` gives for the entity with id `text`, or for the one entity of `kind`
    that `text` names (`resolve_entity`'s 404 / 409 / 422 when none or several)."""
    row = reader.one(query_name, id=text)
    if row is None:
        row = reader.one(query_name, id=resolve_entity(reader, text, kinds={kind}).id)
    if row is None:
        raise NotFoundError(f"No {kind} with id '{text}'; find ids with GET /search?q=<name>.")
    return row


@lru_cache(maxsize=1)
def sector_labels() -> dict[str, str]:
    """French sector name (as stored in the graph) -> English label."""
    text = resources.files("api").joinpath("data/sector_labels.yaml").read_text(encoding="utf-8")
    labels: dict[str, str] = yaml.safe_load(text)
    return labels


def sector_names() -> list[str]:
    """Every sector name the API documents: French names and English labels (any case or accents also resolve)."""
    return sorted({*sector_labels(), *sector_labels().values()})


def resolve_sector(text: str | None) -> str | None:
    """The vocabulary's sector for a French name or English label (any case or accents), None for None, else 422."""
    if text is None:
        return None
    wanted = fold(text)
    for name, label in sector_labels().items():
        if wanted in (fold(name), fold(label)):
            return name
    valid = ", ".join(f"{name} ({label})" for name, label in sector_labels().items())
    raise InvalidParameterError(f"Unknown sector '{text}'; use one of: {valid}.", valid=list(sector_labels()))
