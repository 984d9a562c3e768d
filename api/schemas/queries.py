"""GET /queries and GET /queries/{name}."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from api.schemas.common import Out


class QueryParamOut(Out):
    name: str = Field(examples=["a_key"])
    type: str = Field(examples=["string"])
    required: bool
    default: Any = None
    doc: str


class QueryOut(Out):
    name: str = Field(examples=["list_contacts"])
    description: str
    params: list[QueryParamOut]
    example: dict[str, Any] = Field(description="Parameters of a working call.")


class QueryRun(Out):
    name: str
    params: dict[str, Any]
    rows: list[dict[str, Any]]
