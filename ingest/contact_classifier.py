"""A small learned sentence classifier: does a sentence report a contact, and of which meeting type?

The model is a spaCy `textcat` (bag of words and bigrams, exclusive classes: `none` + the seven meeting types of
../shared/spec/vocabulary.md) trained by `malikg train` on the real gold sentences and shipped as package data in
ingest/models_data/contact_classifier. It is loaded lazily, once per process and folder.

`contact_scores(sentences)` is the typed boundary the rule pipeline calls on candidate sentences:
`p_contact = 1 - P(none)` and, for each type, P(type | contact).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.text import unify

MODEL_DIR = Path(__file__).parent / "models_data" / "contact_classifier"
NONE = "none"
TYPES: tuple[str, ...] = (
    "bilateral_meeting",
    "audience",
    "phone_call",
    "visit",
    "multilateral",
    "joint_commission",
    "other",
)
LABELS: tuple[str, ...] = (NONE, *TYPES)
# A capitalised word after the first one (a name: person, state, town, organisation) and a number: masked, so the
# model learns the construction ("X a reçu en audience X") rather than the names of the training articles.
_CAPITALISED = re.compile(r"(?<=[\s(«\"'-])[A-ZÀ-ÖØ-Þ][\w'-]*")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class ContactScore:
    """The classifier's view of one sentence."""

    p_contact: float  # probability that the sentence reports a contact
    types: dict[str, float]  # P(type | contact) for each meeting type, summing to 1

    @property
    def best_type(self) -> str:
        return max(self.types, key=lambda t: self.types[t])


def normalise(sentence: str) -> str:
    """What the classifier reads (same at training and scoring): unified apostrophes, names masked as 'x', numbers
    as '0', lowercase, single spaces."""
    text = unify(sentence)
    text = text[:1] + _CAPITALISED.sub("X", text[1:])
    return " ".join(_NUMBER.sub("0", text).lower().split())


@lru_cache(maxsize=4)
def load_classifier(model_dir: Path = MODEL_DIR) -> Any:
    """The trained spaCy pipeline (only a tokenizer and `textcat`), loaded once per folder."""
    import spacy

    if not (model_dir / "meta.json").is_file():
        raise FileNotFoundError(f"no contact classifier in {model_dir}: run `malikg train`")
    return spacy.load(model_dir)


def to_score(cats: dict[str, float]) -> ContactScore:
    """A textcat's class probabilities -> ContactScore."""
    p_contact = max(0.0, min(1.0, 1.0 - float(cats.get(NONE, 0.0))))
    raw = {t: float(cats.get(t, 0.0)) for t in TYPES}
    total = sum(raw.values())
    types = {t: (v / total if total > 0 else 1.0 / len(TYPES)) for t, v in raw.items()}
    return ContactScore(p_contact=p_contact, types=types)


def scores_with(nlp: Any, sentences: Sequence[str]) -> list[ContactScore]:
    """The scores of a loaded (or freshly trained) classifier pipeline."""
    return [to_score(doc.cats) for doc in nlp.pipe((normalise(s) for s in sentences), batch_size=64)]


def contact_scores(sentences: Sequence[str], model_dir: Path = MODEL_DIR) -> list[ContactScore]:
    """P(reports a contact) and P(type | contact) for each sentence, in order."""
    if not sentences:
        return []
    return scores_with(load_classifier(model_dir), sentences)
