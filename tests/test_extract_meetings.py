"""Resolution, roles and meetings on short French sentences written for the tests (spaCy loaded once)."""

from __future__ import annotations

from extraction_text import run
from spacy.language import Language

from ingest.analyse import analyse


def test_people_are_grouped_and_titles_stripped(nlp: Language) -> None:
    x = run(
        "Le Premier ministre, le Général de division Abdoulaye Maïga, a reçu jeudi l'ambassadeur de Chine au Mali. "
        "Le Premier ministre MAÏGA a salué la coopération."
    )
    names = [p.name for p in x.people]
    assert names == ["Abdoulaye Maïga"]
    assert "Maïga" not in names


def test_apposition_gives_the_represented_state(nlp: Language) -> None:
    x = run(
        "Le ministre des Affaires étrangères, Abdoulaye Diop, a reçu en audience mardi 12 mars 2024, "
        "Kwame Mensah Boateng, ambassadeur du Ghana au Mali."
    )
    person = next(p for p in x.people if p.name.endswith("Boateng"))
    assert person.nationality == "GHA"
    (m,) = x.meetings
    assert m.type == "audience"
    assert set(m.states) == {"MLI", "GHA"}
    assert m.date == "2024-03-12"


def test_plural_meetings_with_unnamed_ambassadors_are_split(nlp: Language) -> None:
    x = run(
        "Le ministre des Affaires étrangères, Abdoulaye Diop, a eu successivement des rencontres bilatérales, "
        "le mercredi 13 mars à Bamako, avec les ambassadeurs du Maroc et de la Türkiye."
    )
    assert sorted(sorted(m.states) for m in x.meetings) == [["MAR", "MLI"], ["MLI", "TUR"]]
    assert all(m.date == "2024-03-13" for m in x.meetings)


def test_future_events_are_not_meetings(nlp: Language) -> None:
    x = run(
        "Le président sénégalais Bassirou Diomaye Faye sera reçu en audience par le colonel Assimi Goïta. "
        "Les deux chefs d'État assisteront ensuite à un sommet prévu pour le mois prochain."
    )
    assert x.meetings == []


def test_phone_call_with_a_described_counterpart(nlp: Language) -> None:
    x = run("Le ministre Abdoulaye Diop s'est entretenu hier au téléphone avec son homologue algérien.")
    (m,) = x.meetings
    assert m.type == "phone_call"
    assert set(m.states) == {"MLI", "DZA"}
    assert m.date == "2024-03-14"


def test_communique_and_internal_meetings_are_not_meetings(nlp: Language) -> None:
    x = run(
        "Dans un communiqué publié lundi, le gouvernement du Mali a dénoncé les propos du ministre français. "
        "Le ministre Abdoulaye Diop a reçu en audience le directeur national des douanes, Moussa Koné."
    )
    assert x.meetings == []


def test_visit_takes_the_host_from_the_destination(nlp: Language) -> None:
    x = run("Le Premier ministre malien, Abdoulaye Maïga, s'est rendu au Niger le samedi 9 mars 2024.")
    (m,) = x.meetings
    assert m.type == "visit"
    assert set(m.states) == {"MLI", "NER"}
    assert m.hosts == ["NER"]


def test_frame_organisation_is_linked_not_a_meeting(nlp: Language) -> None:
    x = run(
        "En marge du sommet de l'Union africaine, le ministre Abdoulaye Diop s'est entretenu le 10 février "
        "avec son homologue russe, Sergueï Lavrov."
    )
    (m,) = x.meetings
    assert m.type == "bilateral_meeting"
    assert set(m.states) == {"MLI", "RUS"}
    assert m.organisations == ["ua"]


def test_delegation_members_named_in_the_next_sentence(nlp: Language) -> None:
    x = run(
        "Le ministre des Affaires étrangères, Abdoulaye Diop, s'est entretenu mardi avec le ministre turc des "
        "Affaires étrangères, Hakan Fidan. Le ministre turc était accompagné de l'ambassadeur de Turquie au Mali, "
        "Ahmet Yıldırım."
    )
    (m,) = x.meetings
    assert set(m.participants) == {"abdoulaye-diop", "hakan-fidan", "ahmet-yıldırım"}
    assert set(m.states) == {"MLI", "TUR"}


def test_unqualified_minister_takes_the_free_state_not_mali(nlp: Language) -> None:
    x = run(
        "La commission mixte de coopération entre le Tchad et le Qatar s'est tenue mercredi à Doha, sous la "
        "coprésidence du ministre des Affaires étrangères, Abderaman Koulamallah, et du ministre d'État du Qatar, "
        "Soltan Al-Mouraikhi."
    )
    (m,) = x.meetings
    assert m.type == "joint_commission"
    assert set(m.states) == {"TCD", "QAT"}
    assert next(p for p in x.people if p.id == "abderaman-koulamallah").nationality == "TCD"


def test_title_refers_to_the_named_holder_and_same_day(nlp: Language) -> None:
    x = run(
        "Le ministre des Affaires étrangères, Abdoulaye Diop, a reçu en audience mardi l'ambassadeur de Chine, "
        "Li Wenbin. Le même jour, le chef de la diplomatie malienne a reçu le représentant de l'Union africaine, "
        "Maman Sidikou."
    )
    first, second = x.meetings
    assert first.date == second.date == "2024-03-12"
    assert set(second.participants) == {"abdoulaye-diop", "maman-sidikou"}
    assert second.organisations == ["ua"]


def test_names_in_facility_names_are_not_people(nlp: Language) -> None:
    x = run("L'avion s'est posé à l'aéroport international président Modibo Keïta-Senou de Bamako.")
    assert x.people == []


def test_official_of_an_organisation_adds_no_state(nlp: Language) -> None:
    x = run(
        "Le Premier ministre du Qatar, Mohammed ben Abderrahmane Al Thani, a reçu en audience le 14 mars à Doha le "
        "président de la Commission de l'Union africaine, Mahmoud Ali Youssouf."
    )
    (m,) = x.meetings
    assert m.states == ["QAT"]
    assert m.organisations == ["ua"]
    assert m.place == "Doha"


def test_acronym_variants_and_case_sensitive_forms(nlp: Language) -> None:
    (sent,) = analyse(["La Cédéao et l'Onu saluent l'accord, dit la CEDEAO, mais une grenade a explosé au marché."])
    idents = [e.ident for e in sent.ents]
    assert idents.count("org:cedeao") == 2
    assert "org:onu" in idents
    assert "state:GRD" not in idents  # "grenade" the weapon, not Grenada
    (sent,) = analyse(["Un accord signé au siège, un document pour un pays."])
    assert not any(e.ident.startswith("org:") for e in sent.ents)  # "au", "un" are not AU / UN


def test_credentials_of_several_ambassadors_are_separate_audiences(nlp: Language) -> None:
    x = run(
        "Le Président de la Transition, le Général d'armée Assimi Goïta, a reçu ce mardi 12 mars 2024 au palais de "
        "Koulouba les lettres de créance des nouveaux ambassadeurs de Chine, de Turquie et du Maroc."
    )
    assert sorted(sorted(m.states) for m in x.meetings) == [["CHN", "MLI"], ["MAR", "MLI"], ["MLI", "TUR"]]
    assert {m.type for m in x.meetings} == {"audience"}
    assert {m.place for m in x.meetings} == {"Bamako"}


def test_puis_celui_de_is_a_second_audience(nlp: Language) -> None:
    x = run(
        "Le ministre Abdoulaye Diop a reçu le 12 mars l'ambassadeur de Chine, Li Jian, "
        "puis celui d'Égypte, Ahmed Fouad."
    )
    assert sorted(sorted(m.states) for m in x.meetings) == [["CHN", "MLI"], ["EGY", "MLI"]]


def test_passive_reception_avant_hier_and_summons_by_a_ministry(nlp: Language) -> None:
    x = run("Le représentant résident du FMI, Jean Dupont, a été reçu avant-hier par le ministre Alousséni Sanou.")
    (m,) = x.meetings
    assert (m.type, m.date, m.organisations) == ("audience", "2024-03-13", ["fmi"])
    x = run(
        "L'ambassadeur des États-Unis au Niger a été convoqué mardi par le ministère nigérien des Affaires étrangères."
    )
    (m,) = x.meetings
    assert (m.type, sorted(m.states)) == ("other", ["NER", "USA"])


def test_signature_in_person_is_a_contact_but_not_an_old_agreement(nlp: Language) -> None:
    x = run(
        "Le ministre Sadio Camara et son homologue russe Andreï Belooussov ont signé mardi à Moscou un accord "
        "de coopération militaire."
    )
    (m,) = x.meetings
    assert (m.type, m.place, sorted(m.states)) == ("other", "Moscou", ["MLI", "RUS"])
    assert run("Le Mali a signé en 2015 un accord de paix avec les groupes armés.").meetings == []


def test_phone_call_has_no_place(nlp: Language) -> None:
    x = run(
        "Le président russe Vladimir Poutine a eu mercredi une conversation téléphonique avec le président de la "
        "Transition, le général Assimi Goïta, a indiqué le Kremlin."
    )
    (m,) = x.meetings
    assert (m.type, m.place) == ("phone_call", None)


def test_unqualified_host_of_an_audience_belongs_to_the_place(nlp: Language) -> None:
    x = run(
        "Le ministre de la Défense nationale, Hanena Ould Sidi, a reçu jeudi dans son bureau à Nouakchott l'attaché "
        "de défense près l'ambassade de France, le colonel Jérôme Lefèvre."
    )
    (m,) = x.meetings
    assert sorted(m.states) == ["FRA", "MRT"]
    assert m.hosts == ["MRT"]


def test_name_in_apposition_to_a_title_is_a_person(nlp: Language) -> None:
    x = run(
        "Le ministre Abdoulaye Diop a convoqué mercredi l'ambassadeur d'Algérie au Mali, El Haouès Riache, pour "
        "protester contre des rencontres organisées à Alger."
    )
    assert "El Haouès Riache" in [p.name for p in x.people]


def test_enumerated_ambassadors_named_or_not_are_separate_meetings(nlp: Language) -> None:
    x = run(
        "Le Premier ministre Abdoulaye Maïga a eu successivement des rencontres bilatérales, lundi 11 mars 2024, "
        "avec les ambassadeurs d'Iran, Majid Hosseini, d'Afrique du Sud et d'Allemagne, Andreas Schneider."
    )
    assert sorted(sorted(m.states) for m in x.meetings) == [["DEU", "MLI"], ["IRN", "MLI"], ["MLI", "ZAF"]]
    assert next(p for p in x.people if p.name == "Andreas Schneider").nationality == "DEU"


def test_delivered_message_and_teaser_after_share_this(nlp: Language) -> None:
    x = run(
        "L'ambassadeur de Chine au Mali, Liu Wei, a remis ce mardi au ministre Abdoulaye Diop un message écrit du "
        "président chinois.\n\nShare this:\n\nLire aussi : Le ministre russe Sergueï Lavrov reçu hier à Bamako par "
        "Abdoulaye Diop."
    )
    (m,) = x.meetings
    assert (m.type, sorted(m.states)) == ("other", ["CHN", "MLI"])
    assert "sergueï-lavrov" not in [p.id for p in x.people]
