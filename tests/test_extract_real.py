"""Real news the rules were not written for: ../shared/eval/dev2, the leave-one-outlet-out cross-validation over all
public real gold the rules were tuned on (dev2 + tests/data/real/batch-a ... batch-d), each of those batches, and
batch-e, blind for round 5 (its README): its figure is the honest one.

The thresholds are the figures reached (docs/extraction.md) rounded down to two decimals: the test fails when a
change loses what was reached on real articles, not on noise of one meeting.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.crossval import CrossValidation, cross_validate, fold_key, rules_predictor
from ingest.nlp import load_nlp
from ingest.scoring import Report, Row, load_gold, predict, score

ROOT = Path(__file__).resolve().parents[1]
DEV2 = ROOT.parent / "shared" / "eval" / "dev2"
REAL = ROOT / "tests" / "data" / "real"
TUNED_BATCHES = [REAL / f"batch-{x}" for x in "abcd"]
BATCH_E = REAL / "batch-e"

# Round 5 (2026-11-29), tuned on all 251 articles of dev2 + batch-a..d (blind before any work: dev2 meetings F1
# 0.623; the round's blind figure is batch-e's below).
DEV2_MEETINGS_F1 = 0.79  # 68/85 = 0.800, 0.7999... in floating point
DEV2_FULLY_RIGHT = 0.42
DEV2_DATE_EXACT = 0.96
# leave-one-outlet-out over the 251 articles (173 outlets): F1 0.728 (P 0.882, R 0.620), fully right 102 of 350
# (0.291), exact date 150/163 (0.920), people F1 0.948; after round 6 (extract6b, quality of found meetings, tuned
# on all 322 public articles): F1 0.732 (P 0.893), fully right 113 of 350 (0.323), exact date 150/162 (0.926),
# people F1 0.950; dev2 fully right 21 of 49 (0.429)
CV_MEETINGS_F1 = 0.73
CV_FULLY_RIGHT = 0.32
CV_DATE_EXACT = 0.92
CV_PEOPLE_F1 = 0.94
# per batch (meetings F1, fully right share), tuned: a 0.730 20/68, b 0.745 20/81, c 0.690 20/69, d 0.699 22/83;
# batch-e, scored blind before (main 71f3a63) and after round 5: F1 0.521 -> 0.538, fully right 12 -> 13 of 93;
# after round 6 (extract6b; batch-e's errors were read, so tuned): b 0.750 24/81, c 0.690 23/69, d 0.712 25/83,
# e 0.545 18/93
BATCH_FIGURES = {
    "batch-a": (0.73, 0.29),
    "batch-b": (0.74, 0.29),
    "batch-c": (0.69, 0.33),
    "batch-d": (0.71, 0.30),
    "batch-e": (0.54, 0.19),
}


@pytest.fixture(scope="module")
def dev2() -> Iterator[tuple[dict[str, Row], dict[str, Row]]]:
    if not DEV2.is_dir():
        pytest.skip(f"shared dev2 set not found at {DEV2}")
    load_nlp()
    golds = load_gold(DEV2)
    yield golds, predict(golds)


@pytest.fixture(scope="module")
def dev2_report(dev2: tuple[dict[str, Row], dict[str, Row]]) -> Report:
    return score(*dev2)


@pytest.fixture(scope="module")
def crossval(dev2: tuple[dict[str, Row], dict[str, Row]]) -> CrossValidation:
    golds = dict(dev2[0])
    for batch in TUNED_BATCHES:
        golds.update(load_gold(batch))
    preds = dict(dev2[1])
    preds.update(predict({k: v for k, v in golds.items() if k not in preds}))
    return cross_validate(golds, "outlet", rules_predictor(preds))


def test_real_batches_are_shipped_with_credit() -> None:
    for batch in [*TUNED_BATCHES, BATCH_E]:
        golds = load_gold(batch)
        assert len(golds) >= 40
        assert all(g.get("url") and g.get("outlet") for g in golds.values())
        assert (batch / "README.md").is_file()


def test_dev2_meetings(dev2_report: Report) -> None:
    assert dev2_report.prf("meetings")[2] >= DEV2_MEETINGS_F1, dev2_report.misses
    assert dev2_report.fully_right_share() >= DEV2_FULLY_RIGHT
    assert dev2_report.rate("date") >= DEV2_DATE_EXACT


def test_leave_one_outlet_out(crossval: CrossValidation) -> None:
    pooled = crossval.pooled
    assert len(crossval.folds) >= 50, "folds are outlets"
    assert pooled.prf("meetings")[2] >= CV_MEETINGS_F1, pooled.misses
    assert pooled.prf("people")[2] >= CV_PEOPLE_F1
    assert pooled.fully_right_share() >= CV_FULLY_RIGHT
    assert pooled.rate("date") >= CV_DATE_EXACT


@pytest.mark.parametrize("name", sorted(BATCH_FIGURES))
def test_real_batch_keeps_its_figure(name: str) -> None:
    meetings_f1, fully_right = BATCH_FIGURES[name]
    load_nlp()
    golds = load_gold(REAL / name)
    report = score(golds, predict(golds))
    assert report.prf("meetings")[2] >= meetings_f1, report.misses
    assert report.fully_right_share() >= fully_right


def test_folds_by_outlet_then_host() -> None:
    assert fold_key({"outlet": "aBamako", "url": "http://news.abamako.com/h/1.html"}, "outlet") == "aBamako"
    assert fold_key({"url": "https://www.rfi.fr/fr/afrique/x"}, "outlet") == "www.rfi.fr"
    assert fold_key({"published": "2023-04-15"}, "year") == "2023"
    with pytest.raises(ValueError, match="unknown fold key"):
        fold_key({}, "colour")


def test_pooled_report_adds_the_folds(crossval: CrossValidation) -> None:
    tp = sum(r.counts["meetings"][0] for r in crossval.folds.values())
    assert crossval.pooled.counts["meetings"][0] == tp
    assert crossval.pooled.articles == sum(r.articles for r in crossval.folds.values())
