"""Round 7b (issue 14): detection by verb classes in any tense or mood, and dates of pages that print none; one
test per general French construction on an invented sentence. spaCy is loaded once; a contact test runs the whole
extraction."""

from __future__ import annotations

from datetime import date

import pytest
from extraction_text import run
from spacy.language import Language

from ingest.dates import EventDate, find_date, office_span, publication_date
from ingest.meetings import meeting_cue


def cue_type(sentence: str) -> str | None:
    found = meeting_cue(sentence)
    return found[0] if found else None


@pytest.mark.parametrize(
    "sentence",
    [
        "Il a également échangé avec le ministre ghanéen de la Défense.",
        "La ministre avait rencontré le président ghanéen à Accra.",
        "Les deux présidents ont discuté, mardi soir à Accra, de la sécurité.",
        "Le ministre a eu des échanges directs avec son homologue ghanéen.",
        "Il n'a pas été admis au huis-clos entre le ministre ghanéen et son homologue.",
        "Le dialogue entre le président ghanéen et le Premier ministre a repris.",
    ],
)
def test_talk_verbs_and_nouns_in_any_tense_are_a_bilateral_cue(sentence: str) -> None:
    assert cue_type(sentence) == "bilateral_meeting"


@pytest.mark.parametrize(
    "sentence",
    [
        "Sa délégation a pu rencontrer le Premier ministre ghanéen.",
        "Le ministre a dit s'être entretenu avec le Premier ministre ghanéen.",
        "Elle a commencé par s'entretenir avec son homologue ghanéen.",
        "Le ministre affirme avoir rencontré le président ghanéen.",
    ],
)
def test_a_talk_infinitive_after_a_modal_or_reporting_verb_is_a_bilateral_cue(sentence: str) -> None:
    assert cue_type(sentence) == "bilateral_meeting"


def test_trade_exchanges_are_no_talk() -> None:
    assert cue_type("Les échanges commerciaux avec le Ghana ont doublé.") is None


def test_a_talk_told_with_an_adverb_before_the_participle_is_a_contact(nlp: Language) -> None:
    x = run(
        "Le ministre ghanéen des Affaires étrangères, Kwame Mensah, a également échangé avec le ministre malien de "
        "la Défense, Sadio Camara, le mardi 12 mars à Bamako."
    )
    (talk,) = x.meetings
    assert talk.type == "bilateral_meeting" and set(talk.states) == {"GHA", "MLI"}
    assert talk.date == "2024-03-12" and len(talk.participants) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Le ministre avait reçu le président ghanéen à Koulouba.",
        "Moins d'une semaine après sa nomination, il recevait l'envoyé spécial ghanéen.",
        "L'hôte du jour a ensuite été introduit auprès du président de la République.",
        "Le ministre ghanéen était chez le président de la Transition le 9 janvier.",
    ],
)
def test_a_reception_in_the_pluperfect_or_imperfect_or_a_visitor_shown_in_is_an_audience(sentence: str) -> None:
    assert cue_type(sentence) == "audience"


def test_a_passive_welcome_with_an_adverbial_before_its_agent_is_a_visit(nlp: Language) -> None:
    sentence = "Le ministre malien a été accueilli ce vendredi 8 mars par le président ghanéen à Accra."
    assert cue_type(sentence) == "visit"
    x = run("Le ministre malien des Affaires étrangères, Abdoulaye Diop, " + sentence[len("Le ministre malien ") :])
    (visit,) = x.meetings
    assert set(visit.states) == {"GHA", "MLI"} and visit.date == "2024-03-08"


@pytest.mark.parametrize(
    "sentence",
    [
        "Le président ghanéen a pris part à l'ensemble des travaux.",
        "Les présidents ghanéen et malien prennent part à la conférence de Lomé.",
        "Le ministre malien des Affaires étrangères y représente le chef de l'État.",
        "Le ministre des Finances a conduit la délégation malienne aux Réunions de printemps.",
        "Réunis samedi à Accra, les médiateurs ont réaffirmé leur mission.",
        "Le sommet de la CEDEAO, qui s'est achevé samedi à Accra, a levé les sanctions.",
    ],
)
def test_taking_part_in_a_gathering_in_any_tense_is_a_multilateral_cue(sentence: str) -> None:
    assert cue_type(sentence) == "multilateral"


def test_taking_part_in_an_audience_told_before_is_no_gathering() -> None:
    assert cue_type("Le ministre ghanéen a pris part à cette audience.") == "audience"


def test_heads_of_state_taking_part_in_a_conference_meet_there(nlp: Language) -> None:
    x = run(
        "Le président ghanéen Nana Akufo-Addo et le président sénégalais Macky Sall prennent part à la "
        "conférence de Lomé sur la paix, ce vendredi 15 mars."
    )
    (gathering,) = x.meetings
    assert gathering.type == "multilateral" and {"GHA", "SEN"} <= set(gathering.states)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://fr.allafrica.com/stories/202104061028.html", "2021-04-06"),
        ("http://example.org/biodiversite/actu,20130326111258,5.html", "2013-03-26"),
        ("https://example.org/monde/927845-20120503-nouveau-sommet", "2012-05-03"),
        ("https://example.org/articles/22-23-septembre-2013-le-ministre-en-visite.html", "2013-09-22"),
        ("https://example.org/1er-ao%C3%BBt-2021-reception", "2021-08-01"),
        ("https://example.org/2023/12/10/titre", "2023-12-10"),
    ],
)
def test_a_day_printed_in_the_address_dates_the_page(url: str, day: str) -> None:
    assert publication_date(None, url, "") == day


@pytest.mark.parametrize(
    "url",
    ["http://news.example.com/h/195333.html", "https://example.org/x-2820558.html", "https://x.fr/12345678901234"],
)
def test_a_serial_number_in_the_address_is_no_day(url: str) -> None:
    assert publication_date(None, url, "") is None


def test_a_page_without_date_takes_the_day_of_its_address(nlp: Language) -> None:
    x = run(
        "Le président ghanéen a reçu hier à Accra le ministre malien des Affaires étrangères, Abdoulaye Diop.",
        published=None,
        url="https://example.org/stories/202103070020.html",
    )
    (audience,) = x.meetings
    assert audience.date == "2021-03-06"


def test_today_as_the_end_of_a_span_up_to_now_is_no_day_of_the_news() -> None:
    base = date(2021, 8, 5)
    assert find_date("Son écoute depuis 2012 jusqu'à aujourd'hui, a déclaré le ministre.", base) is None
    assert find_date("Le président reçoit aujourd'hui le ministre.", base) == EventDate("2021-08-05", "day")


def test_the_actors_terms_of_office_bound_the_year_of_a_weekday() -> None:
    office = office_span([[("2013-04", "2014-05")], [("2002", None)], [(None, "2010")]])
    assert office == (date(2013, 4, 1), date(2014, 5, 31)), "an actor whose start is unknown does not count"
    sentence = "Le lundi 23 septembre, le ministre a reçu son homologue."
    assert find_date(sentence, None, office=office) == EventDate("2013-09-23", "day")
    assert office_span([[("2013", "2014")], [("2020", None)]]) is None, "no day when all were in office"


def test_a_weekday_of_an_undated_page_takes_the_year_its_actors_held_office(nlp: Language) -> None:
    x = run(
        "Le président malien Ibrahim Boubacar Keïta a reçu le lundi 23 septembre à Bamako le président "
        "français François Hollande.",
        published=None,
    )
    (audience,) = x.meetings
    assert audience.date == "2013-09-23"


@pytest.mark.parametrize(
    "sentence",
    [
        "La délégation a eu une réunion de synthèse avec ses collègues ghanéens.",
        "Le coordonnateur s'est réuni lundi matin à Accra avec le ministre ghanéen.",
        "Les échanges tenus ce jeudi à Bamako entre la ministre et l'ambassadeur du Ghana ont porté sur le rail.",
        "Les ministres ghanéen et malien se sont entretenu ce mardi à Bamako.",
    ],
)
def test_a_working_meeting_with_a_counterpart_is_a_bilateral_cue(sentence: str) -> None:
    assert cue_type(sentence) == "bilateral_meeting"


def test_an_entrevue_is_an_audience() -> None:
    assert cue_type("La mission ghanéenne a eu droit à une entrevue avec le Premier ministre.") == "audience"


@pytest.mark.parametrize(
    "sentence",
    [
        "Le ministre a pris part au déjeuner offert en son honneur par le président ghanéen.",
        "Le Premier ministre a été l'hôte à déjeuner de son homologue ghanéen.",
        "Le ministre a donné un dîner d'adieu en l'honneur de l'ambassadeur du Ghana.",
    ],
)
def test_a_meal_a_host_offers_a_guest_is_a_contact_of_its_own(sentence: str) -> None:
    assert cue_type(sentence) == "other"


@pytest.mark.parametrize(
    "sentence",
    [
        "Présents à Accra dans le cadre du sommet de la CEDEAO, les deux présidents ont salué la médiation.",
        "Vingt chefs d'État étaient présents, vendredi soir, lors du sommet de Lomé.",
    ],
)
def test_being_present_at_a_gathering_named_in_the_sentence_is_taking_part(sentence: str) -> None:
    assert cue_type(sentence) == "multilateral"


def test_a_gathering_noun_alone_is_no_contact() -> None:
    assert cue_type("Le sommet de Lomé a coûté cher.") is None
