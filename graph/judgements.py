"""Researchers' judgements on the graph (nomenklatura's judgements, Wikidata's ranked statements as the model).

A judgement says, with author, time and reason, that a meeting is spurious, that one of its facts is wrong, that
two meetings or two people are one, that a meeting is two, or that two people are different. This module holds
the model, which fields each kind needs, and which pairs of judgements contradict each other; `graph/review.py`
stores and applies them.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.date_pattern import DATE_PATTERN
from core.dates import PartialDate
from ingest.models import DatePrecision, MeetingType

Kind = Literal[
    "reject_meeting",
    "set_type",
    "set_date",
    "set_place",
    "set_host",
    "remove_participant",
    "add_participant",
    "merge_meetings",
    "split_meeting",
    "merge_people",
    "distinct_people",
]

# The fields each kind needs (besides author and reason): the rules as data.
REQUIRED: dict[str, tuple[str, ...]] = {
    "reject_meeting": ("meeting",),
    "set_type": ("meeting", "type"),
    "set_date": ("meeting", "date"),
    "set_place": ("meeting", "place"),
    "set_host": ("meeting", "state"),
    "remove_participant": ("meeting", "person"),
    "add_participant": ("meeting", "person"),
    "merge_meetings": ("meeting", "into"),
    "split_meeting": ("meeting", "articles"),
    "merge_people": ("person", "into"),
    "distinct_people": ("person", "other"),
}
MEETING_KINDS = frozenset(k for k, fields in REQUIRED.items() if fields[0] == "meeting")
# Kinds that correct one fact of a meeting: two of the same kind on one meeting contradict each other.
FIXES = frozenset({"set_type", "set_date", "set_place", "set_host"})
_PRECISION = {4: "year", 7: "month", 10: "day"}


def _document_rules(schema: dict[str, Any]) -> None:
    """The per-kind rules of `_complete`, in the JSON schema too (`if kind is K then these fields are present`), so
    an OpenAPI client or generator knows a `set_date` needs a meeting and a date before it is refused."""
    present: dict[str, Any] = {"type": "string", "minLength": 1}
    rules: list[dict[str, Any]] = [
        {
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": {
                "required": list(fields),
                "properties": {f: {"type": "array", "minItems": 1} if f == "articles" else present for f in fields},
            },
        }
        for kind, fields in REQUIRED.items()
    ]
    # a precision, when given, is the one its date has
    for size, precision in _PRECISION.items():
        rules.append(
            {
                "if": {
                    "properties": {"date": {"type": "string", "minLength": size, "maxLength": size}},
                    "required": ["date"],
                },
                "then": {"properties": {"precision": {"enum": [precision, None]}}},
            }
        )
    schema["allOf"] = rules


class JudgementIn(BaseModel):
    """What a researcher submits."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_document_rules)

    kind: Kind
    author: str = Field(min_length=1, max_length=200)
    reason: str = Field(min_length=1, max_length=2000)
    meeting: str | None = Field(default=None, max_length=200, description="the meeting judged")
    person: str | None = Field(default=None, max_length=200, description="the person judged or merged away")
    into: str | None = Field(default=None, max_length=200, description="merge target (meeting or person id)")
    other: str | None = Field(default=None, max_length=200, description="distinct_people: the other person")
    type: MeetingType | None = None
    date: str | None = Field(default=None, pattern=DATE_PATTERN, description="a real calendar date, YYYY[-MM[-DD]]")
    precision: DatePrecision | None = None
    place: str | None = Field(default=None, max_length=200)
    place_state: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    state: str | None = Field(default=None, pattern=r"^[A-Z]{3}$", description="set_host: the host state")
    role: str | None = Field(default=None, max_length=200, description="add_participant: title held")
    articles: list[str] = Field(default=[], max_length=100, description="split_meeting: reports that move")

    @model_validator(mode="after")
    def _complete(self) -> Self:
        missing = [name for name in REQUIRED[self.kind] if not getattr(self, name)]
        if missing:
            raise ValueError(f"a {self.kind} judgement needs {', '.join(missing)}")
        if self.date is not None:
            PartialDate.parse(self.date)  # a calendar date (2024-02-30 is not): the writer derives its days from it
            implied = _PRECISION[len(self.date)]
            if self.precision is None:
                self.precision = implied  # type: ignore[assignment]
            elif self.precision != implied:
                raise ValueError(f"date {self.date} has {implied} precision, not {self.precision}")
        if self.kind in ("merge_meetings",) and self.meeting == self.into:
            raise ValueError("a meeting cannot be merged into itself")
        if self.kind == "merge_people" and self.person == self.into:
            raise ValueError("a person cannot be merged into themself")
        if self.kind == "distinct_people" and self.person == self.other:
            raise ValueError("a person cannot be different from themself")
        self.articles = sorted(set(self.articles))
        return self


class Judgement(JudgementIn):
    """A stored judgement: an id and a creation time (UTC, ISO 8601) added."""

    id: str = Field(pattern=r"^j-[0-9a-z]{1,64}$")
    created_at: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)?$")
    split_into: str | None = Field(default=None, description="split_meeting: id of the meeting split off")

    @model_validator(mode="after")
    def _split_id(self) -> Self:
        if self.kind == "split_meeting":  # the split-off meeting's id follows from the meeting and the articles
            digest = hashlib.sha1(",".join(self.articles).encode()).hexdigest()[:8]
            self.split_into = f"{self.meeting}-split-{digest}"
        return self

    @classmethod
    def new(cls, data: JudgementIn) -> Judgement:
        now = datetime.now(UTC)
        # The id sorts in creation order (13 hex digits of microseconds since 1970, then 3 random ones), so the
        # judgements made within one second keep their order wherever they are listed by (created_at, id).
        micros = int(now.replace(microsecond=0).timestamp()) * 1_000_000 + now.microsecond
        ident = f"j-{micros:013x}{secrets.token_hex(2)[:3]}"
        return cls(**data.model_dump(), id=ident, created_at=now.replace(microsecond=0).isoformat())

    def props(self) -> dict[str, object]:
        """The properties stored on the :Judgement node (unset fields left out)."""
        return {k: v for k, v in self.model_dump().items() if v is not None and v != []}


def conflict(new: JudgementIn, old: Judgement) -> str | None:
    """Why `new` contradicts the stored `old`, or None when both can hold."""
    same_meeting = new.meeting is not None and new.meeting == old.meeting
    if new.kind in MEETING_KINDS and old.kind == "merge_meetings" and new.meeting == old.meeting:
        return f"meeting {old.meeting} was merged into {old.into} ({old.id}); judge {old.into} instead"
    if same_meeting and "reject_meeting" in (new.kind, old.kind):
        return f"meeting {new.meeting} is already judged by {old.id} ({old.kind})"
    if same_meeting and new.kind == old.kind and new.kind in FIXES | {"split_meeting"}:
        return f"{old.id} already sets this ({old.kind} on {old.meeting}); withdraw it first"
    if same_meeting and {new.kind, old.kind} <= {"add_participant", "remove_participant"} and new.person == old.person:
        return f"{old.id} already {old.kind.replace('_', 's ', 1)} {old.person} on {old.meeting}"
    if new.kind == "merge_meetings":
        if old.kind == "reject_meeting" and old.meeting == new.into:
            return f"meeting {new.into} was rejected ({old.id})"
        if old.kind == "merge_meetings" and (old.meeting, old.into) == (new.into, new.meeting):
            return f"{old.id} merges {old.meeting} into {old.into}: the opposite direction"
        if old.kind == "merge_meetings" and old.meeting == new.into:
            return f"meeting {new.into} was merged into {old.into} ({old.id}); merge into {old.into}"
    if new.kind == "reject_meeting" and old.kind == "merge_meetings" and old.into == new.meeting:
        return f"meeting {old.meeting} was merged into {new.meeting} ({old.id}); withdraw that first"
    pair = {new.person, new.into or new.other}
    old_pair = {old.person, old.into or old.other}
    if new.kind in ("merge_people", "distinct_people") and old.kind in ("merge_people", "distinct_people"):
        if pair == old_pair:
            return f"{old.id} already says {old.kind.replace('_', ' ')} for {old.person} and {old.into or old.other}"
        if new.kind == "merge_people" and old.kind == "merge_people" and new.person == old.person:
            return f"{old.person} is already merged into {old.into} ({old.id})"
    return None
