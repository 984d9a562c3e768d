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


class FieldError(BaseModel):
    """One entry of FastAPI's request validation errors."""

    model_config = ConfigDict(extra="allow")

    loc: list[str | int]
    msg: str
    type: str


class InvalidRequest(BaseModel):
    """A 422: `detail` is a sentence (a value the graph cannot use, e.g. an impossible date or an article that cannot
    be ingested) or, when the request does not fit the declared parameters or body, FastAPI's list of field errors."""

    model_config = ConfigDict(extra="allow")

    detail: str | list[FieldError] = Field(examples=["'from' (2024-03) is after 'to' (2023)."])


ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": Problem, "description": "Neo4j refused the query, e.g. a malformed full-text (Lucene) query."},
    422: {"model": InvalidRequest, "description": "A parameter is missing, mistyped, or a value the graph cannot use."},
    404: {"model": Problem, "description": "Unknown entity; `suggestions` lists close names."},
    409: {"model": Problem, "description": "Ambiguous name; `candidates` lists the entities it matches."},
    503: {"model": Problem, "description": "Neo4j is unreachable."},
}
