"""Round 9c (issue 14), articles that report several contacts: a further contact with someone new is never folded
into the one before, and a contact of a host's series that names the guest only takes the host's side. One test
per general French construction on an invented text; every text goes through the whole extraction."""

from __future__ import annotations

from extraction_text import run
from spacy.language import Language

from ingest.meetings import Candidate, merge
from ingest.models import Extraction


def _names(x: Extraction, participants: list[str]) -> set[str]:
    return {p.name for p in x.people if p.id in participants}


def test_also_meeting_someone_of_no_known_state_is_a_further_contact(nlp: Language) -> None:
    # "X a également rencontré Y, directeur de <organisation>": Y is new, though the text gives no state for him
    x = run(
        "Le président italien Sergio Conti a reçu le mardi 12 mars 2024 à Rome le président malien Assimi Goïta. "
        "Le chef de l'État malien a également rencontré à Rome Paolo Rinaldi, directeur général adjoint de la FAO."
    )
    assert len(x.meetings) == 2
    first, second = x.meetings
    assert _names(x, first.participants) == {"Sergio Conti", "Assimi Goïta"}
    assert _names(x, second.participants) == {"Assimi Goïta", "Paolo Rinaldi"}


def test_a_ranked_audience_of_a_series_takes_the_host(nlp: Language) -> None:
    # "X a reçu plusieurs personnalités. La première audience a été consacrée à Y": X received Y, that day
    x = run(
        "La ministre de la Santé, Aminata Keïta, a reçu le jeudi 20 novembre 2025 à Bamako plusieurs "
        "personnalités. La première audience a été consacrée à l'ambassadeur du Ghana au Mali, Kwame Boateng."
    )
    (audience,) = x.meetings
    assert audience.type == "audience"
    assert _names(x, audience.participants) == {"Aminata Keïta", "Kwame Boateng"}
    assert set(audience.states) == {"MLI", "GHA"}
    assert audience.date == "2025-11-20"


def test_a_host_who_then_receives_another_guest_is_on_both_audiences(nlp: Language) -> None:
    # "X a reçu Y. Le ministre a ensuite reçu Z": the host of the first audience receives the next guest
    x = run(
        "La ministre de la Santé, Aminata Keïta, a reçu le mardi 25 novembre 2025 à Bamako la chargée d'affaires "
        "du Canada, Claire Dubois. Le ministre a ensuite reçu l'ambassadeur du Ghana, Kwame Boateng."
    )
    assert len(x.meetings) == 2
    second = x.meetings[1]
    assert _names(x, second.participants) == {"Aminata Keïta", "Kwame Boateng"}
    assert second.date == "2025-11-25"


def test_a_guest_received_in_turn_does_not_take_the_guest_side_again(nlp: Language) -> None:
    # "X a été reçu par Y. Il a ensuite rencontré le ministre Z": Z is of the host's side, X's visit goes on
    x = run(
        "Le ministre ghanéen Kwame Boateng a été reçu le mardi 12 mars 2024 à Bamako par le président de la "
        "transition, Assimi Goïta. Kwame Boateng a ensuite rencontré le ministre malien de la Défense, Sadio Camara."
    )
    assert len(x.meetings) == 2
    assert _names(x, x.meetings[1].participants) == {"Kwame Boateng", "Sadio Camara"}


def test_an_additive_contact_with_a_person_of_no_known_state_is_not_merged() -> None:
    # merge level: "Le pape a reçu X au Vatican. X a également rencontré le cardinal Y" (Y's state not told)
    audience = Candidate(
        "audience", 0, "Le pape a reçu au Vatican le président malien X.", ["x"], ["MLI", "VAT"],
        party={"x": "MLI"},
    )  # fmt: skip
    further = Candidate(
        "bilateral_meeting", 1, "X a également rencontré le cardinal Y.", ["x", "y"], ["MLI", "VAT"],
        party={"x": "MLI"}, additive=True,
    )  # fmt: skip
    out = merge([audience, further])
    assert [c.participants for c in out] == [["x"], ["x", "y"]]


def test_a_trailing_time_clause_names_another_contact(nlp: Language) -> None:
    # "X a été reçu par Y, avant l'audience avec Z": Z is no participant of the contact with Y
    x = run(
        "Le ministre ghanéen des Affaires étrangères, Kwame Boateng, a été reçu le mardi 12 mars 2024 à Bamako par "
        "son homologue malien, Abdoulaye Diop, avant l'audience avec le président de la transition, Assimi Goïta."
    )
    assert x.meetings
    assert _names(x, x.meetings[0].participants) == {"Kwame Boateng", "Abdoulaye Diop"}


def test_a_heading_time_clause_tells_a_contact_of_its_own(nlp: Language) -> None:
    # "Après son audience avec Z, X a eu une séance de travail avec Y": two contacts, Z only in the audience
    x = run(
        "Après son audience avec le président de la transition, Assimi Goïta, le ministre ghanéen Kwame Boateng a "
        "eu le mardi 12 mars 2024 une séance de travail avec son homologue malien, Abdoulaye Diop."
    )
    by_type = {m.type: _names(x, m.participants) for m in x.meetings}
    assert by_type == {
        "audience": {"Assimi Goïta", "Kwame Boateng"},
        "bilateral_meeting": {"Kwame Boateng", "Abdoulaye Diop"},
    }


def test_a_sentence_opening_on_a_new_counterpart_is_a_further_talk(nlp: Language) -> None:
    # "X a été reçu par Y. De même avec le ministre Z.": X also talked with Z
    x = run(
        "Le ministre ghanéen Kwame Boateng a été reçu le mardi 12 mars 2024 à Bamako par son homologue malien, "
        "Abdoulaye Diop. De même avec le ministre de la Défense, le colonel Sadio Camara."
    )
    assert [_names(x, m.participants) for m in x.meetings] == [
        {"Kwame Boateng", "Abdoulaye Diop"},
        {"Kwame Boateng", "Sadio Camara"},
    ]


def test_a_sentence_opening_on_the_same_counterpart_is_the_same_contact(nlp: Language) -> None:
    # "X a reçu Y. Avec le diplomate, les échanges ont porté sur ...": the audience told on
    x = run(
        "Le président de la transition, Assimi Goïta, a reçu le mardi 12 mars 2024 à Koulouba l'ambassadeur du "
        "Ghana, Kwame Boateng. Avec le diplomate ghanéen Kwame Boateng, les échanges ont porté sur la sécurité."
    )
    (audience,) = x.meetings
    assert _names(x, audience.participants) == {"Assimi Goïta", "Kwame Boateng"}


def test_a_sentence_opening_on_the_one_received_before_names_no_participant(nlp: Language) -> None:
    # "Immédiatement après l'ambassadeur X, le ministre Y a reçu Z": X was received before, not with Z
    x = run(
        "Immédiatement après l'ambassadeur du Ghana, Kwame Boateng, le ministre de la Défense, Sadio Camara, a reçu "
        "le mardi 12 mars 2024 l'ambassadeur du Niger, Moussa Abdou."
    )
    (audience,) = x.meetings
    assert _names(x, audience.participants) == {"Sadio Camara", "Moussa Abdou"}
