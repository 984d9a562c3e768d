"""People, states and organisations: the entity, its roles over time, its meeting counts."""

from __future__ import annotations

from pydantic import Field

from api.schemas.common import EntityRef, Out


class PostHeld(Out):
    """A post a person held (HOLDS), for a state or an organisation."""

    person: EntityRef
    of: EntityRef
    title: str = Field(examples=["ministre des Affaires étrangères et de la Coopération internationale"])
    since: str | None = None
    until: str | None = None
    attested: list[str] = Field(default=[], description="days (YYYY-MM-DD) of the articles that name this post")


class TypeCount(Out):
    type: str = Field(examples=["bilateral_meeting"])
    meetings: int = Field(examples=[3])


class MeetingCounts(Out):
    total: int
    first: str | None = Field(default=None, description="Date of the earliest dated meeting.")
    last: str | None = Field(default=None, description="Date of the latest dated meeting.")
    by_type: list[TypeCount]


class PersonOut(Out):
    id: str = Field(examples=["abdoulaye-diop"])
    name: str = Field(examples=["Abdoulaye Diop"])
    aliases: list[str] = []
    wikidata: str | None = None
    roles: list[PostHeld]
    meetings: MeetingCounts


class StateOut(Out):
    iso3: str = Field(examples=["RUS"])
    name: str = Field(examples=["Russie"])
    name_en: str | None = Field(default=None, examples=["Russia"])
    wikidata: str | None = None
    roles: list[PostHeld] = Field(description="People who held posts for this state.")
    meetings: MeetingCounts


class OrganisationOut(Out):
    id: str = Field(examples=["onu"])
    name: str = Field(examples=["Organisation des Nations unies"])
    acronym: str | None = Field(default=None, examples=["ONU"])
    aliases: list[str] = []
    wikidata: str | None = None
    roles: list[PostHeld] = Field(description="People who held posts in this organisation.")
    meetings: MeetingCounts = Field(description="Meetings held in the frame of this organisation.")


class SearchHit(EntityRef):
    aliases: list[str] = []
    score: float


class SearchResults(Out):
    query: str
    total: int = Field(description="Entities matching, all pages together.")
    limit: int
    offset: int
    results: list[SearchHit]
