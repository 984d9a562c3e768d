"""Round 5 (issue 14): contacts no candidate reached, one test per general French construction on an invented
sentence (detection and gates). spaCy is loaded once; every text goes through the whole extraction."""

from __future__ import annotations

from extraction_text import run
from spacy.language import Language

from ingest.clean import clean


def test_telephone_as_the_medium_after_a_time_adverbial_is_a_call(nlp: Language) -> None:
    x = run(
        "Les présidents ghanéen Nana Akufo-Addo et malien Assimi Goïta ont tenu une discussion mardi via téléphone "
        "pour évoquer la coopération entre leurs deux pays."
    )
    (call,) = x.meetings
    assert call.type == "phone_call"
    assert set(call.states) == {"GHA", "MLI"}
    assert call.date == "2024-03-12"


def test_a_telephone_discussion_noun_is_a_call(nlp: Language) -> None:
    x = run(
        "Le président Assimi Goïta et Vladimir Poutine ont eu le 12 mars une discussion téléphonique sur la sécurité."
    )
    (call,) = x.meetings
    assert call.type == "phone_call" and set(call.states) == {"MLI", "RUS"}


def test_effectuer_une_visite_with_the_date_between_verb_and_noun_is_a_visit_to_the_place_state(
    nlp: Language,
) -> None:
    x = run(
        "Le ministre chinois des Affaires étrangères, Wang Yi, a effectué le mardi 12 mars une visite de 24 h à Bamako."
    )
    (visit,) = x.meetings
    assert visit.type == "visit"
    assert set(visit.states) == {"CHN", "MLI"}, "no host named: the visitor's state and the state of the capital"
    assert visit.hosts == ["MLI"] and visit.date == "2024-03-12"


def test_title_repeated_as_the_lead_sentence_is_running_text() -> None:
    lead = "Le ministre ghanéen a rencontré le président malien à Bamako pour parler de la sécurité"
    ct = clean(f"{lead}\n{lead}.\nLes deux parties ont ensuite signé un accord de coopération dans la santé.")
    assert ct.paragraphs[0] == lead + ".", "the repeated title is the story's first sentence, kept once"
    assert len(ct.paragraphs) == 2


def test_a_joint_commission_session_closed_names_its_states_as_parties(nlp: Language) -> None:
    x = run(
        "Les travaux de la 4e session de la commission mixte de coopération Sénégal-Mali ont été clôturés mardi "
        "12 mars 2024 à Dakar."
    )
    (session,) = x.meetings
    assert session.type == "joint_commission"
    assert set(session.states) == {"SEN", "MLI"} and session.participants == []
    assert session.date == "2024-03-12"


def test_a_summit_of_an_organisation_that_took_place_is_a_gathering_of_its_members(nlp: Language) -> None:
    x = run(
        "Selon les analystes, le deuxième sommet des chefs d'État de l'AES, qui s'est tenu du 5 au 6 mars 2024 à "
        "Bamako, a confirmé cette orientation."
    )
    (summit,) = x.meetings
    assert summit.type == "multilateral"
    assert set(summit.states) == {"MLI", "BFA", "NER"}
    assert summit.date == "2024-03-05", "a gathering over several days starts on the first"


def test_a_gathering_named_in_passing_with_no_date_or_one_state_is_no_meeting(nlp: Language) -> None:
    x = run(
        "Il a plaidé pour relancer la commission mixte Sénégal-Mali, qui a tenu sa dernière réunion à Dakar. "
        "Le sommet de Lomé s'est ouvert le 12 mars 2024."
    )
    assert x.meetings == []


def test_a_head_title_alone_is_not_the_foreign_counterpart_named_with_it(nlp: Language) -> None:
    x = run(
        "La Russie renforce sa présence en Afrique, selon la Russie. La Russie et le président russe Vladimir "
        "Poutine soutiennent le Mali. Le président de la Transition, le colonel Assimi Goïta, était au sommet "
        "Russie-Afrique de Saint-Pétersbourg. Le chef de l'État a eu le 27 juillet un tête-à-tête avec son "
        "homologue russe, Vladimir Poutine.",
        published="2023-08-01",
    )
    (talk,) = [m for m in x.meetings if "vladimir-poutine" in m.participants]
    assert "assimi-goïta" in talk.participants, "the title names Mali's head of state, not the Russian one"
    assert set(talk.states) == {"MLI", "RUS"} and talk.date == "2023-07-27"


def test_a_head_title_alone_as_one_party_of_entre_is_the_home_holder(nlp: Language) -> None:
    x = run(
        "Le président de la Transition, le colonel Assimi Goïta, a décoré le 12 mars des militaires à Bamako. "
        "Le même jour, plusieurs sujets étaient au menu des échanges entre le chef d'État et le ministre des "
        "Affaires étrangères de la Fédération de Russie, Sergueï Lavrov."
    )
    (talk,) = x.meetings
    assert {"assimi-goïta", "sergueï-lavrov"} <= set(talk.participants)
    assert set(talk.states) == {"MLI", "RUS"}


def test_remarks_made_during_a_meeting_with_a_counterpart_report_that_meeting(nlp: Language) -> None:
    x = run(
        "Le ministre ghanéen des Affaires étrangères, Samuel Okudzeto Ablakwa, a fait ces remarques le 12 mars lors "
        "d'une rencontre avec Choguel Kokalla Maïga, Premier ministre du Mali."
    )
    (talk,) = x.meetings
    assert talk.type == "bilateral_meeting"
    assert "choguel-kokalla-maïga" in talk.participants and set(talk.states) == {"GHA", "MLI"}


def test_a_joint_commission_with_its_field_between_noun_and_adjective(nlp: Language) -> None:
    x = run(
        "La commission économique mixte entre le Mali et le Sénégal s'est tenue le 12 mars à Dakar, en présence "
        "du ministre Abdoulaye Diop et de son homologue sénégalais Yassine Fall."
    )
    (session,) = x.meetings
    assert session.type == "joint_commission" and set(session.states) == {"MLI", "SEN"}


def test_a_gathering_held_as_a_participle_is_multilateral(nlp: Language) -> None:
    x = run(
        "Le ministre Abdoulaye Diop s'exprimait lors d'une réunion ministérielle de concertation, mardi 12 mars à "
        "Rabat, tenue à l'initiative du ministre marocain des Affaires étrangères, Nasser Bourita."
    )
    (gathering,) = x.meetings
    assert gathering.type == "multilateral"
    assert {"MLI", "MAR"} <= set(gathering.states)


def test_an_opening_summit_in_the_imperfect_with_inverted_subject_is_multilateral(nlp: Language) -> None:
    x = run(
        "Au moment où Niamey plongeait dans l'inconnu, s'ouvrait le 12 mars à Accra le sommet de la CEDEAO, en "
        "présence du colonel Assimi Goïta et du président ghanéen Nana Akufo-Addo."
    )
    (summit,) = x.meetings
    assert summit.type == "multilateral" and {"MLI", "GHA"} <= set(summit.states)


def test_a_summit_named_with_states_before_its_noun_is_not_their_gathering(nlp: Language) -> None:
    x = run(
        "Objectif : raffermir la coopération entre le Mali et la Chine et mettre en œuvre les résultats du sommet "
        "de Johannesburg tenu en décembre 2015."
    )
    assert x.meetings == []


def test_a_charge_d_affaires_with_no_country_stands_for_the_embassy_state(nlp: Language) -> None:
    x = run(
        "À son arrivée dans les locaux de la représentation diplomatique, le chef de la diplomatie malienne, "
        "Abdoulaye Diop, a été accueilli par le chargé d'affaires, Kwame Boateng, le 12 mars. "
        "Dans le livre de condoléances, il a salué la mémoire de l'ancien président du Ghana, qui a marqué le Ghana."
    )
    met = [m for m in x.meetings if any(p.endswith("boateng") for p in m.participants)]
    assert met and set(met[0].states) == {"MLI", "GHA"}


def test_days_of_work_between_two_ministers_are_a_talk(nlp: Language) -> None:
    x = run(
        "La signature a eu lieu le 12 mars, à l'issue de deux jours de travail entre le ministre sénégalais de "
        "l'Intérieur, Moussa Ndiaye, et le ministre malien de la Sécurité, Daoud Aly Mohammedine."
    )
    (talk,) = x.meetings
    assert talk.type == "bilateral_meeting" and set(talk.states) == {"SEN", "MLI"}


def test_counterparts_co_chairing_a_joint_session_meet_but_co_chairs_of_a_forum_do_not(nlp: Language) -> None:
    x = run(
        "Le ministre sénégalais des Affaires étrangères, Yassine Fall, a coprésidé le 12 mars à Bamako avec son "
        "homologue malien, Abdoulaye Diop, la séance plénière du comité bilatéral."
    )
    (talk,) = x.meetings
    assert set(talk.states) == {"SEN", "MLI"}
    y = run(
        "Le forum de Dakar a été co-présidé le 12 mars par le président sénégalais et le président Emmanuel Macron."
    )
    assert y.meetings == []


def test_an_adverb_between_auxiliary_and_participle_keeps_the_contact_verb(nlp: Language) -> None:
    x = run(
        "Le vice-ministre iranien des Affaires étrangères, Mahdi Safari, a également rencontré le 12 mars le "
        "ministre malien des Affaires étrangères, Abdoulaye Diop."
    )
    (talk,) = x.meetings
    assert talk.type == "bilateral_meeting" and set(talk.states) == {"IRN", "MLI"}
    y = run("Le colonel Assimi Goïta et Vladimir Poutine se sont à nouveau entretenus le 12 mars au téléphone.")
    (call,) = y.meetings
    assert call.type == "phone_call" and set(call.states) == {"MLI", "RUS"}


def test_a_day_told_relatively_neither_takes_nor_lends_the_next_sentence_date(nlp: Language) -> None:
    x = run(
        "Le ministre ghanéen des Affaires étrangères, Samuel Okudzeto Ablakwa, a été reçu en audience par le "
        "président Assimi Goïta. Il a transmis ce jour un message du président ghanéen, rentré le 13 juillet 2025 "
        "d'un voyage en Europe.",
        published=None,
    )
    (audience,) = x.meetings
    assert audience.date != "2025-07-13", "'ce jour' is not the day printed for another event in that sentence"
    assert audience.date == "2025-07"
