"""Round 9 (issue 14), dates: on a page with no publication date, a day told without its year or by a bare
weekday is read against the full day the article prints nearby. One test per general French construction on an
invented text; the extraction tests send every text through the whole pipeline."""

from __future__ import annotations

from datetime import date

from extraction_text import meetings_of, run
from spacy.language import Language

from ingest.dates import anchored_date


def test_a_weekday_is_the_one_nearest_the_printed_day() -> None:
    # "Jeudi" told after "mercredi 13 mars 2024": the next day; "lundi soir" before a Wednesday: two days before
    wednesday = date(2024, 3, 13)
    assert anchored_date("Jeudi en début de matinée, la délégation a eu une rencontre.", wednesday).value == (
        "2024-03-14"
    )
    assert anchored_date("Le président est arrivé lundi soir à Accra.", wednesday).value == "2024-03-11"
    assert anchored_date("Le président est arrivé à Accra.", wednesday) is None


def test_a_day_without_year_takes_the_year_nearest_the_printed_day() -> None:
    # "le 20 décembre" beside "5 janvier 2025" is December 2024; "le 5 janvier" beside "3 janvier 2025" is 2025
    assert anchored_date("Le 20 décembre, le ministre a reçu X.", date(2025, 1, 5)).value == "2024-12-20"
    assert anchored_date("Le 5 janvier, le ministre a reçu X.", date(2025, 1, 3)).value == "2025-01-05"
    # a full day is find_date's; an announced day ("le 7 avril prochain") is no day of the news
    assert anchored_date("Le 5 janvier 2020, le ministre a reçu X.", date(2025, 1, 3)) is None
    assert anchored_date("Il reviendra le 7 avril prochain.", date(2025, 1, 3)) is None


def test_the_first_told_of_a_weekday_and_a_day_dates_the_sentence() -> None:
    # "a eu jeudi dernier une séance de travail ... plateforme mise en place le 5 novembre dernier": the weekday
    text = "Le ministre a eu jeudi dernier une séance de travail sur la plateforme mise en place le 5 novembre dernier."
    assert anchored_date(text, date(2014, 5, 2)).value == "2014-05-01"


def test_a_bare_weekday_on_an_undated_page_is_read_against_the_stay(nlp: Language) -> None:
    x = run(
        "La ministre ghanéenne des Affaires étrangères, Ama Boateng, est arrivée à Bamako le mercredi 13 mars "
        "2024 pour une visite officielle de deux jours.\n\n"
        "Jeudi en début de matinée, Ama Boateng a eu une rencontre bilatérale avec le ministre malien des "
        "Affaires étrangères, Abdoulaye Diop.",
        published=None,
    )
    talks = meetings_of(x, "bilateral_meeting")
    assert [m.date for m in talks] == ["2024-03-14"]


def test_a_day_without_year_on_an_undated_page_takes_the_news_year(nlp: Language) -> None:
    # the news year is the year of the latest full day printed, not of an older one ("1er juin 2013")
    x = run(
        "Le sommet de Tokyo s'est tenu du 1er au 3 juin 2013.\n\n"
        "Le 19 mars, l'ambassadeur du Japon, Kenji Tanaka, a été reçu en audience par le ministre malien des "
        "Affaires étrangères, Abdoulaye Diop.\n\n"
        "La Journée du Mali sera célébrée le 2 août 2024 à Osaka.",
        published=None,
    )
    audiences = meetings_of(x, "audience")
    assert [m.date for m in audiences] == ["2024-03-19"]


def test_a_published_page_reads_weekdays_against_its_publication_day(nlp: Language) -> None:
    # with a publication date the anchor plays no part: "jeudi" is the Thursday before Friday 15 March 2024
    x = run(
        "Le président est rentré le mercredi 6 mars 2024 d'une tournée.\n\n"
        "Jeudi, le ministre malien des Affaires étrangères, Abdoulaye Diop, a reçu en audience l'ambassadeur du "
        "Japon, Kenji Tanaka."
    )
    audiences = meetings_of(x, "audience")
    assert [m.date for m in audiences] == ["2024-03-14"]


def test_a_stay_told_since_a_weekday_starts_on_that_day(nlp: Language) -> None:
    # "séjourne depuis mercredi à Niamey pour une visite": the visit starts on Wednesday (publication Friday)
    x = run(
        "Le Premier ministre malien, Moussa Traoré, séjourne depuis mercredi dans la capitale nigérienne, Niamey, "
        "pour une visite officielle de 48 heures au Niger, à l'invitation de son homologue nigérien Ali Mahamane."
    )
    assert [m.date for m in x.meetings if m.type == "visit"] == ["2024-03-13"]
    # another day in the sentence dates the contact: "à Dakar depuis samedi dernier, a été reçu lundi"
    y = run(
        "Le ministre malien Moussa Traoré, qui séjourne à Dakar depuis samedi dernier, a été reçu lundi par le "
        "président sénégalais Bassirou Diomaye Faye."
    )
    assert [m.date for m in y.meetings] == ["2024-03-11"]


def test_a_part_of_today_is_the_publication_day(nlp: Language) -> None:
    # "a reçu, ce matin, ...", "cet après-midi", "ce soir": the day of publication (Friday 15 March 2024)
    x = run(
        "Le Premier ministre algérien, Karim Benali, a reçu, ce matin, son homologue malien, Moussa Traoré, pour "
        "un entretien à Alger."
    )
    assert [m.date for m in x.meetings] == ["2024-03-15"]


def test_a_joint_commission_dated_where_first_named_dates_its_parties(nlp: Language) -> None:
    # the session is dated in the lead without its parties; the co-chairs are named three sentences later
    x = run(
        "Les travaux de la 9e session de la grande commission mixte de coopération Guinée-Mali ont été lancés ce "
        "mercredi 13 mars 2024 à Conakry.\n\n"
        "Plusieurs délégations techniques ont pris part à la cérémonie d'ouverture.\n\n"
        "Les experts des deux pays ont examiné les projets en cours.\n\n"
        "L'on notait la présence des ministres malien et guinéen des Affaires étrangères, Abdoulaye Diop et "
        "Morissanda Kouyaté, coprésidents de la commission mixte.",
        published=None,
        url="https://example.org/2024/03/commission-mixte",
    )
    sessions = meetings_of(x, "joint_commission")
    assert [m.date for m in sessions] == ["2024-03-13"]


def test_a_noun_s_weekday_is_not_read_against_the_anchor() -> None:
    # "lors du journal télévisé du mardi dernier": the day of the broadcast, not of the sentence's contact
    text = "Dans le cadre de la visite, l'ambassadeur, lors du journal télévisé du mardi dernier, a affirmé cela."
    assert anchored_date(text, date(2024, 3, 13)) is None
    # a span "du lundi au mercredi" still starts on its first day
    assert anchored_date("La visite s'est tenue du lundi au mercredi.", date(2024, 3, 13)).value == "2024-03-11"


def test_a_gathering_without_people_needs_a_day_of_its_own(nlp: Language) -> None:
    # on an undated page, "s'est achevé samedi" read against an election day two sentences later does not make a
    # summit with no named person a contact (a gathering with no date of its own is background)
    x = run(
        "Le sommet de la CEDEAO qui s'est achevé samedi à Yamoussoukro a réuni les pays de la sous-région, dont "
        "le Mali et la Côte d'Ivoire.\n\n"
        "Treize chefs d'État ont participé aux travaux.\n\n"
        "L'élection présidentielle au Mali s'est tenue le 11 août 2013.",
        published=None,
    )
    assert meetings_of(x, "multilateral") == []
