"""Round 10c (issue 14), participants of found meetings: a post printed without a name stands for the one person
of the article holding it on the meeting's date; a sender's title chain goes on past an acronym in brackets. One
test per general French construction on an invented text, through the whole pipeline."""

from __future__ import annotations

from extraction_text import meetings_of, run


def test_an_unnamed_post_is_its_holder_on_the_meeting_date() -> None:
    # two Malian prime ministers named (the gazetteer knows both terms): "le Premier ministre du Mali" in 2018 is
    # the one in office then, not his predecessor
    x = run(
        "Soumeylou Boubèye Maïga a remplacé Abdoulaye Idrissa Maïga à la primature en décembre 2017. "
        "Le Premier ministre du Mali a effectué samedi 28 avril 2018 une visite à Dakar, où il a été accueilli "
        "par le président sénégalais Macky Sall.",
        published="2018-05-03",
    )
    visits = meetings_of(x, "visit")
    assert [sorted(m.participants) for m in visits] == [["macky-sall", "soumeylou-boubèye-maïga"]]


def test_a_sender_named_with_an_acronym_in_brackets_stays_out() -> None:
    # "un message d'Ibrahim Boubacar Keïta (IBK), chef de l'État malien": the post after the acronym is the
    # sender's, not a third participant
    x = run(
        "Le Premier ministre malien Boubou Cissé a eu un entretien jeudi avec le président ivoirien Alassane "
        "Ouattara, pour lui transmettre un message d'Ibrahim Boubacar Keïta (IBK), chef de l'État malien.",
        published="2019-06-28",
    )
    talks = meetings_of(x, "bilateral_meeting")
    assert [sorted(m.participants) for m in talks] == [["alassane-ouattara", "boubou-cissé"]]
