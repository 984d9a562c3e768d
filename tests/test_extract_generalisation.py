"""The generalisation set (tests/data/generalisation): original French news excerpts written for this project,
with gold facts, covering outlets, years, actors and meeting types that the seed and dev articles do not.

Thresholds sit below the measured figures (docs/extraction.md) with room for one or two misses, so the
test fails when a change loses a meeting type, a wire format or a resolution rule that used to work.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.vocabulary import meeting_types
from ingest.models import Failure
from ingest.nlp import load_nlp
from ingest.scoring import Report, load_gold, predict, score

GENERALISATION = Path(__file__).resolve().parent / "data" / "generalisation"
TYPES = set(meeting_types())


@pytest.fixture(scope="module")
def report() -> Iterator[Report]:
    load_nlp()
    golds = load_gold(GENERALISATION)
    failures: list[Failure] = []
    report = score(golds, predict(golds, failures))
    assert failures == []
    yield report


def test_the_set_is_there_and_varied() -> None:
    golds = load_gold(GENERALISATION)
    assert len(golds) >= 15
    types = {m["type"] for g in golds.values() for m in g["gold"]["meetings"]}
    assert types == TYPES
    assert any(not g["gold"]["meetings"] for g in golds.values()), "a negatives-only article is part of the set"


def test_meetings(report: Report) -> None:
    precision, recall, f1 = report.prf("meetings")
    assert f1 >= 0.8, report.misses
    assert precision >= 0.8


def test_people_states_organisations(report: Report) -> None:
    assert report.prf("people")[2] >= 0.9, report.misses
    assert report.prf("states")[2] >= 0.9, report.misses
    assert report.prf("organisations")[2] >= 0.8


def test_matched_meetings_have_the_right_type_and_date(report: Report) -> None:
    type_ok, n = report.sub["type"]
    date_ok, n_dated = report.sub["date"]
    assert n and type_ok / n >= 0.85
    assert n_dated and date_ok / n_dated >= 0.8
