"""One invented text through the whole extraction, for the tests of one French construction each
(tests/test_extract_*.py); the spaCy pipeline is the session fixture `nlp` of conftest.py."""

from __future__ import annotations

from ingest.models import Document, Extraction, Meeting
from ingest.pipeline import extract_one


def run(text: str, published: str | None = "2024-03-15", url: str | None = None) -> Extraction:
    """The extraction of `text` as one document published on `published` (at `url`)."""
    return extract_one(Document(id="t", text=text, published=published, url=url))


def participant_names(x: Extraction, participants: list[str]) -> set[str]:
    """The names of the people of `x` whose ids are in `participants` (a meeting's)."""
    return {p.name for p in x.people if p.id in participants}


def meetings_of(x: Extraction, meeting_type: str) -> list[Meeting]:
    """The meetings of `x` of one type, in order."""
    return [m for m in x.meetings if m.type == meeting_type]
