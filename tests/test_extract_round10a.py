"""Round 10a (issue 14), articles that report several contacts, and the sides of their participants. One test per
general French construction on an invented text; every text goes through the whole extraction."""

from __future__ import annotations

from extraction_text import participant_names, run
from spacy.language import Language

from ingest.normalise import normalise_text


def test_a_rotating_chair_of_an_organisation_stands_for_his_state(nlp: Language) -> None:
    # "le président en exercice de l'Union africaine, X": a head of state chairing it in turn, his state's side
    x = run(
        "Le président en exercice de l'Union africaine, Macky Sall, a été reçu le lundi 8 août 2022 à Bamako par "
        "le président de la Transition, le colonel Assimi Goïta.",
        published="2022-08-09",
    )
    (visit,) = x.meetings
    assert participant_names(x, visit.participants) == {"Macky Sall", "Assimi Goïta"}
    assert set(visit.states) == {"SEN", "MLI"}


def test_the_chair_of_an_organisations_commission_is_its_official(nlp: Language) -> None:
    # "le président en exercice de la Commission de l'Union africaine, X": no state's side
    x = run(
        "Le président en exercice de la Commission de l'Union africaine, Moussa Faki Mahamat, a été reçu le lundi "
        "8 août 2022 à Bamako par le président de la Transition, le colonel Assimi Goïta.",
        published="2022-08-09",
    )
    assert all("TCD" not in m.states for m in x.meetings)


def test_a_double_quote_between_letters_is_an_apostrophe() -> None:
    # "s”entretenir", "l”aéroport": an apostrophe mis-encoded by the outlet; "“Sahel”" between spaces stays a quotation
    text = "Le mot “Sahel” et s”entretenir à l”aéroport"
    assert normalise_text(text) == "Le mot “Sahel” et s’entretenir à l’aéroport"
