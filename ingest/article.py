"""The analysed article handed from the NLP stage to the rule stages: sentences with their entities.

Frozen: a stage that changes entities (people.relabel_surnames) returns a new article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Ent:
    """An entity span inside a sentence (character offsets relative to the sentence)."""

    text: str
    label: str  # PER, ORG, LOC, MISC, STATE, DEMONYM, CAPITAL, PLACE
    ident: str  # ruler id ("state:RUS", "person:abdoulaye-diop") or ""
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    ents: list[Ent]
    paragraph: int
    running: bool  # part of a running-text paragraph (not a headline or caption)


@dataclass(frozen=True)
class Article:
    id: str
    sentences: list[Sentence]
    published: date | None
    header_month: str | None  # "2023-12" from a crawler header
    bylines: list[str] = field(default_factory=list)
