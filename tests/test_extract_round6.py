"""Round 6 (issue 14): recall — articles that gave no meeting and several contacts of one article told as one;
one test per general French construction on an invented sentence. spaCy is loaded once; every text goes through
the whole extraction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from ingest.meetings import cue_text
from ingest.models import Document, Extraction
from ingest.nlp import load_nlp
from ingest.pipeline import extract_one


@pytest.fixture(scope="session")
def nlp() -> Iterator[Language]:
    yield load_nlp()


def run(text: str, published: str | None = "2024-03-15") -> Extraction:
    return extract_one(Document(id="t", text=text, published=published))


def test_an_incise_between_commas_after_the_auxiliary_is_moved_after_the_participle() -> None:
    text = "Le ministre a, au cours de son séjour, également rencontré le président."
    low = cue_text(text)
    assert len(low) == len(text), "offsets outside the verb group hold"
    assert "a rencontré" in low and low.endswith(" le président.")


def test_a_contact_verb_cut_by_an_incise_between_commas_is_a_contact(nlp: Language) -> None:
    x = run(
        "Le ministre ghanéen des Affaires étrangères, Kwame Mensah, s'est, ce mardi 12 mars, entretenu à Bamako "
        "avec le ministre malien de la Défense, Sadio Camara."
    )
    (talk,) = x.meetings
    assert talk.type == "bilateral_meeting"
    assert set(talk.states) == {"GHA", "MLI"} and talk.date == "2024-03-12"
