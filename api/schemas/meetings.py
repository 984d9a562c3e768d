"""Meetings (contacts) with their place, participants, states, sectors and sources."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from api.schemas.common import EntityRef, Out


class Participant(Out):
    id: str = Field(examples=["sergueï-lavrov"])
    name: str = Field(examples=["Sergueï Lavrov"])
    role: str | None = Field(default=None, examples=["ministre des Affaires étrangères"])


class StateTakingPart(Out):
    iso3: str = Field(examples=["RUS"])
    name: str = Field(examples=["Russie"])
    host: bool = Field(default=False, description="True when the text says this side received the other.")


class Place(Out):
    id: str = Field(examples=["moscou"])
    name: str = Field(examples=["Moscou"])
    state: str | None = Field(default=None, description="ISO3 of the state the place lies in.", examples=["RUS"])


class Source(Out):
    article_id: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = Field(default=None, examples=["L'Essor"])
    author: str | None = Field(
        default=None, description="The article's author line, when the page or input gave one.", examples=["A. Traoré"]
    )
    published: str | None = Field(default=None, examples=["2024-02-29"])
    evidence: str | None = Field(default=None, description="The sentence of the article that states the meeting.")
    confidence: float | None = Field(default=None, examples=[0.9])


class Correction(Out):
    """A researcher's judgement that changed this meeting: who, when, why (the full judgement: GET /judgements)."""

    id: str = Field(examples=["j-3f2a9c1d0b7e4a55"])
    kind: str = Field(examples=["set_date"], description="set_type, set_date, set_place, set_host, merge_meetings, ...")
    author: str = Field(examples=["A. Traoré"])
    created_at: str = Field(examples=["2026-03-02T10:15:00+00:00"])
    reason: str = Field(examples=["The communiqué dates the talks to 28 February, not 29."])


class MeetingRecord(Out):
    """One real-world contact, with every report of it."""

    id: str
    type: str = Field(examples=["bilateral_meeting"])
    date: str | None = Field(default=None, examples=["2024-02-28"])
    date_precision: str | None = Field(default=None, examples=["day"])
    summary: str | None = None
    confidence: float | None = None
    place: Place | None = None
    participants: list[Participant]
    states: list[StateTakingPart]
    sectors: list[str] = Field(examples=[["défense", "sécurité"]])
    organisations: list[EntityRef]
    sources: list[Source]
    corrections: list[Correction] = Field(
        default=[],
        description="Judgements by which researchers corrected this meeting, oldest first; the facts above are the "
        "corrected ones, and GET /meetings/{id}/provenance shows the extracted values they replaced.",
    )
    corrected: bool = Field(default=False, description="True when a researcher's judgement changed this meeting.")

    @model_validator(mode="after")
    def _corrected(self) -> Self:
        self.corrected = bool(self.corrections)
        return self


class Contacts(Out):
    """Every contact between `a` and `b`, a page in date order (meetings without a date last)."""

    a: EntityRef
    b: EntityRef
    total: int = Field(description="Meetings matching, all pages together.")
    limit: int
    offset: int
    meetings: list[MeetingRecord]


class Timeline(Out):
    """An entity's meetings, a page in date order (meetings without a date last)."""

    entity: EntityRef
    total: int = Field(description="Meetings matching, all pages together.")
    limit: int
    offset: int
    meetings: list[MeetingRecord]


class MeetingList(Out):
    """Meetings matching the filters of GET /meetings, a page in date order (meetings without a date last)."""

    total: int = Field(description="Meetings matching, all pages together.")
    limit: int
    offset: int
    meetings: list[MeetingRecord]
