"""Round 10c (issue 14), participants of found meetings: a post printed without a name stands for the one person
of the article holding it on the meeting's date; a sender's title chain goes on past an acronym in brackets; a
person name the NER cut after a particle or ran over a coordinator is mended. One test per general French
construction on an invented text (the extraction tests send it through the whole pipeline)."""

from __future__ import annotations

from extraction_text import meetings_of, run

from ingest.analyse import person_span


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


def test_a_name_cut_after_a_particle_takes_its_next_word() -> None:
    # the NER stops at "El" / "Al" in "Mohamed Ould Cheikh El-Ghazouani", "Ahmad Abdoul Rahaman Al Senaidy": a
    # name never ends with such a particle; "Blaise Compaoré du Burkina Faso" keeps its country apart
    text = "Le président Mohamed Ould Cheikh El-Ghazouani a reçu Ahmad Abdoul Rahaman Al Senaidy."
    for name, whole in (("Mohamed Ould Cheikh El", "Mohamed Ould Cheikh El-Ghazouani"),
                        ("Ahmad Abdoul Rahaman Al", "Ahmad Abdoul Rahaman Al Senaidy")):  # fmt: skip
        lo = text.index(name)
        assert text[slice(*person_span(text, lo, lo + len(name)))] == whole
    text = "Blaise Compaoré du Burkina Faso est arrivé."
    assert person_span(text, 0, len("Blaise Compaoré du")) == (0, len("Blaise Compaoré du"))


def test_a_name_never_ends_with_a_coordinator() -> None:
    # "LES AMBASSADEURS DU JAPON, DAISUKE KUROKI ET DE L'ANGOLA, MARIO FELIZ": the NER runs over "ET"
    text = "LES AMBASSADEURS DU JAPON, DAISUKE KUROKI ET DE L'ANGOLA, MARIO FELIZ."
    lo = text.index("DAISUKE")
    assert text[slice(*person_span(text, lo, lo + len("DAISUKE KUROKI ET")))] == "DAISUKE KUROKI"
