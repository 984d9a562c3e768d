"""Boilerplate removal and dates on short texts written for the tests."""

from __future__ import annotations

from datetime import date

from ingest.clean import clean
from ingest.dates import find_date, publication_date, session_year, url_month
from ingest.wire import dateline_day, split_dateline

BODY = "Le ministre a reçu en audience ce mardi l'ambassadeur du Ghana au Mali, venu lui présenter ses voeux."


def test_teaser_list_at_the_end_is_cut_with_its_snippets() -> None:
    raw = (
        f"{BODY}\n\nLire aussi : Autre sujet\n\nUn extrait coupé..\n\nLire aussi : Encore\n\nSuite..\n\n"
        "Les articles de l'auteur\n\nX"
    )
    ct = clean(raw)
    assert ct.paragraphs == [BODY]


def test_teaser_line_inside_the_story_keeps_the_story() -> None:
    second = "Les deux parties ont ensuite évoqué la coopération dans le domaine de la santé et de l'éducation."
    ct = clean(f"{BODY}\nLIRE AUSSI: Un autre titre sans rapport\n{second}")
    assert ct.paragraphs == [BODY, second]


def test_bylines_source_publie_and_footers_are_removed() -> None:
    raw = (
        f"Titre de l'article\n\n{BODY}\n\nPublié lundi 19 juin 2023 à 05:48\n\nSouleymane SIDIBE\n\n"
        "Source : MAECI\n\nPar Rédaction Lessor\n\nTags: mali diplomatie\n\nPhrase après les tags qui ne compte pas."
    )
    ct = clean(raw)
    assert ct.paragraphs == ["Titre de l'article", BODY]
    assert ct.dateline is not None and "19 juin 2023" in ct.dateline
    assert "Souleymane SIDIBE" in ct.bylines


def test_navigation_prefix_and_repeated_lines_are_dropped() -> None:
    menu = "\n".join(["  • Accueil", "  • Politique", "  • Sécurité", "Un titre de menu", "Voir tous les resultats"])
    ct = clean(f"{menu}\n\nLe vrai titre de cet article du jour\n\nLe vrai titre de cet article du jour\n\n{BODY}")
    assert ct.paragraphs == ["Le vrai titre de cet article du jour", BODY]


def test_crawler_header_gives_the_month() -> None:
    ct = clean(f" date 2023-12 {BODY}")
    assert ct.header_date == "2023-12"
    assert ct.paragraphs == [BODY]


def test_dates_resolve_against_the_publication_date() -> None:
    base = date(2024, 2, 29)
    assert find_date("ont eu une rencontre, ce mercredi 28 février, à Moscou", base).value == "2024-02-28"  # type: ignore[union-attr]
    assert find_date("a reçu hier le ministre", base).value == "2024-02-28"  # type: ignore[union-attr]
    assert find_date("s'est entretenu vendredi dernier avec", base).value == "2024-02-23"  # type: ignore[union-attr]
    assert find_date("le 26 décembre", base).value == "2023-12-26"  # type: ignore[union-attr]
    d = find_date("prévue pour novembre 2024", base)
    assert d is not None and (d.value, d.precision) == ("2024-11", "month")
    assert find_date("sans date du tout", base) is None


def test_unga_session_dates_to_september() -> None:
    s = "En marge de la 78ème session de l'Assemblée générale des Nations unies, le ministre a rencontré"
    assert session_year(s) == 2023
    d = find_date(s, None, session_year(s))
    assert d is not None and (d.value, d.precision) == ("2023-09", "month")
    assert find_date("Lors de la 79e session, le 26 septembre, il a vu", None, 2024).value == "2024-09-26"  # type: ignore[union-attr]


def test_publication_date_sources() -> None:
    assert publication_date("Publié lundi 19 juin 2023 à 05:48", None, "") == "2023-06-19"
    assert publication_date(None, "https://example.org/2023/12/10/titre", "") == "2023-12-10"
    assert publication_date(None, None, "Publié le samedi 9 septembre 2023 | aBamako.com\ntexte") == "2023-09-09"


def test_agency_dateline_is_cut_and_dates_the_page() -> None:
    ct = clean(f"Titre de la dépêche\n\nNiamey, 6 déc. 2023 (ANP) – {BODY}")
    assert ct.paragraphs == ["Titre de la dépêche", BODY]
    assert ct.wire_dateline == "Niamey, 6 déc. 2023 (ANP) –"
    assert dateline_day(ct.wire_dateline) == "2023-12-06"
    assert split_dateline(f"MOSCOU, 16 janvier 2024. /TASS/. {BODY}") == ("MOSCOU, 16 janvier 2024. /TASS/.", BODY)
    assert split_dateline(f"ALGER - {BODY}")[0] == "ALGER -"
    assert split_dateline(BODY) == (None, BODY)


def test_dated_pipe_line_is_a_byline() -> None:
    ct = clean(f"Titre\n\nAlwihda Info | Par Abakar Mahamat - 17 Octobre 2024\n\n{BODY}")
    assert ct.paragraphs == ["Titre", BODY]
    assert "Abakar Mahamat" in ct.bylines


def test_two_teasers_inside_the_story_keep_the_story_between_them() -> None:
    story = " ".join(["Le ministre a ensuite rappelé les liens anciens entre le Mali et la Guinée."] * 3)
    raw = f"{BODY}\n\nLIRE AUSSI: Un titre\n\n{story}\n\nLIRE AUSSI: Un autre titre\n\nLa suite de l'article, enfin."
    assert clean(raw).paragraphs == [BODY, story, "La suite de l'article, enfin."]


def test_month_from_the_address() -> None:
    assert url_month("https://www.nigerinter.com/2024/03/niger-usa-delegation/") == "2024-03"
    assert url_month("https://example.org/article/123") is None


def test_share_button_and_photo_credit_above_the_story_do_not_cut_it() -> None:
    raw = f"Accueil\nPartager\nMali : une audience au palais\n© Journal du Sahel - mardi 5 mars 2024\n{BODY}\nPartager"
    ct = clean(raw)
    assert BODY in ct.paragraphs, "a footer marker cuts the article only once its running text has begun"
    assert not any(p.startswith(("Partager", "©")) for p in ct.paragraphs)


def test_a_span_of_days_dates_the_first_day() -> None:
    base = date(2024, 9, 1)
    first = find_date("le sommet qui s'est tenu du 5 au 6 juillet 2024 à Niamey", base)
    assert first is not None and first.value == "2024-07-05"
    found = find_date("au sommet tenu les 27 et 28 juillet derniers", base)
    assert found is not None and found.value == "2024-07-27"


def test_photo_credit_under_a_headline_that_reads_as_a_sentence_does_not_cut_the_story() -> None:
    # the aBamako layout: headline (here ending like a sentence), "Publié le ... | source", then the photo
    # credit "© <outlet> par <photographer>" and its caption, then the story
    headline = "Diplomatie : le ministre reçoit l'ambassadeur du Ghana, « un partenaire de longue date »"
    credit = "Publié le mardi 5 mars 2024 | aBamako.com\n© aBamako.com par AS\nLe ministre et son hôte"
    raw = f"{headline}\n{credit}\n{BODY}"
    assert clean(raw).paragraphs[-1] == BODY


def test_copyright_footer_after_the_story_still_ends_it() -> None:
    story = " ".join([BODY] * 3)  # a story paragraph of more than 35 words
    raw = f"Mali : une audience au palais\n{story}\n© Journal du Sahel 2024, tous droits réservés\n{BODY}"
    assert clean(raw).paragraphs == ["Mali : une audience au palais", story]
