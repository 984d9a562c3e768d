"""Round 12 (issue 14), names: a name the NER split in two spans is one, and a word the NER took in before a name
is no given name. One test per general French construction."""

from __future__ import annotations

from ingest.analyse import _first_given_name
from ingest.article import Ent
from ingest.resolve import clean_name


def test_a_name_split_in_two_spans_is_one() -> None:
    # "Mme Mary" + "Beth Léonard", "Nassirou" (taken for an organisation) + "Arifari Bako": only a space between
    assert _first_given_name(Ent("Mme Mary", "PER", "", 0, 8), " ", "L'ambassadrice, ")
    assert _first_given_name(Ent("Nassirou", "ORG", "", 0, 8), " ", "Le député béninois ")
    assert not _first_given_name(Ent("Macky Sall", "PER", "", 0, 10), ", ", "")  # a list
    assert not _first_given_name(Ent("CEDEAO", "ORG", "org:cedeao", 0, 6), " ", "")  # a known body
    assert not _first_given_name(Ent("UNICEF", "ORG", "", 0, 6), " ", "")  # an acronym
    # a noun after an article or a preposition: "le secrétaire général de la Présidence Ahmed Ould Bah"
    assert not _first_given_name(Ent("Présidence", "ORG", "", 0, 10), " ", "le secrétaire général de la ")


def test_a_place_demonym_or_portfolio_before_a_name_is_no_given_name() -> None:
    assert clean_name("Congolais Denis Sassou Nguesso") == "Denis Sassou Nguesso"
    assert clean_name("Afrique Mme Bintou Kéïta") == "Bintou Kéïta"
    assert clean_name("Coopération Alexander De Croo") == "Alexander De Croo"
    assert clean_name("Roi Salman Bin Abdul Aziz Al Saoud") == "Salman Bin Abdul Aziz Al Saoud"
    assert clean_name("Très Honorable David Johnston") == "David Johnston"
    assert clean_name("Florence Parly") == "Florence Parly"  # a two-word name keeps a first name that is a city
