"""GET /health."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from api.schemas.common import Out


class Health(Out):
    status: Literal["ok"]
    neo4j_version: str = Field(examples=["5.26.0"])
    server: str = Field(examples=["127.0.0.1:7687"])
    database: str = Field(examples=["neo4j"])
