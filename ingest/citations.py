"""Citable evidence: each meeting's evidence located in the cleaned article text, as the article's exact words
(typographic apostrophes and quotes kept) with character offsets; the text itself travels in the Extraction."""

from __future__ import annotations

from typing import TypeVar

from core.text import unify
from ingest.models import Extraction, Meeting, UnreadContact


def locate(evidence: str, text: str) -> tuple[int, int] | None:
    """Offsets of `evidence` in `text`, comparing apostrophes and spaces unified (unify keeps lengths)."""
    start = text.find(evidence)
    if start < 0:
        start = unify(text).find(unify(evidence))
    if start < 0:
        return None
    return start, start + len(evidence)


_Cited = TypeVar("_Cited", Meeting, UnreadContact)


def cite(extraction: Extraction, text: str) -> Extraction:
    """The extraction with its text and the evidence offsets and exact quote of every meeting and unread contact."""
    return extraction.model_copy(
        update={
            "text": text,
            "meetings": [_cited(m, text) for m in extraction.meetings],
            "unread": [_cited(u, text) for u in extraction.unread],
        }
    )


def _cited(item: _Cited, text: str) -> _Cited:
    span = locate(item.evidence, text)
    if span is None:
        return item
    start, end = span
    return item.model_copy(update={"evidence_start": start, "evidence_end": end, "evidence_quote": text[start:end]})
