"""Round 10c (issue 14), participants of found meetings: a person name the NER cut after a particle or ran over a
coordinator is mended. One test per general French
construction on an invented text (the extraction tests send it through the whole pipeline)."""

from __future__ import annotations

from extraction_text import meetings_of, run

from ingest.analyse import person_span


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


def test_an_unnamed_foreign_envoy_is_the_article_s_one_person_named_bare() -> None:
    # the envoy's name printed only paragraphs later, with neither a title nor a country: he is the one described
    x = run(
        "Le Premier ministre Abdoulaye Maïga a reçu ce mercredi 13 mars 2024 en audience l'ambassadeur de la "
        "République populaire de Chine au Mali.\n\n"
        "Les échanges ont porté sur la coopération dans les domaines de l'énergie et des infrastructures.\n\n"
        "À sa sortie d'audience, Wen Zhaolin a salué la qualité des échanges.",
        published="2024-03-15",
    )
    audiences = meetings_of(x, "audience")
    assert [sorted(m.participants) for m in audiences] == [["abdoulaye-maïga", "wen-zhaolin"]]
