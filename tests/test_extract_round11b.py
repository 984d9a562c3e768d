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
