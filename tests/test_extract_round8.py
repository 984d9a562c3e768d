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


def test_a_sender_with_a_long_title_and_an_apposition_is_no_participant(nlp: Language) -> None:
    # "un message écrit du président de la transition du Mali, X": the title chain has any length
    x = run(
        "Le président ghanéen, Kwame Mensah, a reçu le mardi 12 mars 2024 à Accra le ministre malien des "
        "Affaires étrangères, Abdoulaye Diop, porteur d'un message écrit du président de la transition du Mali, "
        "le général Assimi Goïta."
    )
    (audience,) = x.meetings
    assert audience.type == "audience"
    assert _names(x, audience.participants) == {"Kwame Mensah", "Abdoulaye Diop"}


def test_the_host_a_message_is_addressed_to_stays_a_participant(nlp: Language) -> None:
    # "... un message du président X à son homologue Y, qui l'a reçu": the addressee may be the host
    x = run(
        "Le ministre ghanéen des Affaires étrangères, Kwame Boateng, a transmis le mardi 12 mars 2024 un message "
        "du président Kwame Mensah à son homologue malien Assimi Goïta, qui l'a reçu à Bamako."
    )
    (audience,) = x.meetings
    names = _names(x, audience.participants)
    assert {"Kwame Boateng", "Assimi Goïta"} <= names and "Kwame Mensah" not in names


def test_the_one_a_delegate_stands_for_is_no_participant(nlp: Language) -> None:
    # "X y représente le chef de l'État, le colonel Y": Y is not there
    x = run(
        "Le sommet des chefs d'État de la CEDEAO s'est tenu le mardi 12 mars 2024 à Accra. Le ministre malien des "
        "Affaires étrangères, Abdoulaye Diop, y représente le chef de l'État, le général Assimi Goïta, aux côtés "
        "du président ghanéen Kwame Mensah."
    )
    (summit,) = x.meetings
    names = _names(x, summit.participants)
    assert "Assimi Goïta" not in names and "Abdoulaye Diop" in names


def test_the_one_who_sent_a_delegation_is_no_participant(nlp: Language) -> None:
    # "une délégation envoyée par le président de la République du Ghana, X": the sender stays home
    x = run(
        "Le président de la transition, le général Assimi Goïta, a reçu le mardi 12 mars 2024 à Koulouba une "
        "délégation envoyée par le président de la République du Ghana, Kwame Mensah, et conduite par le "
        "ministre Kwame Boateng."
    )
    (audience,) = x.meetings
    names = _names(x, audience.participants)
    assert "Kwame Mensah" not in names and "Assimi Goïta" in names
    assert set(audience.states) == {"MLI", "GHA"}
