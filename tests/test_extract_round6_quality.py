"""Round 6 (extract6b): the quality of contacts found (who took part, date, type), one invented short sentence per
general construction. spaCy is loaded once; every text goes through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest
from extraction_text import run
from spacy.language import Language

from ingest.dates import EventDate
from ingest.meetings import Candidate, merge
from ingest.models import Extraction


def names(x: Extraction, ids: list[str]) -> set[str]:
    by_id = {p.id: p.name for p in x.people}
    return {by_id[i].split()[-1] for i in ids}


def test_people_a_later_sentence_only_mentions_are_no_participants(nlp: Language) -> None:
    x = run(
        "Le ministre des Affaires étrangères du Sénégal, Yassine Fall, a reçu mardi 12 mars 2024 à Dakar son "
        "homologue malien, Abdoulaye Diop. A l'issue de cette rencontre, le ministre malien a dit porter un message "
        "du président Assimi Goïta au président Macky Sall."
    )
    assert len(x.meetings) == 1
    assert names(x, x.meetings[0].participants) == {"Fall", "Diop"}


def test_a_later_sentence_may_still_name_a_side_not_yet_named(nlp: Language) -> None:
    x = run(
        "Le président ghanéen, John Dramani Mahama, a effectué mardi 12 mars 2024 une visite de travail au Mali. "
        "L'entretien avec le président de la Transition, Assimi Goïta, a porté sur la sécurité."
    )
    assert len(x.meetings) == 1
    assert names(x, x.meetings[0].participants) == {"Mahama", "Goïta"}


@pytest.mark.parametrize(
    "later",
    [
        "La ministre sénégalaise de l'Intégration africaine, Aminata Touré, a pris part à l'audience.",
        "Ont pris part à cette audience côté sénégalais l'ambassadeur Aminata Touré et plusieurs conseillers.",
    ],
)
def test_people_taking_part_in_the_contact_told_before_join_it(nlp: Language, later: str) -> None:
    x = run(
        "Le président de la Transition, Assimi Goïta, a reçu en audience mardi 12 mars 2024 le ministre "
        f"sénégalais des Affaires étrangères, Yassine Fall. {later}"
    )
    assert len(x.meetings) == 1
    assert names(x, x.meetings[0].participants) == {"Goïta", "Fall", "Touré"}


@pytest.mark.parametrize(
    "announced", ["et devrait rencontrer", "et doit ensuite rencontrer", "qui compte aussi rencontrer"]
)
def test_people_of_a_contact_announced_after_the_cue_are_no_participants(nlp: Language, announced: str) -> None:
    x = run(
        "Le ministre burkinabè des Affaires étrangères, Karamoko Traoré, a rencontré mardi 12 mars 2024 à Bamako "
        f"son homologue malien, Abdoulaye Diop, {announced} le président de la Transition, Assimi Goïta."
    )
    assert len(x.meetings) == 1
    assert names(x, x.meetings[0].participants) == {"Traoré", "Diop"}


def test_a_dated_one_sided_first_mention_is_completed_by_the_next_sentence(nlp: Language) -> None:
    x = run(
        "Le ministre malien de la Défense a eu, le lundi 4 mars 2024, un entretien téléphonique avec son homologue "
        "de la République fédérale d'Allemagne. Les échanges entre le ministre et Mme Ursula Schmidt ont porté sur la "
        "coopération militaire."
    )
    assert len(x.meetings) == 1
    m = x.meetings[0]
    assert (m.type, m.date) == ("phone_call", "2024-03-04")
    assert set(m.states) == {"MLI", "DEU"}


def test_an_undated_one_sided_mention_absorbs_no_later_contact() -> None:
    def one_sided(dated: bool) -> Candidate:
        day = EventDate.of(date(2024, 3, 4)) if dated else EventDate("2024-03", "month")
        return Candidate("visit", 0, "Z effectue une visite au Mali.", ["z"], ["GIN"], party={"z": "GIN"},
                         date=day, date_is_fallback=not dated)  # fmt: skip

    def talk() -> Candidate:
        month = EventDate("2024-03", "month")
        return Candidate("audience", 1, "X a été reçu par Y.", ["x", "y"], ["GIN", "MLI"],
                         party={"x": "GIN", "y": "MLI"}, date=month, date_is_fallback=True)  # fmt: skip

    assert [(c.type, c.date) for c in merge([one_sided(True), talk()])] == [("visit", EventDate.of(date(2024, 3, 4)))]
    assert len(merge([one_sided(False), talk()])) == 2


def test_a_contact_told_again_with_one_more_member_of_a_side_is_one_contact(nlp: Language) -> None:
    x = run(
        "Le président sénégalais, Bassirou Diomaye Faye, a reçu mardi 12 mars 2024 le ministre malien des Affaires "
        "étrangères, Abdoulaye Diop. Le président Faye a reçu le ministre Diop ainsi que le ministre malien de la "
        "Défense, Sadio Camara, au palais de la République."
    )
    assert len(x.meetings) == 1
    assert names(x, x.meetings[0].participants) == {"Faye", "Diop", "Camara"}


def test_a_member_of_the_company_named_in_a_reception_is_no_new_counterpart(nlp: Language) -> None:
    x = run(
        "Le président nigérien Mohamed Bazoum a effectué mardi 12 mars 2024 une visite de travail à Bamako, où il a "
        "été accueilli par le président Assimi Goïta. "
        "A sa descente d'avion, il a été accueilli par le président de la Transition, Assimi Goïta, accompagné par "
        "le ministre des Affaires étrangères et de la Coopération internationale, Abdoulaye Diop."
    )
    assert len(x.meetings) == 1
    assert names(x, x.meetings[0].participants) == {"Bazoum", "Goïta", "Diop"}


def test_the_initiator_of_a_contact_is_no_participant(nlp: Language) -> None:
    x = run(
        "A l'initiative du président malien Assimi Goïta, le ministre malien des Affaires étrangères, Abdoulaye Diop, "
        "a reçu mardi 12 mars 2024 à Bamako l'ambassadeur de Chine au Mali, Chen Zhihong."
    )
    assert len(x.meetings) == 1
    assert names(x, x.meetings[0].participants) == {"Diop", "Zhihong"}


def test_a_gathering_told_after_a_cue_noun_referring_back_is_the_gathering(nlp: Language) -> None:
    x = run(
        "Le président de la Transition, Assimi Goïta, a reçu mardi 12 mars 2024 l'ambassadeur de Russie au Mali, "
        "Igor Gromyko. Cette audience intervient après la participation du président Goïta au sommet de l'Union "
        "africaine, tenu les 27 et 28 juillet 2023 à Addis-Abeba."
    )
    assert sorted((m.type, m.date) for m in x.meetings) == [("audience", "2024-03-12"), ("multilateral", "2023-07-27")]


def test_an_organisations_official_brings_no_state_of_his_own(nlp: Language) -> None:
    x = run(
        "Le médiateur de la Cédéao dans la crise malienne, Goodluck Jonathan, a été reçu mardi 12 mars 2024 à "
        "Bamako par le président de la Transition, Assimi Goïta."
    )
    assert len(x.meetings) == 1
    assert x.meetings[0].states == ["MLI"]
    assert names(x, x.meetings[0].participants) == {"Jonathan", "Goïta"}


def test_a_spouse_noun_and_a_facility_are_no_part_of_a_name(nlp: Language) -> None:
    x = run(
        "Le président de la République, Ibrahim Boubacar Keïta, accompagné de son Épouse Aminata Maïga, a accueilli "
        "le mardi 12 mars 2024 à l'Aéroport International Président Modibo Keita son homologue guinéen, Alpha Condé."
    )
    assert len(x.meetings) == 1
    assert names(x, x.meetings[0].participants) == {"Keïta", "Maïga", "Condé"}
    assert all(not p.name.lower().startswith(("épouse", "aéroport")) for p in x.people)


def test_a_session_of_a_standing_bilateral_committee_is_a_joint_commission(nlp: Language) -> None:
    x = run(
        "Le ministre nigérien des Affaires étrangères, Bakary Yaou Sangaré, a coprésidé mardi 12 mars 2024 à Niamey "
        "avec son homologue malien, Abdoulaye Diop, la 5e session du Comité bilatéral de coopération."
    )
    assert [m.type for m in x.meetings] == ["joint_commission"]


def test_a_former_post_stands_for_no_state(nlp: Language) -> None:
    x = run(
        "Le ministre malien des Affaires étrangères, Abdoulaye Diop, a rencontré mardi 12 mars 2024 à Bamako "
        "Kwame Mensah, ancien ministre des Affaires étrangères du Ghana, représentant spécial de l'Union africaine."
    )
    assert len(x.meetings) == 1
    assert "GHA" not in x.meetings[0].states


def test_a_state_named_in_a_relative_clause_after_a_visit_is_no_destination(nlp: Language) -> None:
    x = run(
        "Le ministre malien des Affaires étrangères, Abdoulaye Diop, s'est rendu mardi 12 mars 2024 à Moscou pour "
        "rencontrer son homologue russe, Sergueï Lavrov, qui a critiqué la politique de la France au Sahel."
    )
    assert len(x.meetings) == 1
    assert sorted(x.meetings[0].states) == ["MLI", "RUS"]


def test_a_passive_reception_inside_an_effected_visit_is_the_visit(nlp: Language) -> None:
    x = run(
        "Le président de la Transition, Assimi Goïta, a effectué une visite le mardi 12 mars 2024 à Dakar où il a été "
        "reçu par le président sénégalais, Bassirou Diomaye Faye."
    )
    assert [m.type for m in x.meetings] == ["visit"]
