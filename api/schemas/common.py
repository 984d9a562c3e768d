"""Models shared by several resources."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityKind = Literal["person", "state", "organisation"]


class Out(BaseModel):
    """Base of every response model."""

    model_config = ConfigDict(extra="forbid")


class EntityRef(Out):
    """A person (id = slug), a state (id = ISO3) or an organisation (id = slug)."""

    kind: EntityKind
    id: str = Field(examples=["abdoulaye-diop"])
    name: str = Field(examples=["Abdoulaye Diop"])


class Problem(Out):
    """Every error body: `detail`, plus `candidates` (409) or `suggestions` (404) when names are unresolved."""

    model_config = ConfigDict(extra="allow")

    detail: str = Field(examples=["'Camara' matches 2 entities (organisation or person or state); ask again ..."])
    candidates: list[EntityRef] | None = None
    suggestions: list[EntityRef] | None = None


ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": Problem, "description": "Unknown entity; `suggestions` lists close names."},
    409: {"model": Problem, "description": "Ambiguous name; `candidates` lists the entities it matches."},
    503: {"model": Problem, "description": "Neo4j is unreachable."},
}
