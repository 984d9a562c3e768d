"""Typed rows read from the graph for export: one dataclass per exported node kind.

The export queries (`queries/export/*.cypher`) return maps with exactly these fields; tests build rows by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.reference import ReferenceData


@dataclass(frozen=True)
class PostRow:
    """A `(Person)-[:HOLDS]->(State|Organisation)` edge; exactly one of `state`/`organisation` is set."""

    title: str
    state: str | None = None
    organisation: str | None = None
    since: str | None = None
    until: str | None = None
    attested: tuple[str, ...] = ()  # days of the articles that name the post (trust)


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    posts: tuple[PostRow, ...] = ()


@dataclass(frozen=True)
class StateRow:
    iso3: str
    name: str
    name_en: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class OrganisationRow:
    id: str
    name: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class PlaceRow:
    id: str
    name: str
    states: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class SectorRow:
    name: str


@dataclass(frozen=True)
class ArticleRow:
    id: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    text_sha1: str | None = None
    mentions_people: tuple[str, ...] = ()
    mentions_states: tuple[str, ...] = ()
    mentions_organisations: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttendeeRow:
    person: str
    role: str | None = None


@dataclass(frozen=True)
class RepresentationRow:
    state: str
    host: bool = False


@dataclass(frozen=True)
class ReportRow:
    article: str
    evidence: str | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class MeetingRow:
    id: str
    type: str
    date: str | None = None
    date_precision: str | None = None
    summary: str | None = None
    confidence: float | None = None
    attendees: tuple[AttendeeRow, ...] = ()
    states: tuple[RepresentationRow, ...] = ()
    places: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    reports: tuple[ReportRow, ...] = field(default_factory=tuple)


def _strs(value: Any) -> tuple[str, ...]:
    """A list property as a tuple of non-empty strings (None and missing become empty)."""
    if value is None:
        return ()
    return tuple(str(v) for v in value if v is not None and str(v) != "")


def person_from_record(r: Mapping[str, Any]) -> PersonRow:
    posts = tuple(
        PostRow(
            title=p["title"],
            state=p["state"],
            organisation=p["organisation"],
            since=p["since"],
            until=p["until"],
            attested=_strs(p.get("attested") or []),
        )
        for p in r["posts"]
        if p["title"] and (p["state"] is not None or p["organisation"] is not None)
    )
    return PersonRow(id=r["id"], name=r["name"], aliases=_strs(r["aliases"]), wikidata=r["wikidata"], posts=posts)


def state_from_record(r: Mapping[str, Any]) -> StateRow:
    return StateRow(iso3=r["iso3"], name=r["name"], name_en=r["name_en"], wikidata=r["wikidata"])


def organisation_from_record(r: Mapping[str, Any]) -> OrganisationRow:
    return OrganisationRow(
        id=r["id"], name=r["name"], acronym=r["acronym"], aliases=_strs(r["aliases"]), wikidata=r["wikidata"]
    )


def place_from_record(r: Mapping[str, Any], reference: ReferenceData) -> PlaceRow:
    # A Place node holds only its name (DESIGN.md); its Wikidata identity is the reference data's, looked up here.
    entry = reference.places.get(r["name"])
    wikidata = entry.wikidata if entry is not None else None
    return PlaceRow(id=r["id"], name=r["name"], states=_strs(r["states"]), wikidata=wikidata)


def sector_from_record(r: Mapping[str, Any]) -> SectorRow:
    return SectorRow(name=r["name"])


def article_from_record(r: Mapping[str, Any]) -> ArticleRow:
    return ArticleRow(
        id=r["id"],
        url=r["url"],
        title=r["title"],
        outlet=r["outlet"],
        author=r["author"],
        published=r["published"],
        text_sha1=r["text_sha1"],
        mentions_people=_strs(r["mentions_people"]),
        mentions_states=_strs(r["mentions_states"]),
        mentions_organisations=_strs(r["mentions_organisations"]),
    )


def meeting_from_record(r: Mapping[str, Any]) -> MeetingRow:
    return MeetingRow(
        id=r["id"],
        type=r["type"],
        date=r["date"],
        date_precision=r["date_precision"],
        summary=r["summary"],
        confidence=r["confidence"],
        attendees=tuple(AttendeeRow(person=a["person"], role=a["role"]) for a in r["attendees"]),
        states=tuple(RepresentationRow(state=s["state"], host=bool(s["host"])) for s in r["states"]),
        places=_strs(r["places"]),
        sectors=_strs(r["sectors"]),
        organisations=_strs(r["organisations"]),
        reports=tuple(
            ReportRow(article=x["article"], evidence=x["evidence"], confidence=x["confidence"]) for x in r["reports"]
        ),
    )
