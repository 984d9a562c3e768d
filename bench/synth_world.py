"""The synthetic world: the project's gazetteers indexed for fast random draws of actors, states and places.

Everything comes from `ingest.gazetteer` at run time; only envoys the gazetteers do not know are invented
(from `bench.synth_names`), and each invented envoy is stable for a state and year across the whole corpus.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass

from bench.synth_french import CountryForms, country_forms
from bench.synth_names import ENVOY_NAMES
from ingest.gazetteer import Gazetteer, OrganisationEntry, PersonEntry, Post, StateEntry

MALI = "MLI"
_FEMININE_GIVEN = {
    "Sophie",
    "Claire",
    "Katrin",
    "Julia",
    "Sarah",
    "Emily",
    "Aïssatou",
    "Aya",
    "Fatoumata",
    "Aminata",
    "Mariam",
    "Awa",
    "Kadiatou",
    "Djénéba",
    "Assétou",
    "Oumou",
    "Yassine",
    "Clara",
    "Naledi",
    "Maria",
    "Anna",
}


class WorldError(ValueError):
    """The gazetteers lack something the generator cannot do without (e.g. any Malian office holder)."""


@dataclass(frozen=True)
class Actor:
    """A person holding a post on the day of the story."""

    id: str
    name: str
    title: str
    kind: str
    represents: str  # ISO3 of a state or id of an organisation
    nationality: str | None
    wikidata: str | None = None
    feminine: bool = False
    invented: bool = False

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def slug(name: str) -> str:
    """Id of an invented person, in the gazetteer's style: lowercase words joined by '-', accents kept."""
    return "-".join(name.lower().replace("'", " ").split())


def _valid(post: Post, day: str) -> bool:
    if post.since is not None and day[: len(post.since)] < post.since:
        return False
    return post.until is None or day[: len(post.until)] <= post.until


def _actor(person: PersonEntry, post: Post) -> Actor:
    given = person.name.split()[0]
    return Actor(
        id=person.id,
        name=person.name,
        title=post.title,
        kind=post.kind,
        represents=post.represents,
        nationality=person.nationality,
        wikidata=person.wikidata,
        feminine=given in _FEMININE_GIVEN,
    )


class World:
    """Gazetteer lookups the generator needs, built once per corpus."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        states = gazetteer.state_by_iso3
        if MALI not in states:
            raise WorldError("the states gazetteer has no entry for MLI; add Mali to ingest/data/states.yaml")
        self.mali: StateEntry = states[MALI]
        self.states = states
        self.foreign: list[StateEntry] = [s for s in gazetteer.states if s.iso3 != MALI]
        if not self.foreign:
            raise WorldError("the states gazetteer holds only Mali; foreign relations need at least one other state")
        self.forms: dict[str, CountryForms] = {s.iso3: country_forms(s.name) for s in gazetteer.states}
        self.orgs: dict[str, OrganisationEntry] = gazetteer.organisation_by_id
        self.sectors: list[str] = sorted(gazetteer.sectors)
        self.posts: dict[tuple[str, str], list[tuple[PersonEntry, Post]]] = {}
        self.posts_of: dict[str, list[tuple[PersonEntry, Post]]] = {}
        for person in gazetteer.people:
            for post in person.posts:
                self.posts.setdefault((post.kind, post.represents), []).append((person, post))
                self.posts_of.setdefault(post.represents, []).append((person, post))
        if not self.posts_of.get(MALI):
            raise WorldError("the people gazetteer has no Malian office holder; add one to ingest/data/people.yaml")
        self.places: dict[str, list[tuple[str, list[str]]]] = {}
        for place in gazetteer.places:
            self.places.setdefault(place.state, []).append((place.name, list(place.aliases)))
        self.org_people = [(p, q) for p in gazetteer.people for q in p.posts if q.represents in self.orgs]
        # states Mali deals with most are those the gazetteer knows people of: draw them more often
        weights = [1 + 10 * len(self.posts_of.get(s.iso3, [])) for s in self.foreign]
        self.foreign_cum = list(itertools.accumulate(weights))
        self._with_holders: dict[tuple[tuple[str, ...], str], list[str]] = {}
        self._holders: dict[tuple[str, str, str], list[tuple[PersonEntry, Post]]] = {}
        self.new_york = next(((p.name, p.state) for p in gazetteer.places if p.name == "New York"), None)

    def holder(self, rng: random.Random, kinds: tuple[str, ...], represents: str, day: dt.date) -> Actor | None:
        """A person holding one of `kinds` (in order of preference) for `represents` in the month of `day`."""
        month = day.isoformat()[:7]
        for kind in kinds:
            key = (kind, represents, month)
            found = self._holders.get(key)
            if found is None:
                posts = self.posts.get((kind, represents), ())
                found = self._holders[key] = [(p, post) for p, post in posts if _valid(post, month)]
            if found:
                return _actor(*rng.choice(found))
        return None

    def foreign_state(self, rng: random.Random) -> str:
        """A foreign state, weighted towards those the gazetteer knows office holders of."""
        return rng.choices(self.foreign, cum_weights=self.foreign_cum)[0].iso3

    def state_with(self, rng: random.Random, kinds: tuple[str, ...], day: dt.date) -> str | None:
        """A foreign state that has a holder of one of `kinds` in the month of `day`, if any."""
        key = (kinds, day.isoformat()[:7])
        found = self._with_holders.get(key)
        if found is None:
            month = key[1]
            found = sorted(
                {
                    post.represents
                    for kind in kinds
                    for (k, rep), posts in self.posts.items()
                    if k == kind and rep != MALI and rep in self.states
                    for _, post in posts
                    if _valid(post, month)
                }
            )
            self._with_holders[key] = found
        return rng.choice(found) if found else None

    def org_holder(self, rng: random.Random, day: dt.date) -> Actor | None:
        """Someone holding a post in an international organisation on `day`."""
        iso = day.isoformat()
        found = [(p, post) for p, post in self.org_people if _valid(post, iso)]
        return _actor(*rng.choice(found)) if found else None

    def malian(self, rng: random.Random, kinds: tuple[str, ...], day: dt.date) -> Actor:
        """A Malian office holder: one of `kinds` if possible, else anyone in office that day, else anyone."""
        found = self.holder(rng, tuple(rng.sample(kinds, len(kinds))), MALI, day)
        if found is not None:
            return found
        iso = day.isoformat()
        posts = self.posts_of[MALI]
        current = [(p, post) for p, post in posts if _valid(post, iso)]
        person, post = rng.choice(current or posts)
        return _actor(person, post)

    def envoy(self, rng: random.Random, iso3: str, day: dt.date) -> Actor | None:
        """The ambassador of `iso3` in Mali: from the gazetteer, else invented (stable per state and year)."""
        known = self.holder(rng, ("ambassador",), iso3, day)
        if known is not None:
            return known
        pool = ENVOY_NAMES.get(iso3)
        if pool is None:
            return None
        stable = random.Random(f"envoy:{iso3}:{day.year}")
        name = f"{stable.choice(pool[0])} {stable.choice(pool[1])}"
        feminine = name.split()[0] in _FEMININE_GIVEN
        word = "ambassadrice" if feminine else "ambassadeur"
        title = f"{word} {self.forms[iso3].of_short} au Mali"
        return Actor(slug(name), name, title, "ambassador", iso3, iso3, feminine=feminine, invented=True)

    def city(self, rng: random.Random, iso3: str, landmarks: bool = False) -> tuple[str, str] | None:
        """(printed form, canonical city) of a place in `iso3`: the capital first; with `landmarks`, sometimes a
        palace or another spelling that stands for it ("Koulouba" for Bamako)."""
        places = self.places.get(iso3)
        capitals = self.states[iso3].capitals if iso3 in self.states else []
        if places:
            preferred = [p for p in places if p[0] in capitals] or places
            name, aliases = rng.choice(preferred)
            if landmarks and aliases and rng.random() < 0.3:
                return rng.choice(aliases), name
            return name, name
        if capitals:
            return capitals[0], capitals[0]
        return None
