"""Curation: the gazetteers' states, organisations and people as the reference data the graph is written with.

This is the one place that decides which gazetteer fields become a graph entity's names, aliases, Wikidata id
and posts (`core/reference.py`). The writer receives the result explicitly (`GraphWriter(driver, database,
load_reference())`), so `graph/` never reads the gazetteers.
"""

from __future__ import annotations

from functools import lru_cache

from core.reference import (
    ReferenceData,
    ReferenceOrganisation,
    ReferencePerson,
    ReferencePlace,
    ReferencePost,
    ReferenceState,
)
from ingest.gazetteer import Gazetteer, OrganisationEntry, PersonEntry, StateEntry, load_gazetteer


def reference_state(entry: StateEntry) -> ReferenceState:
    # indexed for search (full-text index entity_names) and the Browser's saved queries: "Russia",
    # "Fédération de Russie"
    aliases = (entry.name_en, *entry.long_forms, *entry.aliases)
    return ReferenceState(name=entry.name, name_en=entry.name_en, aliases=aliases, wikidata=entry.wikidata)


def reference_organisation(entry: OrganisationEntry) -> ReferenceOrganisation:
    # the acronym too, so the full-text index finds "ONU"
    aliases = (*([entry.acronym] if entry.acronym else []), *entry.aliases)
    return ReferenceOrganisation(name=entry.name, acronym=entry.acronym, aliases=aliases, wikidata=entry.wikidata)


def reference_person(entry: PersonEntry) -> ReferencePerson:
    posts = tuple(ReferencePost(p.title, p.represents, p.since, p.until) for p in entry.posts)
    return ReferencePerson(name=entry.name, aliases=tuple(entry.aliases), wikidata=entry.wikidata, posts=posts)


def reference_data(gazetteer: Gazetteer) -> ReferenceData:
    """The reference data of `gazetteer`."""
    return ReferenceData(
        states={s.iso3: reference_state(s) for s in gazetteer.states},
        organisations={o.id: reference_organisation(o) for o in gazetteer.organisations},
        people={p.id: reference_person(p) for p in gazetteer.people},
        places={p.name: ReferencePlace(name=p.name, wikidata=p.wikidata) for p in gazetteer.places},
    )


@lru_cache(maxsize=1)
def load_reference() -> ReferenceData:
    """The reference data of the shipped gazetteers (built once per process)."""
    return reference_data(load_gazetteer())
