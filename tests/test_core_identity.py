"""core.identity: the named match rules, date compatibility, and a decision independent of candidate order."""

from __future__ import annotations

import itertools

from core.identity import RULES, MeetingFacts, best_match, dates_compatible, dates_overlap


def facts(id_: str, date: str | None, people: set[str], states: set[str], precision: str | None = None) -> MeetingFacts:
    if precision is None and date is not None:
        precision = {4: "year", 7: "month"}.get(len(date), "day")
    return MeetingFacts(id_, date, precision, frozenset(people), frozenset(states))


def test_rules_are_named_and_ordered_by_strength() -> None:
    assert [r.name for r in RULES] == [
        "same_states_shared_person",
        "same_people_nested_states",
        "same_states_nobody_named",
    ]
    assert [r.strength for r in RULES] == sorted((r.strength for r in RULES), reverse=True)


def test_dates_compatible_same_date_or_month_and_its_day_never_year_containment() -> None:
    day, month = facts("a", "2024-02-28", set(), set()), facts("b", "2024-02", set(), set())
    assert dates_compatible(day, month) and dates_compatible(month, day)
    assert not dates_compatible(facts("c", "2024", set(), set()), day)
    assert not dates_compatible(day, facts("d", "2024-02-27", set(), set()))
    assert not dates_compatible(facts("e", None, set(), set()), facts("f", None, set(), set()))


def test_each_rule_matches_its_case() -> None:
    incoming = facts("new", "2024-02-28", {"diop", "lavrov"}, {"MLI", "RUS"})
    match = best_match(incoming, [facts("m1", "2024-02-28", {"diop"}, {"MLI", "RUS"})])
    assert match is not None and match.rule.name == "same_states_shared_person"
    match = best_match(incoming, [facts("m2", "2024-02", {"diop", "lavrov"}, {"MLI"})])
    assert match is not None and match.rule.name == "same_people_nested_states"
    nobody = facts("new", "2024-02-28", set(), {"MLI", "RUS"})
    match = best_match(nobody, [facts("m3", "2024-02-28", set(), {"MLI", "RUS"})])
    assert match is not None and match.rule.name == "same_states_nobody_named"
    assert best_match(facts("new", "2024-02-28", set(), {"MLI"}), [facts("m4", "2024-02-28", set(), {"MLI"})]) is None
    assert best_match(incoming, [facts("m5", "2024-03-01", {"diop"}, {"MLI", "RUS"})]) is None


def test_the_choice_does_not_depend_on_the_candidates_order() -> None:
    incoming = facts("new", "2024-02-28", {"diop", "lavrov"}, {"MLI", "RUS"})
    candidates = [
        facts("m-b", "2024-02-28", {"diop"}, {"MLI", "RUS"}),
        facts("m-a", "2024-02-28", {"lavrov"}, {"MLI", "RUS"}),
        facts("m-c", "2024-02", {"diop", "lavrov"}, {"MLI"}),
        facts("m-d", "2024-02-28", {"diop", "lavrov"}, {"MLI", "RUS"}),
    ]
    chosen = set()
    for order in itertools.permutations(candidates):
        match = best_match(incoming, order)
        assert match is not None
        chosen.add(match.meeting.id)
    assert chosen == {"m-d"}  # strongest rule, then most shared people
    ties = candidates[:2]
    assert {best_match(incoming, order).meeting.id for order in itertools.permutations(ties)} == {"m-a"}  # type: ignore[union-attr]


def test_dates_overlap_is_the_one_date_test_of_both_merges() -> None:
    assert dates_overlap("2024-05-03", "2024-05-03") and dates_overlap("2024-05", "2024-05-31")
    assert dates_overlap("2024", "2024-12-31") and dates_overlap("2024-05-31", "2024")
    assert not dates_overlap("2024-05", "2024-06-01") and not dates_overlap("2024-05-03", "2024-05-04")
    assert not dates_overlap("2023", "2024-01")
    # across articles a year is too vague to match a finer date, within an article (ingest/meetings.py) it is not
    assert not dates_compatible(facts("a", "2024", set(), set()), facts("b", "2024-05", set(), set()))
