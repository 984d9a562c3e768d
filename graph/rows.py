"""Turn `Extraction`s into the parameter rows of the writer's Cypher statements (`queries/write/*.cypher`).

Pure functions, no database: every value the statements write is decided here or in `meeting_identity`, from the
extraction and the reference data it is given (`core/reference.py`, built from the gazetteers by
`ingest/curation.py`), never from anything else. Rows are sorted by key so that concurrent writers take locks in the
same order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.dates import PRECISION_RANK, PartialDate, day_span
from core.reference import ReferenceData
from core.text import slug
from graph.errors import GraphError
from graph.meeting_identity import (
    article_id,
    article_locks,
    evidence_fingerprint,
    meeting_key,
    meeting_lock,
    meeting_precision,
)
from graph.sources import source_fields
from ingest.models import Extraction, Meeting, UnreadContact

Row = dict[str, Any]
MENTION_KINDS = ("Person", "State", "Organisation")
_ISO3 = re.compile(r"^[A-Z]{3}$")


class InvalidExtractionError(GraphError, ValueError):
    """An extraction that contradicts itself (e.g. a meeting naming a participant missing from `people`)."""


@dataclass
class BatchRows:
    """Everything one write transaction sends, statement by statement."""

    locks: list[str] = field(default_factory=list)
    articles: list[Row] = field(default_factory=list)
    states: list[Row] = field(default_factory=list)
    organisations: list[Row] = field(default_factory=list)
    people: list[Row] = field(default_factory=list)
    mentions: dict[str, list[Row]] = field(default_factory=lambda: {kind: [] for kind in MENTION_KINDS})
    holds_state: list[Row] = field(default_factory=list)
    holds_organisation: list[Row] = field(default_factory=list)
    meetings: list[Row] = field(default_factory=list)
    unread: list[Row] = field(default_factory=list)  # per article, its unread contacts (all of them, maybe none)


def normalise_title(title: str) -> str:
    """A title as a HOLDS key: single spaces, first letter lowercase ('Ministre des ...' -> 'ministre des ...')."""
    title = " ".join(title.split())
    return title[:1].lower() + title[1:]


def check(extraction: Extraction) -> None:
    """Raise InvalidExtractionError when a meeting refers to a person the extraction does not list."""
    known = {p.id for p in extraction.people}
    for meeting in extraction.meetings:
        missing = sorted(set(meeting.participants) - known)
        if missing:
            raise InvalidExtractionError(f"meeting {meeting.id} names participants missing from people: {missing}")
        bad = sorted(s for s in [*meeting.states, *meeting.hosts] if not _ISO3.match(s))
        if bad:
            raise InvalidExtractionError(f"meeting {meeting.id} has states that are not ISO3 codes: {bad}")
        if meeting.date is not None:
            try:
                PartialDate.parse(meeting.date)
            except ValueError as exc:
                raise InvalidExtractionError(f"meeting {meeting.id}: {exc}") from None


class _Collector:
    """Accumulates rows for a batch, de-duplicating entity rows by key (first writer wins in the batch)."""

    def __init__(self, reference: ReferenceData, ingested_at: datetime) -> None:
        self.reference = reference
        self.ingested_at = ingested_at
        self.rows = BatchRows()
        self._states: dict[str, Row] = {}
        self._orgs: dict[str, Row] = {}
        self._people: dict[str, Row] = {}
        self._locks: set[str] = set()
        self._mentions: set[tuple[str, str, str]] = set()
        self._holds: set[tuple[str, str, str]] = set()

    def state(
        self, iso3: str, name: str | None = None, name_en: str | None = None, wikidata: str | None = None
    ) -> None:
        entry = self.reference.states.get(iso3)
        row = self._states.get(iso3)
        if row is None:
            row = self._states[iso3] = {
                "iso3": iso3,
                "name": None,
                "name_en": None,
                "aliases": [],
                "wikidata": None,
                "curated": entry is not None,
            }
        if entry is not None:
            row.update(name=entry.name, name_en=entry.name_en, wikidata=entry.wikidata or row["wikidata"] or wikidata)
            row["aliases"] = _union(row["aliases"], entry.aliases)
        else:
            row["name"] = row["name"] or name
            row["name_en"] = row["name_en"] or name_en
            row["wikidata"] = row["wikidata"] or wikidata

    def organisation(
        self,
        org_id: str,
        name: str | None = None,
        acronym: str | None = None,
        aliases: Sequence[str] = (),
        wikidata: str | None = None,
    ) -> None:
        entry = self.reference.organisations.get(org_id)
        row = self._orgs.get(org_id)
        if row is None:
            row = self._orgs[org_id] = {
                "id": org_id,
                "name": None,
                "acronym": None,
                "aliases": [],
                "wikidata": None,
                "curated": entry is not None,
            }
        if entry is not None:
            row.update(name=entry.name, acronym=entry.acronym, wikidata=entry.wikidata or wikidata)
            aliases = [*entry.aliases, *aliases]
        else:
            row["name"] = row["name"] or name
            row["acronym"] = row["acronym"] or acronym
            row["wikidata"] = row["wikidata"] or wikidata
        row["aliases"] = _union(row["aliases"], aliases)

    def represents(self, key: str) -> str:
        """Make sure the target of a role exists; return the label kind ('State' or 'Organisation')."""
        if _ISO3.match(key):
            self.state(key)
            return "State"
        self.organisation(key)
        return "Organisation"

    def holds(self, person_id: str, represents: str, title: str, since: str | None, until: str | None) -> None:
        kind = self.represents(represents)
        normalised = normalise_title(title)
        if not normalised or (person_id, represents, normalised) in self._holds:
            return
        self._holds.add((person_id, represents, normalised))
        row = {"person": person_id, "target": represents, "title": normalised, "since": since, "until": until}
        (self.rows.holds_state if kind == "State" else self.rows.holds_organisation).append(row)

    def mention(self, article: str, kind: str, key: str) -> None:
        if (article, kind, key) not in self._mentions:
            self._mentions.add((article, kind, key))
            self.rows.mentions[kind].append({"article": article, "key": key})

    def add(self, extraction: Extraction) -> None:
        check(extraction)
        art = article_id(extraction)
        self._locks.update(article_locks(extraction))
        self.rows.articles.append(
            {
                "id": art,
                "url": extraction.url,
                "title": extraction.title,
                "title_from_text": extraction.title_from_text,
                "outlet": extraction.outlet,
                "author": extraction.author,
                "published": extraction.published,
                "text_sha1": extraction.text_sha1,
                "fingerprint": evidence_fingerprint(extraction),
                "ingested_at": self.ingested_at.isoformat(),  # ISO text: packs far faster than a datetime
                **source_fields(extraction),  # graph/sources.py: document id, kept text (trust)
            }
        )
        for state in extraction.states:
            self.state(state.iso3, state.name, state.name_en, state.wikidata)
            self.mention(art, "State", state.iso3)
        for org in extraction.organisations:
            self.organisation(org.id, org.name, org.acronym, org.aliases, org.wikidata)
            self.mention(art, "Organisation", org.id)
        for person in extraction.people:
            self._person(art, person.id, person.name, person.aliases, person.wikidata)
            for role in person.roles:
                if role.represents is not None:
                    self.holds(person.id, role.represents, role.title, role.since, role.until)
        for index, meeting in enumerate(extraction.meetings):
            self._locks.add(meeting_lock(meeting))
            self.rows.meetings.append(self._meeting_row(art, index, extraction, meeting))
        self.rows.unread.append({"article": art, "contacts": [_unread_row(u) for u in extraction.unread]})

    def _person(self, art: str, person_id: str, name: str, aliases: Sequence[str], wikidata: str | None) -> None:
        entry = self.reference.people.get(person_id)
        row = self._people.get(person_id)
        if row is None:
            row = self._people[person_id] = {
                "id": person_id,
                "name": entry.name if entry else name,
                "aliases": [],
                "wikidata": None,
                "curated": entry is not None,
            }
            if entry is not None:
                for post in entry.posts:
                    self.holds(person_id, post.represents, post.title, post.since, post.until)
        row["aliases"] = _union(row["aliases"], [*(entry.aliases if entry else []), *aliases])
        row["wikidata"] = row["wikidata"] or (entry.wikidata if entry else None) or wikidata
        self.mention(art, "Person", person_id)

    def _meeting_row(self, art: str, index: int, extraction: Extraction, meeting: Meeting) -> Row:
        people = {p.id: p for p in extraction.people}
        states = sorted(set(meeting.states) | set(meeting.hosts))
        for iso3 in states:
            self.state(iso3)
        for org in meeting.organisations:
            self.organisation(org)
        place = None
        if meeting.place:
            place = {"id": slug(meeting.place), "name": meeting.place, "state": meeting.place_state}
            if meeting.place_state:
                self.state(meeting.place_state)
        precision = meeting_precision(meeting)
        start_day, end_day = day_span(meeting.date)
        attendees = []
        for pid in sorted(set(meeting.participants)):
            role = meeting.roles.get(pid)
            if role is None and people[pid].roles:
                role = people[pid].roles[0].title
            attendees.append({"person": pid, "role": role})
        return {
            "article": art,
            "index": index,
            "key": meeting_key(meeting),
            "type": meeting.type,
            "date": meeting.date,
            "precision": precision,
            "rank": PRECISION_RANK.get(precision or "", 0),
            "start_day": start_day,
            "end_day": end_day,
            "summary": meeting.evidence,
            "confidence": meeting.confidence,
            "evidence": meeting.evidence,
            "participants": [a["person"] for a in attendees],
            "attendees": attendees,
            "states": states,
            "hosts": sorted(set(meeting.hosts)),
            "place": place,
            "organisations": sorted(set(meeting.organisations)),
            "topics": sorted(set(meeting.topics)),
        }

    def finish(self) -> BatchRows:
        rows = self.rows
        rows.locks = sorted(self._locks)
        rows.states = sorted(self._states.values(), key=lambda r: r["iso3"])
        for state in rows.states:
            state["name"] = state["name"] or state["iso3"]
        rows.organisations = sorted(self._orgs.values(), key=lambda r: r["id"])
        for org in rows.organisations:
            org["name"] = org["name"] or org["id"]
        rows.people = sorted(self._people.values(), key=lambda r: r["id"])
        return rows


def _union(first: Sequence[str], second: Sequence[str]) -> list[str]:
    """Items of both lists, each once, in first-seen order."""
    return list(dict.fromkeys([*first, *second]))


def build_rows(extractions: Sequence[Extraction], reference: ReferenceData, ingested_at: datetime) -> BatchRows:
    """The rows of one write transaction for `extractions` (raises InvalidExtractionError on a bad one)."""
    collector = _Collector(reference, ingested_at)
    for extraction in extractions:
        collector.add(extraction)
    return collector.finish()


def _unread_row(contact: UnreadContact) -> Row:
    return {
        "type": contact.type,
        "reason": contact.reason,
        "evidence": contact.evidence_quote or contact.evidence,
        "start": contact.evidence_start,
        "end": contact.evidence_end,
        "states": sorted(set(contact.states)),
        "people": sorted(set(contact.participants)),
    }
