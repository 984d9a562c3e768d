"""Round 11a (issue 14), the participants of a found contact: who took part and who is only named. One test per
general French construction on an invented text; every text goes through the whole extraction."""

from __future__ import annotations

from extraction_text import participant_names, run
from spacy.language import Language


def test_the_inviter_of_a_visit_is_its_host(nlp: Language) -> None:
    # "a effectué une visite à Niamey à l'invitation de son homologue X": X received the visitor
    x = run(
        "Le Premier ministre malien, Moussa Diarra, a effectué le lundi 9 avril 2018 une visite de travail à Niamey "
        "à l'invitation de son homologue du Niger, M. Brigi Rafini.",
        published="2018-04-10",
    )
    (visit,) = x.meetings
    assert participant_names(x, visit.participants) == {"Moussa Diarra", "Brigi Rafini"}


def test_the_people_of_one_side_named_after_the_contact_took_part(nlp: Language) -> None:
    # "Du côté malien, le ministre X a salué ...": a side's people told apart after the contact took part in it
    x = run(
        "Le ministre algérien des Affaires étrangères, Mourad Medelci, a reçu le lundi 9 avril 2012 à Alger son "
        "homologue malien, Soumeylou Boubèye Maïga. Du côté malien, le ministre de la Défense, Yamoussa Camara, a "
        "salué la qualité des relations entre les deux pays.",
        published="2012-04-10",
    )
    (audience,) = x.meetings
    assert participant_names(x, audience.participants) == {
        "Mourad Medelci",
        "Soumeylou Boubèye Maïga",
        "Yamoussa Camara",
    }


def test_a_spokesman_reporting_the_contact_is_its_source(nlp: Language) -> None:
    # "..., a indiqué le porte-parole du ministère, X": the one who reports the contact did not take part in it
    x = run(
        "L'ambassadeur du Mali en Algérie, Nany Touré, a été reçu le jeudi 19 avril 2018 à Alger par le directeur "
        "général Afrique, Sofiane Mimouni, a indiqué le porte-parole du ministère, Abdelaziz Benali Cherif.",
        published="2018-04-20",
    )
    (audience,) = x.meetings
    assert participant_names(x, audience.participants) == {"Nany Touré", "Sofiane Mimouni"}


def test_the_co_chairs_told_after_a_session_took_part(nlp: Language) -> None:
    # "Les travaux étaient coprésidés par le ministre X et son homologue Y": the co-chairs of the session
    x = run(
        "La septième session de la commission mixte de coopération entre le Mali et la Guinée s'est tenue le jeudi "
        "17 novembre 2022 à Conakry. Les travaux étaient coprésidés par le ministre malien des Affaires étrangères, "
        "Abdoulaye Diop, et son homologue guinéen, Morissanda Kouyaté.",
        published="2022-11-18",
    )
    (session,) = x.meetings
    assert participant_names(x, session.participants) == {"Abdoulaye Diop", "Morissanda Kouyaté"}
