"""Citable evidence: each meeting's evidence located in the cleaned article text, as the article's exact words
(typographic apostrophes and quotes kept) with character offsets; the text itself travels in the Extraction."""

from __future__ import annotations

from core.text import unify
from ingest.models import Extraction


def locate(evidence: str, text: str) -> tuple[int, int] | None:
    """Offsets of `evidence` in `text`, comparing apostrophes and spaces unified (unify keeps lengths)."""
    start = text.find(evidence)
    if start < 0:
        start = unify(text).find(unify(evidence))
    if start < 0:
        return None
    return start, start + len(evidence)


def cite(extraction: Extraction, text: str) -> Extraction:
    """The extraction with its text and every meeting's evidence offsets and exact quote filled in."""
    meetings = []
    for meeting in extraction.meetings:
        span = locate(meeting.evidence, text)
        if span is None:
            meetings.append(meeting)
            continue
        start, end = span
        meetings.append(
            meeting.model_copy(update={"evidence_start": start, "evidence_end": end, "evidence_quote": text[start:end]})
        )
    return extraction.model_copy(update={"text": text, "meetings": meetings})
