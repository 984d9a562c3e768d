"""Aggregates over the graph: partners, network, statistics."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from api.schemas.common import EntityRef, Out


class SectorCount(Out):
    sector: str = Field(examples=["défense"])
    meetings: int


class Partner(Out):
    iso3: str = Field(examples=["RUS"])
    name: str = Field(examples=["Russie"])
    meetings: int = Field(examples=[5], description="Meetings matching the filters.")
    all_meetings: int = Field(examples=[5], description="All meetings with the state, whatever the filters.")
    first: str | None = None
    last: str | None = None
    sectors: list[SectorCount]


class Partners(Out):
    state: EntityRef
    sector: str | None = None
    total: int = Field(description="Partner states matching, all pages together.")
    limit: int
    offset: int
    partners: list[Partner]


class NetworkNode(Out):
    id: str = Field(description="'<kind>:<key>', e.g. 'person:abdoulaye-diop' or 'meeting:<id>'.")
    kind: Literal["person", "state", "organisation", "meeting"]
    label: str
    date: str | None = None
    type: str | None = Field(default=None, description="Meeting type, for meeting nodes.")


class NetworkEdge(Out):
    source: str
    target: str
    type: Literal["ATTENDED", "REPRESENTED_AT", "IN_FRAME_OF"]
    role: str | None = None
    host: bool | None = None


class Network(Out):
    entity: EntityRef
    depth: int
    truncated: bool = Field(description="True when more meetings exist than `max_meetings`.")
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class YearCount(Out):
    year: str | None = Field(description="Null for meetings without a date.")
    meetings: int


class PartnerCount(Out):
    iso3: str
    name: str
    meetings: int


class Stats(Out):
    counts: dict[str, int] = Field(examples=[{"Person": 12, "State": 9, "Meeting": 7}])
    meetings_per_year: list[YearCount]
    meetings_per_partner: list[PartnerCount] = Field(description="Partners of `state` (default MLI).")


class SectorInfo(Out):
    name: str = Field(examples=["défense"], description="As stored in the graph; use it in `sector=` filters.")
    label_en: str = Field(examples=["defence"], description="English label, accepted in `sector=` filters too.")
    meetings: int = Field(examples=[4], description="Meetings concerning this sector.")


class Sectors(Out):
    sectors: list[SectorInfo]
