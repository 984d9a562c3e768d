"""The contact classifier applied to the rules' meeting candidates (before merging).

Two optional moves, each measured by bench/cv_classifier.py (docs/learned.md):
- veto: a candidate whose sentence the classifier gives P(contact) below `veto` is dropped;
- type: when the rules' type is a weak fallback (`WEAK_TYPES`: a generic cue such as "entretien" or "a signé"),
  the classifier's type replaces it if P(type | contact) is at least `type_confidence`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ingest.article import Sentence
from ingest.contact_classifier import ContactScore, contact_scores
from ingest.meetings import Candidate

Scorer = Callable[[Sequence[str]], list[ContactScore]]
WEAK_TYPES: tuple[str, ...] = ("bilateral_meeting", "other")


@dataclass(frozen=True)
class Learned:
    """How the classifier may change the rules' candidates; `None` turns a move off."""

    veto: float | None = None
    type_confidence: float | None = None
    weak_types: tuple[str, ...] = WEAK_TYPES
    scorer: Scorer = field(default=contact_scores)

    @property
    def active(self) -> bool:
        return self.veto is not None or self.type_confidence is not None


# The variant the pipeline uses by default (the winner of the cross-validation in docs/learned.md).
DEFAULT: Learned | None = None


def refine(cands: list[Candidate], sentences: Sequence[Sentence], learned: Learned | None) -> list[Candidate]:
    """The candidates kept, with their types possibly changed (one classifier pass over their sentences)."""
    if learned is None or not learned.active or not cands:
        return cands
    scores = learned.scorer([sentences[c.sentence].text for c in cands])
    out = []
    for c, s in zip(cands, scores, strict=True):
        if learned.veto is not None and s.p_contact < learned.veto:
            continue
        if (
            learned.type_confidence is not None
            and c.type in learned.weak_types
            and s.types[s.best_type] >= learned.type_confidence
        ):
            c.type = s.best_type
        out.append(c)
    return out
