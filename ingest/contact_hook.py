"""The contact classifier applied to the rules' meeting candidates (before merging).

Three optional moves, each measured by bench/cv_classifier.py (docs/learned.md):
- veto: a candidate whose sentence the classifier gives P(contact) below `veto` is dropped;
- type: when the rules' type is a weak fallback (`WEAK_TYPES`: a generic cue such as "entretien" or "a signé"),
  the classifier's type replaces it if P(type | contact) is at least `type_confidence`;
- propose: a running sentence with no rule cue that the classifier gives P(contact) of at least `propose` is read
  by the rules as if it held a cue of the classifier's type (`proposals`); the candidates it yields are kept only
  when the rules' own participant and state extraction finds a counterpart (`extractor.has_counterpart`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from core.text import unify
from ingest.article import Sentence
from ingest.contact_classifier import ContactScore, contact_scores
from ingest.meetings import Candidate, meeting_cue

Scorer = Callable[[Sequence[str]], list[ContactScore]]
WEAK_TYPES: tuple[str, ...] = ("bilateral_meeting", "other")
_WORD = re.compile(r"\w[\w'-]*")


@dataclass(frozen=True)
class Learned:
    """How the classifier may change the rules' candidates; `None` turns a move off."""

    veto: float | None = None
    type_confidence: float | None = None
    propose: float | None = None
    weak_types: tuple[str, ...] = WEAK_TYPES
    scorer: Scorer = field(default=contact_scores)

    @property
    def active(self) -> bool:
        return self.veto is not None or self.type_confidence is not None or self.propose is not None


# The variant the pipeline uses by default: none (docs/learned.md: the cross-validation, and the blind comparison
# on batches f-i, where the proposer passed the decision rule but failed two floors of tests/test_extract_real.py).
DEFAULT: Learned | None = None


def refine(cands: list[Candidate], sentences: Sequence[Sentence], learned: Learned | None) -> list[Candidate]:
    """The candidates kept, with their types possibly changed (one classifier pass over their sentences)."""
    if learned is None or (learned.veto is None and learned.type_confidence is None) or not cands:
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


def proposals(sentences: Sequence[Sentence], learned: Learned | None) -> dict[int, tuple[str, re.Match[str]]]:
    """Sentence index -> (type, cue position) for the running sentences with no rule cue that the classifier
    takes for a contact. With no cue word, the predicate is taken to start at the first word after the first
    named person (French puts the subject first), so the rules split the sentence's people around it as they
    would around a cue; with no person named, at the first word."""
    if learned is None or learned.propose is None:
        return {}
    idx = [i for i, s in enumerate(sentences) if s.running and meeting_cue(s.text) is None]
    out: dict[int, tuple[str, re.Match[str]]] = {}
    for i, score in zip(idx, learned.scorer([sentences[i].text for i in idx]), strict=True):
        if score.p_contact < learned.propose:
            continue
        sent = sentences[i]
        start = next((e.end for e in sent.ents if e.label == "PER"), 0)
        cue = _WORD.search(unify(sent.text).lower(), start) or _WORD.search(unify(sent.text).lower())
        if cue is not None:
            out[i] = (score.best_type, cue)
    return out
