"""Round 8 (issue 14), fully right on found meetings: people named only as the sender of a message, the one a
delegate stands for or the one who sent a delegation are no participants; delegation members and people present
told in more ways join the contact. One test per general
French construction on an invented sentence; every text goes through the whole extraction."""

from __future__ import annotations

from extraction_text import participant_names, run
from spacy.language import Language


def test_a_sender_with_a_long_title_and_an_apposition_is_no_participant(nlp: Language) -> None:
    # "un message écrit du président de la transition du Mali, X": the title chain has any length
    x = run(
        "Le président ghanéen, Kwame Mensah, a reçu le mardi 12 mars 2024 à Accra le ministre malien des "
        "Affaires étrangères, Abdoulaye Diop, porteur d'un message écrit du président de la transition du Mali, "
        "le général Assimi Goïta."
    )
    (audience,) = x.meetings
    assert audience.type == "audience"
    assert participant_names(x, audience.participants) == {"Kwame Mensah", "Abdoulaye Diop"}


def test_the_host_a_message_is_addressed_to_stays_a_participant(nlp: Language) -> None:
    # "... un message du président X à son homologue Y, qui l'a reçu": the addressee may be the host
    x = run(
        "Le ministre ghanéen des Affaires étrangères, Kwame Boateng, a transmis le mardi 12 mars 2024 un message "
        "du président Kwame Mensah à son homologue malien Assimi Goïta, qui l'a reçu à Bamako."
    )
    (audience,) = x.meetings
    names = participant_names(x, audience.participants)
    assert {"Kwame Boateng", "Assimi Goïta"} <= names and "Kwame Mensah" not in names


def test_the_one_a_delegate_stands_for_is_no_participant(nlp: Language) -> None:
    # "X y représente le chef de l'État, le colonel Y": Y is not there
    x = run(
        "Le sommet des chefs d'État de la CEDEAO s'est tenu le mardi 12 mars 2024 à Accra. Le ministre malien des "
        "Affaires étrangères, Abdoulaye Diop, y représente le chef de l'État, le général Assimi Goïta, aux côtés "
        "du président ghanéen Kwame Mensah."
    )
    (summit,) = x.meetings
    names = participant_names(x, summit.participants)
    assert "Assimi Goïta" not in names and "Abdoulaye Diop" in names


def test_the_one_who_sent_a_delegation_is_no_participant(nlp: Language) -> None:
    # "une délégation envoyée par le président de la République du Ghana, X": the sender stays home
    x = run(
        "Le président de la transition, le général Assimi Goïta, a reçu le mardi 12 mars 2024 à Koulouba une "
        "délégation envoyée par le président de la République du Ghana, Kwame Mensah, et conduite par le "
        "ministre Kwame Boateng."
    )
    (audience,) = x.meetings
    names = participant_names(x, audience.participants)
    assert "Kwame Mensah" not in names and "Assimi Goïta" in names
    assert set(audience.states) == {"MLI", "GHA"}


def test_a_companion_named_after_an_adverbial_of_place_joins_the_contact(nlp: Language) -> None:
    # "était accompagné à Koulouba par son homologue X": a place between the participle and its agent
    x = run(
        "Le président de la transition, le général Assimi Goïta, a reçu en audience le mardi 12 mars 2024 le "
        "Premier ministre ghanéen, Kwame Mensah. Le Premier ministre ghanéen était accompagné à Koulouba par son "
        "homologue malien, Moussa Traoré."
    )
    (audience,) = x.meetings
    assert participant_names(x, audience.participants) == {"Assimi Goïta", "Kwame Mensah", "Moussa Traoré"}


def test_people_present_after_an_adverb_join_the_contact(nlp: Language) -> None:
    # "en présence notamment du ministre X": an adverb between "en présence" and "de"
    x = run(
        "Le président de la transition, le général Assimi Goïta, a reçu en audience le mardi 12 mars 2024 "
        "l'ambassadeur du Ghana au Mali, Kwame Boateng. L'entretien s'est déroulé en présence notamment du "
        "ministre des Affaires étrangères, Abdoulaye Diop."
    )
    (audience,) = x.meetings
    assert participant_names(x, audience.participants) == {"Assimi Goïta", "Kwame Boateng", "Abdoulaye Diop"}


def test_a_delegation_make_up_told_with_another_verb_joins_the_contact(nlp: Language) -> None:
    # "Font partie de cette délégation X et Y", "Il avait à ses côtés X"
    x = run(
        "Le ministre ghanéen de la Défense, Kwame Boateng, a été reçu en audience le mardi 12 mars 2024 par le "
        "président de la transition, le général Assimi Goïta. Font partie de cette délégation le général Kofi "
        "Asante et le colonel Yaw Owusu."
    )
    (audience,) = x.meetings
    assert {"Kofi Asante", "Yaw Owusu"} <= participant_names(x, audience.participants)


def test_an_envoy_named_after_his_long_title_is_the_envoy_not_a_sender(nlp: Language) -> None:
    # "l'envoyé spécial du secrétaire général de l'Organisation des Nations unies, X": X is the envoy himself
    x = run(
        "Le président de la transition, le général Assimi Goïta, s'est entretenu le mardi 12 mars 2024 à Bamako "
        "avec l'envoyé spécial du secrétaire général de l'Organisation des Nations unies, Kwame Boateng."
    )
    (talk,) = x.meetings
    assert participant_names(x, talk.participants) == {"Assimi Goïta", "Kwame Boateng"}


def test_an_honorific_glued_to_the_name_or_printed_as_mr_is_no_part_of_it(nlp: Language) -> None:
    # "Mr Kofi Asante", "M.Boateng" (no space): the honorific is stripped, the mentions join their person
    x = run(
        "Le président de la transition, le général Assimi Goïta, a reçu en audience le mardi 12 mars 2024 à "
        "Koulouba le ministre ghanéen des Affaires étrangères, Kwame Boateng, et Mr Kofi Asante, son conseiller. "
        "A sa sortie d'audience, M.Boateng a salué la qualité des relations entre le Ghana et le Mali."
    )
    names = {p.name for p in x.people}
    assert {"Kwame Boateng", "Kofi Asante"} <= names
    assert not any(n.split()[0] in ("M", "M.", "Mr", "Se") for n in names)
    assert sum("Boateng" in n for n in names) == 1


def test_talks_told_first_stay_talks_when_the_visit_is_named_after_them(nlp: Language) -> None:
    # a bilateral talk, then the visit it belonged to: the visit never overrides the contact told first
    x = run(
        "Le ministre malien des Affaires étrangères, Abdoulaye Diop, s'est entretenu le mardi 12 mars 2024 avec "
        "son homologue ghanéen, Kwame Boateng. Cette visite de travail de Kwame Boateng au Mali a duré deux jours."
    )
    (talk,) = x.meetings
    assert talk.type == "bilateral_meeting"
    assert participant_names(x, talk.participants) == {"Abdoulaye Diop", "Kwame Boateng"}
