"""Meeting identity: is an incoming report of a meeting one the graph already holds? And the date test it shares
with the merging of one article's mentions (`ingest/meetings.py`).

Pure Python over plain facts (date, precision, people, states), so the same rules serve the writer and any test.
The rules are a declarative table of named features (after nomenklatura's matching logic): the first rule that
holds gives the match its strength; among candidates the strongest rule wins, then more shared people, then the
smallest id, so the decision never depends on the order candidates are listed in.

Dates must be compatible first: the same date, or a month and a day inside that month (a year matches only the
same year). Undated meetings are never matched by similarity; their key alone decides.

Within one article `ingest/meetings.py` merges the mentions of one contact with the same date test, looser:
`dates_overlap` at any precision, and a date the sentence does not give is compatible with any (the article's
context dates it). Its other criteria are not identity rules but discourse ones (an anaphora such as "cette
rencontre", the welcome and talks of one visit, a later sentence that names only part of the people), so they stay
there; see the docstring of `ingest.meetings.merge`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from core.dates import PRECISION_RANK, PartialDate


@dataclass
class MeetingFacts:
    """What identity looks at in a meeting: its id, date and precision, people (ids) and states (ISO3)."""

    id: str
    date: str | None
    precision: str | None
    participants: frozenset[str] = field(default_factory=frozenset)
    states: frozenset[str] = field(default_factory=frozenset)

    @property
    def rank(self) -> int:
        return PRECISION_RANK.get(self.precision or "", 0)

    def absorb(self, report: MeetingFacts) -> None:
        """Update after `report` was written into this meeting: edges add up, a more precise date wins."""
        self.participants |= report.participants
        self.states |= report.states
        if report.rank > self.rank:
            self.date, self.precision = report.date, report.precision


@dataclass(frozen=True)
class Comparison:
    """The features of one (candidate, incoming) pair that the rules read."""

    shared: int  # named people on both sides
    same_states: bool
    nested_states: bool  # one state set inside the other (or equal)
    candidate: MeetingFacts
    incoming: MeetingFacts


@dataclass(frozen=True)
class MatchRule:
    """A named rule: its strength (higher wins) and the condition on a comparison."""

    name: str
    strength: int
    holds: Callable[[Comparison], bool]


RULES: tuple[MatchRule, ...] = (
    MatchRule(
        "same_states_shared_person",
        3,
        lambda c: c.same_states and len(c.candidate.states) > 0 and c.shared > 0,
    ),
    MatchRule(
        "same_people_nested_states",
        2,
        lambda c: (
            c.nested_states
            and c.shared > 0
            and c.shared == len(c.candidate.participants) == len(c.incoming.participants)
        ),
    ),
    MatchRule(
        "same_states_nobody_named",
        1,
        lambda c: (
            c.same_states
            and len(c.candidate.states) > 1
            and not c.candidate.participants
            and not c.incoming.participants
        ),
    ),
)


@dataclass(frozen=True)
class Match:
    """The meeting an incoming report joins, and the rule that decided it."""

    meeting: MeetingFacts
    rule: MatchRule
    shared: int


def dates_overlap(first: str, second: str) -> bool:
    """Whether two partial dates (YYYY, YYYY-MM, YYYY-MM-DD) may name the same day: equal, or one inside the other."""
    return PartialDate(first).overlaps(PartialDate(second))


def dates_compatible(candidate: MeetingFacts, incoming: MeetingFacts) -> bool:
    """The same date, or a month and a day of that month; a year matches only the same year."""
    if candidate.date is None or incoming.date is None:
        return False
    if candidate.date == incoming.date:
        return True
    precisions = (candidate.precision, incoming.precision)
    if None in precisions or "year" in precisions or candidate.precision == incoming.precision:
        return False
    return dates_overlap(candidate.date, incoming.date)


def window(date: str | None) -> str | None:
    """The date prefix every meeting an incoming one could match starts with (its month, or its year)."""
    return None if date is None else date[:7]


def compare(candidate: MeetingFacts, incoming: MeetingFacts) -> Comparison:
    row_in_c = incoming.states <= candidate.states
    c_in_row = candidate.states <= incoming.states
    return Comparison(
        shared=len(incoming.participants & candidate.participants),
        same_states=row_in_c and c_in_row,
        nested_states=row_in_c or c_in_row,
        candidate=candidate,
        incoming=incoming,
    )


def best_match(incoming: MeetingFacts, candidates: Iterable[MeetingFacts]) -> Match | None:
    """The meeting `incoming` is a report of, among `candidates`, or None (it is a new meeting)."""
    prefix = window(incoming.date)
    best: tuple[int, int, str] | None = None
    found: Match | None = None
    for candidate in candidates:
        if prefix is None or candidate.date is None or not candidate.date.startswith(prefix):
            continue
        if not dates_compatible(candidate, incoming):
            continue
        comparison = compare(candidate, incoming)
        rule = next((r for r in RULES if r.holds(comparison)), None)
        if rule is None:
            continue
        # Strongest rule, then most shared people, then the smallest id: independent of the candidates' order.
        order = (-rule.strength, -comparison.shared, candidate.id)
        if best is None or order < best:
            best, found = order, Match(candidate, rule, comparison.shared)
    return found
