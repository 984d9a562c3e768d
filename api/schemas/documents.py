"""POST /documents."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from api.schemas.common import Out
from ingest.models import Extraction


class Ingested(Out):
    extraction: Extraction = Field(description="What the NLP pipeline found in the article.")
    written: dict[str, Any] = Field(description="What the graph writer wrote (counts per kind).")
