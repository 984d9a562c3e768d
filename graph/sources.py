"""What the graph keeps about a source besides its metadata: the user's document id and, unless the user keeps
only hashes (MALIKG_KEEP_TEXT=false), the cleaned text the evidence offsets point into."""

from __future__ import annotations

import os
from typing import Any

from ingest.models import Extraction


def keep_text() -> bool:
    """False when MALIKG_KEEP_TEXT is 0/false/no: only the text's hash is stored."""
    return os.environ.get("MALIKG_KEEP_TEXT", "true").strip().lower() not in {"0", "false", "no"}


def source_fields(extraction: Extraction) -> dict[str, Any]:
    """Extra fields of an article row (graph/rows.py), written by queries/write/article_sources.cypher."""
    citations = [
        {"start": m.evidence_start, "end": m.evidence_end, "quote": m.evidence_quote} for m in extraction.meetings
    ]
    roles = [
        {"person": person.id, "target": role.represents, "title": role.title}
        for person in extraction.people
        for role in person.roles
        if role.represents is not None
    ]
    return {
        "document_id": extraction.id,
        "roles": roles,
        "text": extraction.text if keep_text() else None,
        "citations": citations,
    }
