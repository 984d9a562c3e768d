"""Round 11c (issue 14), recall in articles where no meeting was found. One test per general French construction
on an invented text; every text goes through the whole extraction."""

from __future__ import annotations

from extraction_text import run
from spacy.language import Language


def test_notamment_between_auxiliary_and_participle(nlp: Language) -> None:
    # "s'est notamment entretenu avec": the adverb moved after the participle, the talk verb read
    x = run(
        "Le ministre des Affaires étrangères du Sénégal, Yassine Fall, s'est notamment entretenu le mardi 12 mars "
        "2024 avec le ministre malien des Affaires étrangères, Abdoulaye Diop.",
    )
    (talk,) = x.meetings
    assert talk.type == "bilateral_meeting"
    assert set(talk.states) == {"SEN", "MLI"}


def test_a_tete_a_tete_printed_without_hyphens(nlp: Language) -> None:
    # "en tête à tête", "un tête à tête": the talk noun as often printed without its hyphens
    x = run(
        "Le président sénégalais Bassirou Diomaye Faye a vu le mardi 12 mars 2024 le président de la Transition, "
        "le colonel Assimi Goïta, en tête à tête.",
    )
    (talk,) = x.meetings
    assert talk.type == "bilateral_meeting"
    assert set(talk.states) == {"SEN", "MLI"}


def test_a_meal_offered_to_a_guest(nlp: Language) -> None:
    # "X a offert un dîner à Y", "lui a offert un déjeuner": a meal a host offers, type other
    x = run(
        "Le ministre malien des Affaires étrangères, Abdoulaye Diop, a offert un dîner, le samedi 9 mars 2024, à "
        "l'ambassadeur du Sénégal au Mali, Birama Mbagnick Diagne, en fin de mission.",
    )
    (meal,) = x.meetings
    assert meal.type == "other"
    assert set(meal.states) == {"SEN", "MLI"}


def test_an_extraordinary_conference_of_heads_of_state(nlp: Language) -> None:
    # "la Conférence extraordinaire des chefs d'État ... s'est ouverte": a gathering, as "conférence ministérielle"
    x = run(
        "Les travaux de la 3e Conférence extraordinaire des chefs d'État de l'Autorité du Liptako-Gourma se sont "
        "ouverts le mardi 12 mars 2024 à Niamey, sous la présidence du président nigérien Abdourahamane Tiani, en "
        "présence du président burkinabè Ibrahim Traoré.",
    )
    (summit,) = x.meetings
    assert summit.type == "multilateral"
    assert {"NER", "BFA"} <= set(summit.states)
