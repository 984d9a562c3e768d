"""Round 8c (issue 14): a gathering hosted by its venue, and the office holders of Mali since 1991 (gazetteer);
one test per general construction on an invented text. spaCy is loaded once (session fixture `nlp`)."""

from __future__ import annotations

import pytest
from extraction_text import run
from spacy.language import Language


@pytest.mark.parametrize(
    "sentence",
    [
        "Le palais des congrès de Bamako a abrité le 4 mars la 12e session de la commission mixte Mali-Niger.",
        "Le palais des congrès de Bamako a abrité, du lundi 4 au mercredi 6 mars, la 12e session de la commission "
        "mixte Mali-Niger.",
    ],
)
def test_a_gathering_hosted_by_its_venue_is_held_by_the_states_named_with_it(nlp: Language, sentence: str) -> None:
    (session,) = run(sentence).meetings
    assert session.type == "joint_commission"
    assert set(session.states) == {"MLI", "NER"}
    assert session.date == "2024-03-04"


def test_a_gathering_the_venue_will_host_is_no_meeting(nlp: Language) -> None:
    assert (
        run(
            "Le palais des congrès de Bamako abritera en mai la 12e session de la commission mixte Mali-Niger."
        ).meetings
        == []
    )


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Le président Alpha Oumar Konaré a reçu le 12 mai 1998 l'ambassadeur du Japon.", "1998-05-12"),
        ("Le chef du gouvernement, Ousmane Issoufi Maïga, a reçu le 3 mai 2005 l'ambassadeur du Japon.", "2005-05-03"),
    ],
)
def test_a_malian_office_holder_of_the_1990s_and_2000s_named_without_his_country_stands_for_mali(
    nlp: Language, sentence: str, day: str
) -> None:
    (audience,) = run(sentence, published=day).meetings
    assert set(audience.states) == {"MLI", "JPN"}
    assert audience.hosts == ["MLI"]


def test_a_talk_of_a_former_malian_prime_minister_abroad_has_mali_as_a_party(nlp: Language) -> None:
    x = run(
        "Au deuxième jour de sa visite à Alger, Diango Cissoko s'est entretenu le 16 janvier 2013 avec le Premier "
        "ministre algérien.",
        published="2013-01-17",
    )
    (talk,) = x.meetings
    assert set(talk.states) == {"MLI", "DZA"}


def test_an_incise_after_a_home_post_is_where_not_who(nlp: Language) -> None:
    x = run(
        "Le Mali et la Banque mondiale renforcent leur coopération. Le Premier ministre, en marge de sa visite à "
        "Nouakchott, a reçu en audience le 3 mars une délégation de la Banque mondiale conduite par Ousmane Diagana."
    )
    (audience,) = x.meetings
    assert "MLI" in audience.states
    assert "ousmane-diagana" in audience.participants
