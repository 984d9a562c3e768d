"""The French cue alternatives and word sets of the extraction rules, from `ingest/data/cues.yaml`.

Loaded and checked once per process by `load_cues()`: unknown keys, wrong types, a missing table or an
alternative that is not a valid regular expression fail at load time. The rule modules build their structural
patterns from these lists (`Cues.alt`) once, at import.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ingest.models import MeetingType

CUES_FILE = Path(__file__).resolve().parent / "data" / "cues.yaml"

PostKind = Literal["foreign_minister", "defence_minister", "head_of_government", "head_of_state", "ambassador"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Group(_Strict):
    """Alternatives that cover one general French construction."""

    construction: str = Field(min_length=10)
    alternatives: list[str] = Field(min_length=1)

    @field_validator("alternatives")
    @classmethod
    def _compiles(cls, alts: list[str]) -> list[str]:
        for a in alts:
            if not a.strip():
                raise ValueError("empty alternative")
            try:
                re.compile(a)
            except re.error as exc:
                raise ValueError(f"alternative {a!r} is not a regular expression: {exc}") from exc
        return alts


class MeetingCue(Group):
    type: MeetingType  # the vocabulary's (ingest/models.py, tied to core/data/meeting_types.yaml)


class KindCue(Group):
    kind: PostKind


class WordSet(_Strict):
    construction: str = Field(min_length=10)
    words: list[str] = Field(min_length=1)


class GenericTitles(_Strict):
    construction: str = Field(min_length=10)
    titles: dict[PostKind, str]


class Markers(_Strict):
    multilateral_verbs: list[Group]
    speaking: list[Group]
    future: list[Group]
    history: list[Group]
    frame: list[Group]
    plural: list[Group]
    pluperfect: list[Group]
    company: list[Group]
    co_chair: list[Group]
    attendance: list[Group]
    planned_contact: list[Group]
    other_contact: list[Group]
    clause_verbs: list[Group]
    anaphora: list[Group]
    sender_nouns: list[Group]
    sender_titles: list[Group]
    sender_chain: list[Group]
    source: list[Group]
    title_chain_breaks: list[Group]
    coordinator: list[Group]
    coordinated_infinitives: list[MeetingCue]
    negation: list[Group]
    continuation: list[Group]
    successive: list[Group]
    return_visit: list[Group]
    recalled_visit: list[Group]
    event_anaphor: list[Group]
    event_verbs: list[Group]
    venue_verbs: list[Group]
    framed_contact: list[Group]
    verb_adverbs: list[Group]
    additive: list[Group]
    series_item: list[Group]


class Titles(_Strict):
    role_words: list[Group]
    honorifics: list[Group]
    plural_heads: list[Group]
    institution_heads: list[Group]
    relational_heads: list[Group]
    ranks: list[Group]
    head_titles: list[Group]
    home_posts: list[Group]
    home_offices: list[Group]
    rotating_chairs: list[Group]


class Words(_Strict):
    name_title_words: WordSet
    not_names: WordSet
    name_particles: WordSet
    not_given_names: WordSet


class CombiningForms(_Strict):
    construction: str = Field(min_length=10)
    endings: list[str]  # stripped from the masculine singular demonym before the linking 'o', longest first
    irregular: dict[str, list[str]]  # iso3 -> forms the rule cannot derive ('franco', 'sino')


class Cues(_Strict):
    meeting_cues: list[MeetingCue] = Field(min_length=1)
    markers: Markers
    titles: Titles
    title_kinds: list[KindCue]
    words: Words
    site_furniture: list[Group]
    generic_titles: GenericTitles
    combining_forms: CombiningForms

    def meeting_alternatives(self) -> list[tuple[str, str]]:
        """(meeting type, alternation) in the order the types are tried."""
        return [(c.type, "|".join(c.alternatives)) for c in self.meeting_cues]


def alt(groups: list[Group]) -> str:
    """One alternation of every alternative of the groups, in order (no group around it)."""
    return "|".join(a for g in groups for a in g.alternatives)


@lru_cache(maxsize=1)
def load_cues(path: Path = CUES_FILE) -> Cues:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Cues.model_validate(raw)
