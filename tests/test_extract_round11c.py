"""Round 11c (issue 14), recall in articles where no meeting was found. One test per general French construction
on an invented text; every text goes through the whole extraction."""

from __future__ import annotations

from extraction_text import run
from spacy.language import Language


def test_notamment_between_auxiliary_and_participle(nlp: Language) -> None:
    # "s'est notamment entretenu avec": the adverb moved after the participle, the talk verb read
    x = run(
        "Le ministre des Affaires étrangères du Sénégal, Yassine Fall, s'est notamment entretenu le mardi 12 mars "
        "2024 avec le ministre malien des Affaires étrangères, Abdoulaye Diop.",
    )
    (talk,) = x.meetings
    assert talk.type == "bilateral_meeting"
    assert set(talk.states) == {"SEN", "MLI"}
