"""Typed models of the extraction contract (../shared/spec/extraction-format.md).

`Extraction` is the seam between `ingest/` (which produces it) and `graph/` (writer, RDF export), which
consume it. spaCy objects never cross this boundary. Fields may be added; none may be renamed or dropped.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from core.date_pattern import PUBLISHED_PATTERN

MeetingType = Literal[
    "bilateral_meeting", "audience", "phone_call", "visit", "multilateral", "joint_commission", "other"
]
DatePrecision = Literal["day", "month", "year"]
# Why a contact sentence gave no meeting (ingest/unread.py): one side of the contact could not be identified, or an
# earlier contact is told without a date.
UnreadReason = Literal["one_side_named", "undated_earlier_contact"]
# What `ingest.readers.check_document` accepts as a url: an http(s) address with a host (not javascript:, data: ...).
WEB_URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+"
# Longest author line kept: like the outlet's bound, far below Neo4j's property and index limits.
AUTHOR_MAX_CHARS = 500


def _documented(**constraints: Any) -> Any:
    """A `json_schema_extra` putting `constraints` on the string branch of an optional field's JSON Schema: rules
    that `ingest.readers.check_document` applies with its own message, stated for OpenAPI clients and generators."""

    def extend(schema: dict[str, Any]) -> None:
        for branch in schema.get("anyOf", [schema]):
            if branch.get("type") == "string":
                branch.update(constraints)

    return extend


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Document(_Model):
    """One input article, as a line of the `--jsonl` input."""

    model_config = ConfigDict(extra="ignore")

    # Bounds keep every value below Neo4j's index key limit (8 KB), so a long one is refused up front.
    id: str = Field(min_length=1, max_length=1000)
    text: str
    url: str | None = Field(
        default=None,
        max_length=2048,
        description="http(s) URL of the article",
        json_schema_extra=_documented(pattern=WEB_URL_PATTERN),
    )
    published: str | None = Field(
        default=None,
        max_length=10,
        description="YYYY-MM-DD, a real day from 1900 to tomorrow, when the crawler knows it",
        json_schema_extra=_documented(pattern=PUBLISHED_PATTERN),
    )
    title: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=500)
    author: str | None = Field(
        default=None, max_length=AUTHOR_MAX_CHARS, description="the author line ('Aminata Traoré'), when known"
    )


class Role(_Model):
    """A title a person held, and the state (ISO3) or organisation (id) it represents."""

    title: str
    represents: str | None = None
    since: str | None = None
    until: str | None = None


class Person(_Model):
    id: str
    name: str
    aliases: list[str] = []
    roles: list[Role] = []
    nationality: str | None = None
    wikidata: str | None = None


class StateRef(_Model):
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    name_en: str | None = None
    wikidata: str | None = None


class OrganisationRef(_Model):
    id: str
    name: str
    acronym: str | None = None
    aliases: list[str] = []
    wikidata: str | None = None


class Meeting(_Model):
    id: str
    type: MeetingType
    date: str | None = None
    date_precision: DatePrecision | None = None
    place: str | None = None
    place_state: str | None = Field(default=None, description="ISO3 of the state the place lies in")
    participants: list[str] = []
    roles: dict[str, str] = Field(default_factory=dict, description="person id -> title held at the meeting")
    states: list[str] = []
    hosts: list[str] = []
    organisations: list[str] = []
    topics: list[str] = []
    evidence: str
    confidence: float = Field(ge=0.0, le=1.0)
    evidence_start: int | None = Field(default=None, ge=0, description="offset of the evidence in Extraction.text")
    evidence_end: int | None = Field(default=None, ge=0, description="end offset (exclusive) in Extraction.text")
    evidence_quote: str | None = Field(
        default=None, description="Extraction.text[evidence_start:evidence_end]: the article's exact words"
    )


class UnreadContact(_Model):
    """A sentence that tells a contact the rules could not complete: a possible meeting the graph lacks
    (ingest/unread.py), listed for researchers by GET /unread."""

    type: MeetingType = Field(description="the type of its contact cue")
    reason: UnreadReason
    participants: list[str] = Field(default=[], description="ids of the people it names (one side)")
    states: list[str] = Field(default=[], description="the states it names (one side)")
    evidence: str
    evidence_start: int | None = Field(default=None, ge=0, description="offset of the evidence in Extraction.text")
    evidence_end: int | None = Field(default=None, ge=0, description="end offset (exclusive) in Extraction.text")
    evidence_quote: str | None = Field(
        default=None, description="Extraction.text[evidence_start:evidence_end]: the article's exact words"
    )


class Extraction(_Model):
    """Everything extracted from one document."""

    id: str
    url: str | None = None
    title: str | None = None
    title_from_text: bool = Field(
        default=False, description="the title is the text's first paragraph, not the document's own title"
    )
    outlet: str | None = None
    author: str | None = Field(default=None, description="the article's author line (optional, added to the contract)")
    published: str | None = None
    text_sha1: str | None = Field(default=None, description="hash of the cleaned article text (repost detection)")
    people: list[Person] = []
    states: list[StateRef] = []
    organisations: list[OrganisationRef] = []
    meetings: list[Meeting] = []
    unread: list[UnreadContact] = Field(
        default=[], description="contact sentences that gave no meeting (optional, added to the contract)"
    )
    text: str | None = Field(default=None, description="the cleaned article text evidence offsets point into")


# Optional fields added to the contract after its first version: left out of an output line when unknown or empty,
# so that a line without them reads exactly as before (and an older reader with extra="forbid" still accepts it).
_LATER_OPTIONAL = ("author", "unread")


def contract_json(extraction: Extraction) -> str:
    """`extraction` as one line of `malikg extract`'s output (../shared/spec/extraction-format.md)."""
    unknown = {name for name in _LATER_OPTIONAL if not getattr(extraction, name)}
    return extraction.model_dump_json(exclude=unknown or None)


class Failure(_Model):
    """A document that could not be read or extracted: where it came from and why, in one line."""

    source: str
    reason: str
