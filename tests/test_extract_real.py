"""Real news the rules were not written for: ../shared/eval/dev2, the leave-one-outlet-out cross-validation over all
public real gold the rules were tuned on (dev2 + tests/data/real/batch-a ... batch-e), each of those batches, and
batch-f ... batch-i, blind for round 6 (their READMEs): their figures are the honest ones.

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
TUNED_BATCHES = [REAL / f"batch-{x}" for x in "abcde"]
BLIND_BATCHES = [REAL / f"batch-{x}" for x in "fghi"]

# Round 6 (2026-11-29), tuned on all 322 public real articles of dev2 + batch-a..e (blind before any work: dev2
# meetings F1 0.623). dev2 after round 6: F1 68/84 = 0.810 (P 0.971, R 0.694), fully right 22 of 49, date 0.967.
DEV2_MEETINGS_F1 = 0.80
DEV2_FULLY_RIGHT = 0.44
DEV2_DATE_EXACT = 0.96
# leave-one-outlet-out over the 322 articles (212 outlets), round 6: F1 0.715 (P 0.865, R 0.609), fully right 141
# of 443 (0.318), exact date 185/199 (0.930), people F1 0.947 (round 5: 0.691, 115 of 443)
# round 7b (verb classes, dates of undated pages; tuned on all 585 public articles): F1 0.724 (P 0.868, R 0.621),
# fully right 142 of 443 (0.321), exact date 189/204 (0.926), people F1 0.947
CV_MEETINGS_F1 = 0.72
CV_FULLY_RIGHT = 0.32
CV_DATE_EXACT = 0.92
CV_PEOPLE_F1 = 0.94
# per batch (meetings F1, fully right share) after round 6. Tuned: a 0.730 20/68, b 0.763 27/81, c 0.707 24/69,
# d 0.738 27/83, e 0.592 21/93. Blind (scored before round 6 on main 44c9f03, then after; READMEs): f 0.642 ->
# 0.642, 12 -> 12 of 92; g 0.500 -> 0.518, 20 -> 21 of 106; h 0.415 -> 0.439, 10 -> 12 of 93; i 0.371 -> 0.368,
# 6 -> 6 of 89; pooled f..i 0.492 -> 0.503, 48 -> 51 of 380. After round 7b (tuned on all batches, f..i
# included): a 0.730 20/68, b 0.771 27/81, c 0.707 24/69, d 0.755 28/83, e 0.610 21/93, f 0.667 14/92, g 0.576
# 24/106, h 0.500 13/93, i 0.439 6/89; pooled f..i 0.554, 57 of 380.
BATCH_FIGURES = {
    "batch-a": (0.73, 0.29),
    "batch-b": (0.77, 0.33),
    "batch-c": (0.70, 0.34),
    "batch-d": (0.75, 0.33),
    "batch-e": (0.61, 0.22),
    "batch-f": (0.66, 0.15),
    "batch-g": (0.57, 0.22),
    "batch-h": (0.50, 0.13),
    "batch-i": (0.43, 0.06),
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
    for batch in [*TUNED_BATCHES, *BLIND_BATCHES]:
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
