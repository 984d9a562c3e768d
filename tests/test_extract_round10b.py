"""Round 10b (issue 14), meeting types: which general French construction gives a contact its type. One test per
construction on an invented text; the extraction tests send every text through the whole pipeline."""

from __future__ import annotations

from extraction_text import run
from spacy.language import Language

from ingest.meetings import meeting_cue


def _type(sentence: str) -> str | None:
    found = meeting_cue(sentence)
    return found[0] if found else None


def test_a_visit_named_as_the_circumstance_gives_way_to_the_talk_verb() -> None:
    # "Lors d'une visite ..., X a rencontré Y", "Y, en visite de travail": the talk is the contact
    assert _type(
        "Lors d'une visite officielle à Lomé, le ministre Moussa Keita a rencontré son homologue togolais."
    ) == ("bilateral_meeting")
    # a time adverbial or a quantity before the talk noun
    assert (
        _type(
            "Le président Paul Mensah a eu un entretien samedi, avec le Premier ministre malien, en visite de "
            "travail à Accra."
        )
        == "bilateral_meeting"
    )
    assert _type("En visite au Niger, le ministre malien a eu une série d'entretiens avec son homologue.") == (
        "bilateral_meeting"
    )
    # the visit itself, with no talk told: a visit
    assert _type("Le ministre malien a effectué une visite officielle à Lomé le 3 mars.") == "visit"


def test_talks_during_a_visit_are_one_bilateral_meeting(nlp: Language) -> None:
    x = run(
        "Lors d'une visite officielle à Lomé, le ministre malien des Affaires étrangères, Moussa Keita, a rencontré "
        "le mercredi 13 mars 2024 son homologue togolais, Kodjo Amegan."
    )
    assert [m.type for m in x.meetings] == ["bilateral_meeting"]


def test_a_courtesy_call_on_an_official_is_an_audience() -> None:
    # a courtesy call paid on someone, at his office: an audience
    assert _type("L'ambassadeur du Ghana était venu rendre une visite de courtoisie au chef de l'État.") == "audience"
    assert (
        _type("L'ambassadrice d'Allemagne effectuait une visite de courtoisie chez le Premier ministre.") == "audience"
    )
    # a courtesy visit coordinated with a trip kind, to a city: a visit
    assert _type("Le président ghanéen a effectué une visite de courtoisie et de travail à Bamako, jeudi.") == "visit"


def test_a_courtesy_call_is_typed_audience_in_an_article(nlp: Language) -> None:
    x = run(
        "L'ambassadeur du Ghana au Mali, Kwame Boateng, était venu rendre une visite de courtoisie le mercredi 13 "
        "mars 2024 au Premier ministre malien, Abdoulaye Maïga."
    )
    assert [m.type for m in x.meetings] == ["audience"]


def test_a_message_handed_over_in_a_reception_or_talk_keeps_that_contact_type() -> None:
    # the reception or the talk is the contact told, the message its content
    assert _type("Le président Kofi Mensah a reçu hier le ministre malien, qui lui a remis un message de Bamako.") == (
        "audience"
    )
    assert _type("Le ministre s'était entretenu jeudi avec son homologue et lui avait remis un message.") == (
        "bilateral_meeting"
    )
    # a document handed over with no other contact told: `other` (annotation guidelines)
    assert _type("Le ministre ghanéen a remis un message du président Mahama au président malien.") == "other"


def test_a_call_at_an_officials_office_is_an_audience() -> None:
    # a move to an official's office or residence: a call on him
    assert _type("Il s'est rendu d'abord chez le ministre de la Culture, Awa Diarra, le jeudi 26 mai.") == "audience"
    assert _type("La délégation s'est rendue au palais de Koulouba pour rencontrer le président.") == "audience"
    # a move to a city is a trip; talks told at the office are not a plain call
    assert _type("Le ministre ghanéen s'est rendu à Bamako lundi.") == "visit"
    assert _type("Le président s'est rendu au palais royal, où il s'est entretenu avec le roi.") != "audience"


def test_a_reception_on_arrival_is_the_welcome_of_a_visit() -> None:
    # received on arrival, at the airport: the welcome of a visit
    assert _type(
        "Le ministre ghanéen est arrivé mardi à Bamako, où il a été reçu à son arrivée par son homologue."
    ) == ("visit")
    assert _type("Le président a été reçu au pavillon d'honneur de l'aéroport par le préfet.") == "visit"
    # an audience said as such, or a reception elsewhere, stays an audience
    assert _type("Le ministre a été reçu en audience à son arrivée par le président.") == "audience"
    assert _type("Le ministre ghanéen a été reçu par le président au palais de Koulouba.") == "audience"


def test_an_airport_told_before_another_reception_is_not_its_place() -> None:
    # the talk at the airport is one step, the reception at the palace another: still an audience
    assert (
        _type(
            "Après un tête-à-tête au salon d'honneur de l'aéroport, la délégation s'est dirigée vers le palais où "
            "elle a été reçue par le président."
        )
        == "audience"
    )
    # the arrival opening the sentence is the reception's
    assert _type("À sa descente d'avion, le président ghanéen a été reçu par son homologue malien.") == "visit"
