"""Reference data: the curated facts about states, organisations and people that the graph is written with.

An `Extraction` says what one article says; reference data says what the project knows for certain (a state's
French and English names, a person's canonical name and the posts they held). The graph is a function of the
extractions *and* of this reference data, passed to the writer explicitly: `ingest/curation.py` builds it from
the gazetteers, and `graph/` only reads these plain values (it never imports the gazetteers).

Where an entity has reference data its values win over what articles say (`curated` rows in
`queries/write/merge_entities.cypher`), its aliases are added for search, and a person's posts become HOLDS edges.
A place's Wikidata id is added where the graph is exported (`graph/rdf/rows.py`): a Place node holds only its name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReferenceState:
    name: str  # usual French short name: "Russie"
    name_en: str
    aliases: tuple[str, ...] = ()  # every other name search should find it by: "Russia", "Fédération de Russie"
    wikidata: str | None = None


@dataclass(frozen=True)
class ReferenceOrganisation:
    name: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()  # the acronym first, so that search finds "ONU"
    wikidata: str | None = None


@dataclass(frozen=True)
class ReferencePost:
    """A post a person held: the title as printed, the state (ISO3) or organisation (id) it represents."""

    title: str
    represents: str
    since: str | None = None  # YYYY[-MM[-DD]]
    until: str | None = None


@dataclass(frozen=True)
class ReferencePerson:
    name: str  # canonical name
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    posts: tuple[ReferencePost, ...] = ()


@dataclass(frozen=True)
class ReferencePlace:
    name: str  # as the gazetteer and the graph spell it: "Bamako"
    wikidata: str | None = None


@dataclass(frozen=True)
class ReferenceData:
    """Curated entities by key (ISO3 for states, id for organisations and people, name for places); empty means
    none."""

    states: Mapping[str, ReferenceState] = field(default_factory=dict)
    organisations: Mapping[str, ReferenceOrganisation] = field(default_factory=dict)
    people: Mapping[str, ReferencePerson] = field(default_factory=dict)
    places: Mapping[str, ReferencePlace] = field(default_factory=dict)
