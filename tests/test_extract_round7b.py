"""Round 7b (issue 14): detection by verb classes in any tense or mood, and dates of pages that print none; one
test per general French construction on an invented sentence. spaCy is loaded once; a contact test runs the whole
extraction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from ingest.meetings import meeting_cue
from ingest.models import Document, Extraction
from ingest.nlp import load_nlp
from ingest.pipeline import extract_one


@pytest.fixture(scope="session")
def nlp() -> Iterator[Language]:
    yield load_nlp()


def run(text: str, published: str | None = "2024-03-15", url: str | None = None) -> Extraction:
    return extract_one(Document(id="t", text=text, published=published, url=url))


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
