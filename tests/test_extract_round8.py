"""Round 8 (issue 14), fully right on found meetings: the type a later mention gives a contact, people named only
as the sender of a message, the one a delegate stands for or the one who sent a delegation. One test per general
French construction on an invented sentence; every text goes through the whole extraction."""

from __future__ import annotations

from extraction_text import run
from spacy.language import Language

from ingest.models import Extraction


def _names(x: Extraction, participants: list[str]) -> set[str]:
    return {p.name for p in x.people if p.id in participants}


def test_talks_told_first_stay_talks_when_the_visit_is_named_after_them(nlp: Language) -> None:
    # a bilateral talk, then the visit it belonged to: the visit never overrides the contact told first
    x = run(
        "Le ministre malien des Affaires étrangères, Abdoulaye Diop, s'est entretenu le mardi 12 mars 2024 avec "
        "son homologue ghanéen, Kwame Boateng. Cette visite de travail de Kwame Boateng au Mali a duré deux jours."
    )
    (talk,) = x.meetings
    assert talk.type == "bilateral_meeting"
    assert _names(x, talk.participants) == {"Abdoulaye Diop", "Kwame Boateng"}
