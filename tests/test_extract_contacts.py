"""Contacts on short invented French sentences, one test per construction found on real news (issue 14):
several contacts in one article, type cues, who received whom, delegation members, dates, senders and
misspelt names. spaCy is loaded once; every sentence goes through the whole extraction."""

from __future__ import annotations

from datetime import date

from extraction_text import run
from spacy.language import Language

from ingest.clean import clean
from ingest.dates import EventDate, find_date
from ingest.models import Extraction, Meeting


def with_person(x: Extraction, surname: str) -> list[Meeting]:
    ids = {p.id for p in x.people if p.name.endswith(surname)}
    return [m for m in x.meetings if ids & set(m.participants)]


# several contacts in one article


def test_visit_then_audience_with_the_head_of_state_are_two_contacts(nlp: Language) -> None:
    x = run(
        "Le Premier ministre sénégalais, Ousmane Sonko, est arrivé lundi 11 mars 2024 à Bamako pour une visite de "
        "travail. Il a été accueilli à l'aéroport par son homologue malien, Choguel Kokalla Maïga. "
        "Le chef du gouvernement sénégalais a été reçu en audience par le président de la Transition, le colonel "
        "Assimi Goïta."
    )
    (visit,) = [m for m in x.meetings if m.type == "visit"]
    (audience,) = [m for m in x.meetings if m.type == "audience"]
    assert {"ousmane-sonko", "choguel-kokalla-maïga"} <= set(visit.participants)
    assert "assimi-goïta" not in visit.participants
    assert {"ousmane-sonko", "assimi-goïta"} <= set(audience.participants)


def test_pronoun_subject_of_a_reception_is_the_visitor(nlp: Language) -> None:
    x = run(
        "Le ministre ghanéen des Affaires étrangères, Samuel Okudzeto Ablakwa, est arrivé à Bamako le 12 mars "
        "2024, accueilli à l'aéroport par le ministre Abdoulaye Diop. "
        "Ensuite il s'est rendu au palais de Koulouba où il a été reçu par le président Assimi Goïta."
    )
    (audience,) = [m for m in x.meetings if m.type == "audience"]
    assert "assimi-goïta" in audience.participants
    assert any(p.endswith("ablakwa") for p in audience.participants), "the visitor, named in the sentence before"
    assert audience.date == "2024-03-12", "the trip's day"


def test_coordinated_predicates_give_two_contacts(nlp: Language) -> None:
    x = run(
        "L'ambassadeur du Maroc au Mali, Hassan Naciri, a été reçu mardi 12 mars 2024 par le président du Conseil "
        "national de Transition, le colonel Malick Diaw, et s'est entretenu avec le ministre de la Défense, le "
        "colonel Sadio Camara."
    )
    assert len(x.meetings) == 2
    assert {frozenset(m.participants) for m in x.meetings} == {
        frozenset({"hassan-naciri", "malick-diaw"}),
        frozenset({"hassan-naciri", "sadio-camara"}),
    }


def test_successive_counterparts_introduced_by_puis_avec(nlp: Language) -> None:
    x = run(
        "Le ministre chinois des Affaires étrangères, Wang Yi, a eu mardi 12 mars 2024 des séances de travail avec "
        "son homologue malien, Abdoulaye Diop, puis avec le Premier ministre malien, Choguel Kokalla Maïga."
    )
    assert {frozenset(m.participants) for m in x.meetings} == {
        frozenset({"wang-yi", "abdoulaye-diop"}),
        frozenset({"wang-yi", "choguel-kokalla-maïga"}),
    }


# type cues


def test_audience_named_as_such_is_not_a_visit(nlp: Language) -> None:
    x = run(
        "Le nouvel ambassadeur d'Iran au Mali, Mahmoud Khani Jooyabad, a été reçu en audience mardi 12 mars 2024 "
        "par le Premier ministre Choguel Kokalla Maïga, une visite de courtoisie."
    )
    (m,) = x.meetings
    assert m.type == "audience"


def test_a_passive_reception_within_a_state_visit_is_the_visit(nlp: Language) -> None:
    x = run(
        "Le président malien Assimi Goïta a été reçu mardi 12 mars 2024 par le président Vladimir Poutine dans le "
        "cadre d'une visite d'État en Russie."
    )
    (m,) = x.meetings
    assert m.type == "visit"


def test_talks_named_as_a_noun_between_two_people(nlp: Language) -> None:
    x = run(
        "Les échanges entre le colonel Assimi Goïta et la ministre allemande Annalena Baerbock ont duré deux heures "
        "ce mercredi matin (13.03.2024) au palais présidentiel."
    )
    (m,) = x.meetings
    assert m.type == "bilateral_meeting"
    assert m.date == "2024-03-13"
    assert set(m.states) == {"MLI", "DEU"}


def test_negated_contact_is_no_meeting(nlp: Language) -> None:
    x = run(
        "Le président de la Transition, Assimi Goïta, ne se rendra pas à Accra et ne participera pas au sommet des "
        "chefs d'État de la CEDEAO, a indiqué le ministère. Le Mali n'a pas rencontré les médiateurs ghanéens."
    )
    assert x.meetings == []


# who took part


def test_delegation_members_named_further_on_join_the_visit(nlp: Language) -> None:
    x = run(
        "Le capitaine Ibrahim Traoré est arrivé mercredi 13 mars 2024 à Bamako. "
        "Il a été accueilli à l'aéroport par son homologue, le colonel Assimi Goïta. "
        "Les deux chefs d'État ont salué la solidarité entre le Burkina Faso et le Mali. "
        "Ils ont évoqué la sécurité dans la région. "
        "Le capitaine Ibrahim Traoré était accompagné du ministre de la Défense, le colonel-major Kassoum "
        "Coulibaly."
    )
    (visit,) = x.meetings
    assert {"ibrahim-traoré", "assimi-goïta", "kassoum-coulibaly"} <= set(visit.participants)
    coulibaly = next(p for p in x.people if p.name.endswith("Coulibaly"))
    assert coulibaly.nationality == "BFA", "a member goes with the one he accompanies"
    assert all("colonel" not in p.id for p in x.people)


def test_head_of_a_delegation_takes_its_demonym(nlp: Language) -> None:
    x = run(
        "Une délégation ivoirienne a été reçue mardi 12 mars 2024 par le président de la Transition, le colonel "
        "Assimi Goïta. La délégation ivoirienne était conduite par le ministre d'État Téné Birahima Ouattara."
    )
    (m,) = x.meetings
    assert any(p.endswith("ouattara") for p in m.participants)
    assert set(m.states) == {"MLI", "CIV"}


def test_the_sender_of_a_message_is_no_participant(nlp: Language) -> None:
    x = run(
        "Le président Abdourahamane Tiani a reçu en audience mardi 12 mars 2024 une délégation malienne conduite "
        "par le ministre des Mines, porteur d'un message spécial du Président malien, le Général d'armée Assimi "
        "Goïta."
    )
    assert all("assimi-goïta" not in m.participants for m in x.meetings)


def test_head_title_as_passive_agent_names_the_home_holder(nlp: Language) -> None:
    x = run(
        "Bamako, 12 mars 2024 (AMAP) - Le Premier ministre, Choguel Kokalla Maïga, a présidé le conseil de cabinet. "
        "L'ambassadrice des États-Unis au Mali, reçue mardi 12 mars 2024 par le Premier ministre, a transmis un "
        "message de coopération."
    )
    (m,) = x.meetings
    assert m.participants == ["choguel-kokalla-maïga"]
    assert set(m.states) == {"MLI", "USA"}


# names


def test_misspelt_known_name_matches_the_gazetteer(nlp: Language) -> None:
    x = run("Le ministre Abdoulaye Diop a reçu mardi 12 mars 2024 son homologue russe, Sergeï Lavrof.")
    assert {p.id for p in x.people} == {"abdoulaye-diop", "sergueï-lavrov"}


def test_misspelt_name_joins_the_other_spelling_in_the_article(nlp: Language) -> None:
    x = run(
        "La ministre allemande Marlene Schwarzkopf a été reçue mardi 12 mars 2024 par le ministre Abdoulaye Diop. "
        "Marleen Schwarzkopf a salué la coopération."
    )
    assert [p.id for p in x.people if "schwarzkopf" in p.id] == ["marlene-schwarzkopf"]


# dates


def test_day_without_year_takes_the_crawler_month_year() -> None:
    found = find_date("a convoqué le 5 octobre l'ambassadeur", None, month_hint="2021-10")
    assert found is not None and found.value == "2021-10-05"


def test_weekday_fixes_the_year_of_a_day_without_year() -> None:
    found = find_date("ce jeudi 22 décembre à Bamako", None, month_hint="2026-02")
    assert found is not None and found.value == "2022-12-22"  # 22 December was a Thursday in 2022
    floor = find_date("hier dimanche 21 mai, une visite", None, year_floor=2015)
    assert floor is not None and floor.value == "2017-05-21"  # the first fitting year from the latest printed


def test_continuing_sentence_takes_the_date_of_the_one_before(nlp: Language) -> None:
    x = run(
        "Le nouvel ambassadeur d'Iran au Mali, Mahmoud Khani Jooyabad, a fait part, lundi 11 mars, de l'intérêt "
        "de son pays pour le Sahel. Ce diplomate a été reçu en audience par le Premier ministre Choguel Kokalla "
        "Maïga."
    )
    (m,) = x.meetings
    assert m.date == "2024-03-11"


def test_hard_wrapped_text_is_rejoined() -> None:
    text = (
        "Le Ministre de la Défense et des Anciens Combattants, le Colonel Sadio\n"
        "Camara a rencontré, le jeudi 2 juin 2022 dans la salle d'audience du MDAC, le nouvel\n"
        "Ambassadeur d'Egypte au Mali, Son Excellence Tare Abdelhamid Noureldine. Cet\n"
        "entretien a porté sur la coopération militaire entre les deux pays.\n"
    )
    assert len(clean(text).paragraphs) == 1


def test_a_visit_that_returns_an_earlier_one_gives_both(nlp: Language) -> None:
    x = run(
        "Le chef de la diplomatie iranienne, Hossein Amir-Abdollahian, s'est rendu lundi 11 mars 2024 en visite de "
        "travail à Bamako, faisant suite à une visite de son homologue Abdoulaye Diop en février à Téhéran.",
    )
    dates = {m.date: m for m in x.meetings}
    assert set(dates) == {"2024-03-11", "2024-02"}
    assert dates["2024-02"].participants == ["abdoulaye-diop"]
    assert set(dates["2024-02"].states) == {"MLI", "IRN"}
    assert "abdoulaye-diop" not in dates["2024-03-11"].participants


def test_a_cut_paragraph_with_full_sentences_is_running_text(nlp: Language) -> None:
    x = run(
        "Depuis ce jeudi 14 mars, le Premier ministre malien Choguel Kokalla Maïga effectue une visite de travail "
        "au Burkina Faso. A cette occasion, il a salué la coopération. C'est une forte délégation qui a été "
        "accueillie à Ouagadougou par le chef … Lire la suite"
    )
    (m,) = x.meetings
    assert m.type == "visit"
    assert set(m.states) == {"MLI", "BFA"}


# who received whom: the foreign side with no printed country, a passive agent after a time adverbial


def test_unprinted_visitor_received_by_a_home_official_stands_for_the_other_state(nlp: Language) -> None:
    x = run(
        "Le ministre des Affaires étrangères, Karim Benslimane, a été reçu, mardi à Bamako, par le Premier "
        "ministre du Mali, Choguel Kokalla Maïga. Le Premier ministre a salué les efforts de l'Algérie. "
        "L'Algérie et le Mali partagent une longue frontière; l'Algérie est le médiateur de l'accord."
    )
    (m,) = x.meetings
    assert set(m.states) == {"DZA", "MLI"}
    assert m.hosts == ["MLI"], "the passive agent receives"


def test_passive_reception_with_a_long_time_adverbial_keeps_the_agent_as_host(nlp: Language) -> None:
    x = run(
        "Le ministre sénégalais Ousmane Diagne a été reçu en audience ce mardi 12 mars 2024 par le président "
        "malien Assimi Goïta."
    )
    (m,) = x.meetings
    assert m.type == "audience"
    assert m.hosts == ["MLI"]


# dates: a paragraph's dateline, the immediate past, a contact within the visit just told


def test_paragraph_dateline_dates_an_undated_contact_of_its_paragraph(nlp: Language) -> None:
    x = run(
        "Bamako, le 15 août 2022. Le président sénégalais Macky Sall a effectué une visite de travail à Bamako où "
        "il a été reçu par le président de la transition, le colonel Assimi Goïta.",
        published=None,
    )
    assert [m.date for m in x.meetings] == ["2022-08-15"]


def test_immediate_past_is_the_day_of_publication(nlp: Language) -> None:
    x = run(
        "Le Premier ministre malien Choguel Kokalla Maïga vient de recevoir l'ambassadeur de Russie au Mali, "
        "Igor Gromyko.",
        published="2024-03-15",
    )
    assert [m.date for m in x.meetings] == ["2024-03-15"]


def test_audience_during_the_visit_just_told_takes_its_day(nlp: Language) -> None:
    x = run(
        "Le chef de la diplomatie marocaine, Nasser Bourita, s'est rendu hier à Bamako. Lors de sa visite éclair, "
        "Bourita a été reçu en audience par le président de la transition malienne, Bah N'Daw.",
        published="2020-09-30",
    )
    (audience,) = [m for m in x.meetings if m.type == "audience"]
    assert audience.date == "2020-09-29"


# who received whom, from the dependency parse of the reception sentence (ingest/syntax.py)


def test_parse_gives_the_subject_of_an_active_reception_as_host(nlp: Language) -> None:
    x = run(
        "Le président de la République française a reçu en audience le mercredi 27 janvier 2021 "
        "le président malien Bah N'Daw.",
        published="2021-01-28",
    )
    (m,) = x.meetings
    assert m.hosts == ["FRA"]


def test_parse_gives_the_agent_of_a_participle_reception_as_host(nlp: Language) -> None:
    x = run(
        "L'ambassadeur de Turquie au Mali, Musa Kulaklıkaya, reçu ce lundi 11 mars 2024 au terme de sa mission par "
        "le ministre malien des Affaires étrangères, Abdoulaye Diop, a salué la coopération."
    )
    (m,) = x.meetings
    assert m.hosts == ["MLI"]


def test_receiver_span_ignores_adverbials_between_verb_and_agent() -> None:
    from ingest.syntax import receiver_span

    text = "Le ministre Karim Benslimane a été reçu, mardi à Bamako, par le Premier ministre du Mali, Choguel Maïga."
    start = text.index("a été reçu")
    span = receiver_span(text, start, start + len("a été reçu"))
    assert span is not None
    assert text[span[0] : span[1]].startswith("par le Premier ministre du Mali")


# several contacts in one sentence: a plural subject of several states, a name followed by its state


def test_plural_subject_of_several_states_gives_one_contact_each(nlp: Language) -> None:
    x = run(
        "Les ambassadeurs Driss Isbayen du Maroc, Tarek Noueldin de l'Égypte et Hideki Uezono du Japon ont "
        "successivement présenté le 12 mars 2024 leurs lettres de créance au chef de l'État malien, le général "
        "Assimi Goïta."
    )
    assert sorted(sorted(m.states) for m in x.meetings) == [["EGY", "MLI"], ["JPN", "MLI"], ["MAR", "MLI"]]
    assert all(m.hosts == ["MLI"] and "assimi-goïta" in m.participants for m in x.meetings)


def test_name_followed_by_its_state_stands_for_it(nlp: Language) -> None:
    x = run(
        "Le ministre Abdoulaye Diop a reçu le 12 mars 2024 l'ambassadeur Tarek Noueldin de l'Égypte et "
        "l'ambassadeur Hideki Uezono du Japon."
    )
    states = {p.id: [r.represents for r in p.roles] for p in x.people}
    assert states["tarek-noueldin"] == ["EGY"]
    assert states["hideki-uezono"] == ["JPN"]


def test_background_date_of_an_older_year_does_not_date_an_undated_contact(nlp: Language) -> None:
    x = run(
        "Le Maroc a noué des relations avec le Mali sous le président Moussa Traoré (19 novembre 1968 – 26 mars "
        "1991). A Rabat, le ministre marocain de l'Agriculture, Mohamed Sadiki, a reçu vendredi son homologue "
        "malien, Lassine Dembélé.",
        published=None,
    )
    (m,) = x.meetings
    assert m.date is None, "no date of the contact's own year is printed"


def test_official_receiving_an_ambassador_is_of_the_state_of_his_posting(nlp: Language) -> None:
    x = run(
        "L'ambassadeur du Mali en Algérie, Nany Touré, a été reçu ce jeudi 14 mars 2024 au siège du ministère "
        "des Affaires étrangères par le directeur général Afrique, Sofiane Mimouni."
    )
    (m,) = x.meetings
    assert set(m.states) == {"MLI", "DZA"}


def test_head_title_alone_names_the_articles_one_holder_when_the_home_state_is_another(nlp: Language) -> None:
    x = run(
        "L'Ambassadrice des États-Unis à Bamako, reçue ce lundi 11 mars 2024 par le Premier ministre, a transmis "
        "le message des autorités américaines. Les États-Unis restent ouverts, selon l'ambassadrice des États-Unis. "
        "Pour le Premier ministre, le général Abdoulaye Maïga, cette visite honore le Mali."
    )
    (m,) = x.meetings
    assert "abdoulaye-maïga" in m.participants
    assert set(m.states) == {"USA", "MLI"}


def test_talk_during_a_visit_named_as_circumstance_is_a_bilateral_meeting(nlp: Language) -> None:
    x = run(
        "Le général Assimi Goïta, président de la transition malienne, a rencontré le 12 mars 2024 le président "
        "russe Vladimir Poutine dans le cadre d'une visite officielle à Moscou."
    )
    (m,) = x.meetings
    assert m.type == "bilateral_meeting"


# round 4


def test_coordinated_counterparts_of_several_states_are_one_talk_each(nlp: Language) -> None:
    x = run(
        "En marge du sommet, le colonel Assimi Goïta, président de la transition malienne, s'est entretenu le "
        "12 mars 2024 avec les présidents ivoirien, Alassane Ouattara et sénégalais, Macky Sall."
    )
    talks = [m for m in x.meetings if m.type == "bilateral_meeting"]
    assert sorted(sorted(m.states) for m in talks) == [["CIV", "MLI"], ["MLI", "SEN"]]
    assert all("assimi-goïta" in m.participants and len(m.participants) == 2 for m in talks)


def test_counterpart_and_his_compatriot_are_one_talk(nlp: Language) -> None:
    x = run(
        "Le ministre malien des Affaires étrangères, Abdoulaye Diop, a rencontré le 12 mars 2024 son homologue "
        "nigérien Bakary Yaou Sangaré et le ministre nigérien de la Défense, Salifou Mody."
    )
    (m,) = x.meetings
    assert set(m.states) == {"MLI", "NER"}


def test_earlier_visits_recalled_as_a_noun_phrase_with_their_years(nlp: Language) -> None:
    x = run(
        "Le ministre marocain des Affaires étrangères, Nasser Bourita, a reçu le 12 mars 2024 à Rabat son "
        "homologue malien, Abdoulaye Diop. Le ministre marocain a rappelé les visites du roi Mohammed VI au Mali "
        "en 2013 et 2014."
    )
    recalled = sorted((m.date, tuple(sorted(m.states))) for m in with_person(x, "Mohammed VI"))
    assert recalled == [("2013", ("MAR", "MLI")), ("2014", ("MAR", "MLI"))]
    assert all(len(m.participants) == 1 for m in with_person(x, "Mohammed VI"))


def test_recalled_stay_takes_its_first_day_and_a_recent_visit_is_not_recalled(nlp: Language) -> None:
    x = run(
        "Le président Ibrahim Boubacar Keïta a reçu le 12 mars 2024 l'ambassadeur du Qatar, Ali Al-Hajri. "
        "Ce soutien fait suite à la visite effectuée à Doha par le président Keïta, du 14 au 16 mai 2017."
    )
    (old,) = [m for m in x.meetings if m.type == "visit"]
    assert old.date == "2017-05-14" and set(old.states) == {"MLI", "QAT"}
    y = run("La visite à Doha du président malien Ibrahim Boubacar Keïta, le 10 mars 2024, a été fructueuse.")
    assert len([m for m in y.meetings if m.type == "visit"]) <= 1, "the news itself is not also recalled"


def test_people_present_named_in_a_sentence_about_the_audience_join_it(nlp: Language) -> None:
    x = run(
        "Le général Abdourahamane Tiani, président du Niger, a reçu le lundi 11 mars 2024 le ministre malien "
        "Abdoulaye Maïga. Le ministre malien a remis un message du président Assimi Goïta. "
        "L'audience s'est déroulée en présence du ministre nigérien de la Défense, le général Salifou Mody."
    )
    (m,) = x.meetings
    assert {"abdourahamane-tiani", "abdoulaye-maïga", "salifou-mody"} <= set(m.participants)


def test_talk_framed_by_this_event_takes_the_day_of_the_event_told_before(nlp: Language) -> None:
    x = run(
        "Le colonel Assimi Goïta, président de la transition malienne, a assisté le jeudi 7 mars 2024 à Accra à "
        "la cérémonie d'investiture du président ghanéen. En marge de cet événement, le colonel Goïta s'est "
        "entretenu avec le président ivoirien, Alassane Ouattara."
    )
    (talk,) = [m for m in x.meetings if "alassane-ouattara" in m.participants]
    assert talk.date == "2024-03-07"


# round 5: several contacts, participants, dates, type


def test_undated_further_contact_of_the_same_person_takes_that_day(nlp: Language) -> None:
    x = run(
        "Le président nigérien, Mohamed Bazoum, a été reçu le mardi 5 mars 2024 par le président ivoirien, "
        "Alassane Ouattara, à Abidjan. Dans l'après-midi, Mohamed Bazoum a eu un entretien avec le Premier "
        "ministre ghanéen, Kwame Mensah."
    )
    talks = with_person(x, "Mensah")
    assert talks and all(m.date == "2024-03-05" for m in talks), "the day of the same person's dated contact"


def test_undated_contact_of_other_people_keeps_its_month(nlp: Language) -> None:
    x = run(
        "Le président nigérien, Mohamed Bazoum, a été reçu le mardi 5 mars 2024 par le président ivoirien, "
        "Alassane Ouattara, à Abidjan. Par ailleurs, le ministre malien Abdoulaye Diop s'est entretenu avec "
        "le ministre togolais Robert Dussey."
    )
    talks = with_person(x, "Dussey")
    assert talks and all(m.date == "2024-03" for m in talks), "no shared person: no shared day"


def test_announced_day_does_not_date_the_contact(nlp: Language) -> None:
    assert find_date("a reçu, jeudi, une invitation pour la cérémonie du 7 mars prochain", date(2024, 3, 15)) == (
        EventDate("2024-03-14", "day")
    )
    assert find_date("un accord valable jusqu'au 31 décembre 2026, signé le 4 mai 2024", None) == EventDate(
        "2024-05-04", "day"
    )
    assert find_date("la mission doit rendre son rapport d'ici le 30 juin", date(2024, 3, 15)) is None


def test_contact_named_as_the_time_reference_is_not_merged_into_the_next(nlp: Language) -> None:
    x = run(
        "Le Premier ministre malien, Choguel Kokalla Maïga, a eu un entretien le jeudi 14 mars 2024 avec le "
        "président ivoirien, Alassane Ouattara. Avant sa rencontre avec Alassane Ouattara, Choguel Kokalla Maïga "
        "a eu une séance de travail avec le Premier ministre ivoirien, Patrick Achi."
    )
    (first,) = with_person(x, "Ouattara")
    assert "patrick-achi" not in first.participants
    (second,) = with_person(x, "Achi")
    assert set(second.participants) == {"choguel-kokalla-maïga", "patrick-achi"}


def test_the_one_who_ordered_the_visit_is_not_a_participant(nlp: Language) -> None:
    x = run(
        "Sur très hautes instructions du Roi Mohammed VI, le ministre marocain des Affaires étrangères, Nasser "
        "Bourita, a été reçu le lundi 4 mars 2024 à Bamako par son homologue malien, Abdoulaye Diop."
    )
    (m,) = x.meetings
    assert set(m.participants) == {"nasser-bourita", "abdoulaye-diop"}


def test_foreign_representative_described_then_named_bare(nlp: Language) -> None:
    x = run(
        "Le président de la Transition, Assimi Goïta, a reçu le mardi 12 mars 2024 l'ambassadeur du Maroc au Mali "
        "Son excellence, Karim Benslimane."
    )
    (m,) = x.meetings
    assert set(m.participants) == {"assimi-goïta", "karim-benslimane"}
    assert set(m.states) == {"MLI", "MAR"}


def test_a_person_qualified_by_a_nationality_is_not_the_described_representative(nlp: Language) -> None:
    x = run(
        "Le ministre Abdoulaye Diop a reçu le mardi 12 mars 2024 l'ambassadeur du Maroc au Mali. "
        "La chanteuse malienne Awa Keïta animait la soirée."
    )
    assert all("awa-keïta" not in m.participants for m in x.meetings)


def test_second_contact_as_an_infinitive_after_avant_de(nlp: Language) -> None:
    x = run(
        "En marge du sommet, le président Assimi Goïta s'est entretenu le lundi 4 mars 2024 avec le président "
        "ghanéen avant de rencontrer en tête-à-tête le président russe Vladimir Poutine."
    )
    assert len(x.meetings) == 2
    ghana = [m for m in x.meetings if "GHA" in m.states]
    russia = with_person(x, "Poutine")
    assert len(ghana) == 1 and len(russia) == 1 and ghana != russia
    assert set(ghana[0].states) == {"MLI", "GHA"}
    assert set(russia[0].states) == {"MLI", "RUS"}


def test_delegation_members_listed_after_parmi_eux(nlp: Language) -> None:
    x = run(
        "Le Premier ministre malien, Choguel Kokalla Maïga, a été reçu le lundi 11 mars 2024 à Niamey par "
        "son homologue nigérien, Ali Lamine Zeine. La délégation malienne comprend une quinzaine de membres. "
        "Parmi eux, Fatoumata Sidibé, ministre de la Culture, et Moussa Diarra, ministre des Mines."
    )
    (m,) = x.meetings
    assert {"fatoumata-sidibé", "moussa-diarra"} <= set(m.participants)


def test_head_title_followed_by_its_name_is_that_person_not_the_home_holder(nlp: Language) -> None:
    x = run(
        "Le roi du Maroc, Mohammed VI, a salué la coopération. Le ministre marocain des Affaires étrangères, Nasser "
        "Bourita, a été reçu le lundi 11 mars 2024 par le président de la transition Assimi Goïta."
    )
    (m,) = x.meetings
    assert set(m.participants) == {"nasser-bourita", "assimi-goïta"}


def test_a_possessive_phrase_ends_the_states_a_role_word_represents(nlp: Language) -> None:
    x = run(
        "Le président turc Recep Tayyip Erdoğan a salué la coopération. Le président Assimi Goïta a accordé une "
        "audience, ce mercredi 13 mars 2024, à Burhanettin Duran, vice-ministre turc des Affaires étrangères. "
        "À sa sortie d'audience, le ministre turc a remis au chef d'État malien un message de son homologue turc."
    )
    assert all("recep-tayyip-erdoğan" not in m.participants for m in x.meetings), "the sender's head of state"
