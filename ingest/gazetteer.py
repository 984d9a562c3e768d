"""Gazetteers shipped as YAML under `ingest/data/`: states, organisations, office holders, places, sectors.

Loaded once per process by `load_gazetteer()`; a malformed file fails loudly at load time.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

DATA_DIR = Path(__file__).resolve().parent / "data"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StateEntry(_Entry):
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    name: str  # usual French short name: "Russie"
    name_en: str
    long_forms: list[str] = []  # "Fédération de Russie"
    demonyms: list[str] = []  # every inflection: "russe", "russes"
    capitals: list[str] = []  # used as metonyms: "Moscou"
    aliases: list[str] = []  # other spellings, English names, abbreviations
    # Forms above that are also ordinary French words or given names ("Grenade", "Maurice", "AU", "UN"):
    # match them only with exactly this case, and preferably with context.
    case_sensitive: list[str] = []
    wikidata: str | None = None


class OrganisationEntry(_Entry):
    id: str  # slug, usually the lowercased French acronym: "onu"
    name: str
    acronym: str | None = None
    aliases: list[str] = []
    parent: str | None = None  # id of the parent organisation (organs of the UN -> "onu")
    seat: str | None = None  # the city where the body sits (a gazetteer place): UN General Assembly -> "New York"
    # Forms above that are also ordinary French words or given names ("Grenade", "Maurice", "AU", "UN"):
    # match them only with exactly this case, and preferably with context.
    case_sensitive: list[str] = []
    wikidata: str | None = None


class Post(_Entry):
    title: str  # as usually printed: "ministre des Affaires étrangères et de la Coopération internationale"
    kind: str  # head_of_state, head_of_government, foreign_minister, defence_minister, minister, ambassador, ...
    represents: str  # ISO3 of a state or id of an organisation
    since: str | None = None  # YYYY[-MM[-DD]]
    until: str | None = None


class PersonEntry(_Entry):
    id: str  # slug of the canonical name: "sergueï-lavrov"
    name: str
    aliases: list[str] = []  # transliterations, maiden names, usual short forms
    nationality: str | None = None
    wikidata: str | None = None
    posts: list[Post] = []

    def posts_at(self, date: str | None) -> list[Post]:
        """The posts held on a (possibly partial) ISO date; every post when the date is unknown."""
        return [p for p in self.posts if date is None or _within(date, p.since, p.until)]


class PlaceEntry(_Entry):
    name: str  # canonical city name: "New York"
    aliases: list[str] = []  # "New-York", palaces and landmarks that stand for the city: "Koulouba"
    state: str  # ISO3
    # Forms above that are also ordinary French words or given names ("Grenade", "Maurice", "AU", "UN"):
    # match them only with exactly this case, and preferably with context.
    case_sensitive: list[str] = []
    wikidata: str | None = None  # only with its evidence in data/wikidata_sources.yaml


class Gazetteer(BaseModel):
    """All gazetteers, with lookup tables built on first use."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    states: list[StateEntry]
    organisations: list[OrganisationEntry]
    people: list[PersonEntry]
    places: list[PlaceEntry]
    sectors: dict[str, list[str]]  # sector name -> French cue words or phrases

    @cached_property
    def state_by_iso3(self) -> dict[str, StateEntry]:
        return {s.iso3: s for s in self.states}

    @cached_property
    def organisation_by_id(self) -> dict[str, OrganisationEntry]:
        return {o.id: o for o in self.organisations}

    @cached_property
    def person_by_id(self) -> dict[str, PersonEntry]:
        return {p.id: p for p in self.people}

    @cached_property
    def place_by_name(self) -> dict[str, PlaceEntry]:
        return {p.name: p for p in self.places}

    def holders(self, kind: str, represents: str, date: str | None) -> list[PersonEntry]:
        """People who held a post of `kind` for `represents` on `date` (any date when None)."""
        found = []
        for person in self.people:
            for post in person.posts:
                if post.kind != kind or post.represents != represents:
                    continue
                if date is None or _within(date, post.since, post.until):
                    found.append(person)
                    break
        return found


def _within(date: str, since: str | None, until: str | None) -> bool:
    """Whether a (possibly partial) ISO date falls within [since, until]; partial dates compare by prefix."""
    if since is not None and date < since[: len(date)]:
        return False
    return until is None or date[: len(until)] <= until


def _read(name: str) -> Any:
    path = DATA_DIR / name
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read and validate every gazetteer file."""
    return Gazetteer(
        states=_read("states.yaml"),
        organisations=_read("organisations.yaml"),
        people=_read("people.yaml"),
        places=_read("places.yaml"),
        sectors=_read("sectors.yaml"),
    )
