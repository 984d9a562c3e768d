"""POST /documents."""

from __future__ import annotations

from pydantic import Field

from api.schemas.common import Out
from ingest.models import Extraction


class Ingested(Out):
    extraction: Extraction = Field(description="What the NLP pipeline found in the article.")
    written: dict[str, int] = Field(
        description="What the graph writer changed (Neo4j counters).",
        examples=[
            {"documents": 1, "nodes_created": 9, "relationships_created": 14, "properties_set": 60, "reposts": 0}
        ],
    )
    meetings: list[str | None] = Field(
        description="The graph id of each meeting in `extraction.meetings`, in that order: the id GET "
        "/meetings/{id} serves (the article's meeting may be one other articles already reported; for a repost, "
        "the meeting its original reports). null when a researcher's judgement rejects it.",
        examples=[["m-3f1c0e5a9b7d2c4e6f80"]],
    )
