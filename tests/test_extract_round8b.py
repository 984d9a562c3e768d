"""Round 8b (issue 14, recall): one contact per counterpart, dates of found contacts, cleaning; one test per
general French construction on an invented sentence. spaCy is loaded once; a contact test runs the whole
extraction."""

from __future__ import annotations

from datetime import date

from extraction_text import run
from spacy.language import Language

from ingest.clean import clean
from ingest.dates import EventDate, find_date
from ingest.meetings import cue_text, is_additive, meeting_cue


def _additive(sentence: str) -> bool:
    found = meeting_cue(sentence)
    assert found is not None
    return is_additive(sentence, found[1].start(), found[1].end())


def test_an_additive_adverb_on_the_contact_verb_marks_a_further_contact() -> None:
    assert _additive("Le président a également rencontré le ministre ghanéen de la Défense.")
    assert _additive("Il a ensuite été reçu par le Premier ministre ghanéen.")
    assert not _additive("Le président a rencontré le ministre ghanéen de la Défense.")
    assert "a rencontré également" in cue_text("Il a également rencontré le ministre.")


def test_a_visitor_who_also_meets_someone_new_gets_a_second_contact(nlp: Language) -> None:
    # the first host is named only by a title the people stage does not read as a person: one side named
    x = run(
        "Le président malien, Amadou Keita, a effectué le mardi 12 mars une visite au Ghana où il a été reçu par "
        "les autorités ghanéennes. Le président malien a également rencontré le ministre ghanéen des Finances, "
        "Kofi Asante."
    )
    assert len(x.meetings) == 2
    second = next(m for m in x.meetings if "kofi-asante" in m.participants)
    assert set(second.states) == {"GHA", "MLI"} and second.date == "2024-03-12"
    first = next(m for m in x.meetings if m is not second)
    assert "kofi-asante" not in first.participants


def test_an_honorific_glued_to_the_name_is_spaced() -> None:
    (para,) = clean("M.Mensah a été reçu par Mme.Traoré.").paragraphs
    assert para == "M. Mensah a été reçu par Mme. Traoré."


def test_a_glued_honorific_does_not_make_a_second_person(nlp: Language) -> None:
    x = run(
        "Le ministre ghanéen des Affaires étrangères, Kwame Mensah, a été reçu le mardi 12 mars à Bamako par le "
        "président malien, Amadou Keita. M.Mensah a également eu un entretien avec le ministre malien de la "
        "Défense, Sadio Camara."
    )
    assert {p.id for p in x.people} == {"kwame-mensah", "amadou-keita", "sadio-camara"}
    talk = next(m for m in x.meetings if "sadio-camara" in m.participants)
    assert set(talk.participants) == {"kwame-mensah", "sadio-camara"}


def test_the_day_another_event_began_a_lasting_state_does_not_date_the_contact() -> None:
    sentence = (
        "Depuis sa prise de service le 14 juin 2022, l'ambassadeur a été reçu le mercredi 24 août 2022 par le "
        "Premier ministre."
    )
    assert find_date(sentence, None) == EventDate("2022-08-24", "day")
    since_weekday = "Le ministre, à Dakar depuis samedi dernier, a été reçu lundi par le président."
    assert find_date(since_weekday, date(2024, 3, 13)) == EventDate("2024-03-11", "day")


def test_a_day_right_after_depuis_starts_the_stay_itself() -> None:
    assert find_date("Le ministre est à Paris depuis le 9 septembre 2019 pour une visite.", None) == EventDate(
        "2019-09-09", "day"
    )


def test_a_contact_recalled_with_a_month_is_not_merged_into_an_undated_one(nlp: Language) -> None:
    x = run(
        "Le président malien, Amadou Keita, s'est entretenu avec son homologue ghanéen, Kofi Mensah, à Accra. "
        "Pour rappel, Amadou Keita a effectué une visite d'État en février 2015 au Ghana.",
        published=None,
    )
    assert len(x.meetings) == 2
    recalled = next(m for m in x.meetings if m.type == "visit")
    assert recalled.date == "2015-02" and set(recalled.states) == {"GHA", "MLI"}


def test_an_undated_contact_takes_no_month_from_a_contact_recalled_after_it(nlp: Language) -> None:
    x = run(
        "Le président malien, Amadou Keita, s'est entretenu avec son homologue ghanéen, Kofi Mensah, à Accra. "
        "Pour rappel, Amadou Keita a effectué une visite d'État en février 2015 au Ghana.",
        published=None,
    )
    talk = next(m for m in x.meetings if m.type == "bilateral_meeting")
    assert talk.date is None
