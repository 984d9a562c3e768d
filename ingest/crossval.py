"""Leave-one-group-out evaluation over real gold articles (`malikg eval --folds outlet`).

Every group of articles (an outlet, a year) is scored by a predictor that may learn from all the other
groups; the fold reports are pooled (micro-average), and the per-fold meeting F1 is kept to show the
spread. The rule extractor learns nothing, so its pooled figure equals a plain score over all articles; a
learned component plugs in through `Predictor` and then sees only the other folds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.scoring import Report, Row, score

# (training articles, articles to predict) -> predictions by id
Predictor = Callable[[dict[str, Row], dict[str, Row]], dict[str, Row]]


def fold_key(article: Row, by: str) -> str:
    """The group of an article: its outlet (else the URL's host), or the year of publication."""
    if by == "outlet":
        outlet = article.get("outlet")
        if outlet:
            return str(outlet)
        url = str(article.get("url") or "")
        return url.split("/")[2] if url.count("/") >= 2 else "unknown"
    if by == "year":
        return str(article.get("published") or "")[:4] or "unknown"
    raise ValueError(f"unknown fold key {by!r} (outlet or year)")


@dataclass
class CrossValidation:
    pooled: Report
    folds: dict[str, Report] = field(default_factory=dict)

    def fold_f1(self) -> dict[str, float]:
        """Meeting F1 per fold that has gold meetings."""
        return {k: r.prf("meetings")[2] for k, r in self.folds.items() if r.counts["meetings"][2]}


def cross_validate(golds: dict[str, Row], by: str, predictor: Predictor) -> CrossValidation:
    groups: dict[str, dict[str, Row]] = {}
    for aid, art in golds.items():
        groups.setdefault(fold_key(art, by), {})[aid] = art
    pooled = Report()
    folds = {}
    for key in sorted(groups):
        test = groups[key]
        train = {aid: art for aid, art in golds.items() if aid not in test}
        rep = score(test, predictor(train, test))
        folds[key] = rep
        pooled.add(rep)
    return CrossValidation(pooled, folds)


def rules_predictor(predictions: dict[str, Row]) -> Predictor:
    """The rule extractor: it learns nothing from the training folds, so one extraction run serves them all."""

    def predict(train: dict[str, Row], test: dict[str, Row]) -> dict[str, Row]:
        del train
        return {aid: predictions[aid] for aid in test if aid in predictions}

    return predict
