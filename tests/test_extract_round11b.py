"""Round 11b (issue 14), meeting types of found meetings: the French construction that decides the type. One test
per construction on an invented text, with the counter-case that keeps the old type."""

from __future__ import annotations

from ingest.meetings import Candidate, meeting_cue, merge


def _type(sentence: str) -> str | None:
    found = meeting_cue(sentence)
    return found[0] if found else None


def test_a_reception_or_commission_in_the_head_frame_gives_way_to_the_main_clause() -> None:
    # the frame names the circumstance; the main clause tells the contact
    assert (
        _type(
            "En marge de la 5e session de la commission mixte de coopération, le ministre Moussa Keita a eu un "
            "entretien avec son homologue togolais."
        )
        == "bilateral_meeting"
    )
    assert (
        _type(
            "Avant d'être reçu par le président togolais, le ministre Moussa Keita s'est entretenu avec son "
            "homologue, Kodjo Amegan."
        )
        == "bilateral_meeting"
    )
    # nothing told after the frame: the frame's own contact stays
    assert _type("Lors de la 5e session de la commission mixte de coopération, tenue à Lomé.") == "joint_commission"
    assert _type("Le ministre Moussa Keita a été reçu par le président togolais, jeudi.") == "audience"


def test_a_commission_named_after_talks_does_not_make_them_a_commission_session() -> None:
    talk = Candidate(type="bilateral_meeting", sentence=0, evidence="X a rencontré Y.", participants=["x", "y"])
    talk.states, talk.party = ["MLI", "TGO"], {"x": "MLI", "y": "TGO"}
    topic = Candidate(
        type="joint_commission",
        sentence=1,
        evidence="Lors de cette rencontre, X a salué la commission mixte.",
        participants=["x"],
        anaphoric=True,
    )
    topic.states, topic.party = ["MLI"], {"x": "MLI"}
    assert [c.type for c in merge([talk, topic])] == ["bilateral_meeting"]
    # an audience told after talks still makes them an audience
    seen = Candidate(type="audience", sentence=1, evidence="L'audience a duré une heure.", anaphoric=True)
    talk2 = Candidate(type="bilateral_meeting", sentence=0, evidence="X a rencontré Y.", participants=["x", "y"])
    talk2.states, talk2.party = ["MLI", "TGO"], {"x": "MLI", "y": "TGO"}
    assert [c.type for c in merge([talk2, seen])] == ["audience"]


def test_a_host_welcoming_a_delegation_or_a_guest_at_his_office_grants_an_audience() -> None:
    assert (
        _type(
            "Le Premier ministre Moussa Keita a accueilli, jeudi, une délégation de la Banque africaine à la Primature."
        )
        == "audience"
    )
    assert _type("Le président Paul Mensah avait accueilli à la présidence le ministre malien Moussa Keita.") == (
        "audience"
    )
    # a welcome at the airport is the welcome of a visit
    assert _type("Le président Paul Mensah a accueilli à l'aéroport de Lomé une délégation malienne, jeudi.") == "visit"
    assert _type("Le président Paul Mensah a accueilli jeudi son homologue malien, en visite à Lomé.") == "visit"


def test_a_move_to_a_building_to_hold_talks_there_is_a_talk() -> None:
    assert (
        _type("Le président malien s'est rendu jeudi au siège de la Banque africaine pour y rencontrer son président.")
        == "bilateral_meeting"
    )
    assert (
        _type("Le président Touré s'est rendu au parlement fédéral, où il s'est entretenu avec la présidente du Sénat.")
        == "bilateral_meeting"
    )
    # a move to a city to meet someone stays a visit
    assert _type("Le ministre Moussa Keita s'est rendu à Lomé pour rencontrer son homologue togolais.") == "visit"


def test_a_reception_participle_in_apposition_during_a_named_visit_is_its_welcome() -> None:
    assert (
        _type(
            "Reçu par son homologue togolais Paul Mensah, le président malien, en visite de deux jours à Lomé, a "
            "évoqué la sécurité."
        )
        == "visit"
    )
    # no visit named: an audience
    assert _type("L'ambassadrice du Ghana, reçue ce lundi par le Premier ministre, a transmis un message.") == (
        "audience"
    )


def test_an_envoy_travelling_with_a_message_is_received_in_audience() -> None:
    assert (
        _type(
            "Le ministre Moussa Keita s'est rendu lundi à Lomé, porteur d'un message du président malien à son "
            "homologue togolais, Paul Mensah."
        )
        == "audience"
    )
    # a trip with no message: a visit
    assert _type("Le ministre Moussa Keita s'est rendu lundi à Lomé pour une visite de travail.") == "visit"
