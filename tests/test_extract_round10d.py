"""Round 10d (issue 14), dates. One test per general French construction on an invented text; the extraction
tests send every text through the whole pipeline."""

from __future__ import annotations

from datetime import date

from extraction_text import meetings_of, run
from spacy.language import Language

from ingest.dates import EventDate, date_after, dispatch_date, find_date
from ingest.wire import dateline_day_month


def test_a_dispatch_line_without_year_gives_its_day_and_month() -> None:
    assert dateline_day_month("Bamako, le 10 avril (AMAP)") == (10, 4)
    assert dateline_day_month("NIAMEY, 25 Fév (ANP) –") == (25, 2)
    assert dateline_day_month("Alger, 16 janv (AMAP)") == (16, 1)
    assert dateline_day_month("Bamako, 12 mars 2025 (AMAP) –") is None  # a full day: the publication date
    assert dateline_day_month("ALGER —") is None


def test_a_bare_weekday_is_the_dispatch_day_of_the_year_it_falls_on() -> None:
    # 10 April is a Thursday in 2025 (and 2014); the latest such year up to today, or the first from the latest
    # year the article prints, or within the actors' terms of office
    assert dispatch_date("Le ministre a reçu en audience, jeudi après-midi, l'ambassadeur.", (10, 4)).value == (
        "2025-04-10"
    )
    assert dispatch_date("Le ministre a reçu, jeudi, l'ambassadeur.", (10, 4), year_floor=2014).value == "2014-04-10"
    office = (date(2013, 9, 4), date(2020, 8, 18))
    assert dispatch_date("Il a été reçu, lundi, par le président.", (19, 2), office=office).value == "2018-02-19"
    # an earlier weekday, a stay's start, a noun's day or a date of the sentence's own: not the dispatch day
    assert dispatch_date("Le ministre, reçu vendredi dernier, a déclaré ...", (10, 4)) is None
    assert dispatch_date("Le ministre séjourne à Dakar depuis mardi.", (10, 4)) is None
    assert dispatch_date("Il a été reçu lundi 3 mars par le président.", (10, 4)) is None
    assert dispatch_date("Le ministre a reçu l'ambassadeur.", (10, 4)) is None


def test_an_undated_agency_story_dates_its_contact_by_the_dispatch_day(nlp: Language) -> None:
    x = run(
        "Bamako, le 23 mai (AMAP) Le ministre malien des Affaires étrangères, Abdoulaye Diop, a reçu en audience, "
        "ce vendredi, l'ambassadeur du Ghana au Mali, Kwame Mensah, venu lui présenter ses voeux de coopération.",
        published=None,
    )
    assert [m.date for m in meetings_of(x, "audience")] == ["2025-05-23"]  # 23 May 2025 is a Friday


def test_the_next_contact_of_a_series_takes_the_day_of_the_one_before() -> None:
    # "Le ministre a ensuite reçu ...": the same day as the contact told before; an additive "a également reçu"
    # or a sentence with no series word takes nothing
    tuesday = EventDate.of(date(2025, 11, 25))
    assert date_after("le ministre a ensuite reçu l'ambassadeur de palestine.", tuesday) == tuesday
    assert date_after("il a ensuite été reçu en audience par le président.", tuesday) == tuesday
    assert date_after("il a été également reçu par le président.", tuesday) is None
    assert date_after("le ministre a reçu l'ambassadeur de palestine.", tuesday) is None


def test_a_contact_told_next_in_a_day_of_audiences_is_dated_by_the_first(nlp: Language) -> None:
    # another host, so not by a shared participant: by "ensuite"
    x = run(
        "Le Premier ministre malien, Moussa Mara, a reçu en audience le mardi 25 novembre 2025 l'ambassadeur du "
        "Canada au Mali, Paul Martin.\n\n"
        "Le ministre malien des Affaires étrangères, Abdoulaye Diop, a ensuite reçu en audience l'ambassadeur de "
        "l'État de Palestine au Mali, Hassan Khalil.",
        published=None,
    )
    assert [m.date for m in meetings_of(x, "audience")] == ["2025-11-25", "2025-11-25"]


def test_the_day_someone_took_office_or_died_does_not_date_the_contact() -> None:
    # "investi le 12 avril", "nommé le 5 mars", "décédé le 2 janvier": the day of that event; the contact is told
    # by its own words ("jeudi") or by none
    thursday = date(2012, 5, 3)
    text = "Le président par intérim, investi le 12 avril, s'est entretenu jeudi à Dakar avec le président sénégalais."
    assert find_date(text, thursday).value == "2012-05-03"
    assert find_date("Le ministre, nommé le 5 mars, a reçu l'ambassadeur de France.", thursday) is None
    assert find_date("Le fils du président, décédé le 2 janvier, a été inhumé.", thursday) is None
    assert find_date("Le président a reçu le 12 avril l'ambassadeur de France.", thursday).value == "2012-04-12"


def test_a_weekday_that_falls_a_year_later_corrects_a_new_year_slip() -> None:
    # "mercredi 4 janvier 2022" on a page of 5 January 2023: 4 January 2022 was a Tuesday, 4 January 2023 a
    # Wednesday; a weekday that fits its printed year, or a year later only after publication, keeps the year
    assert find_date("Il a été reçu, mercredi 4 janvier 2022, par le président.", date(2023, 1, 5)).value == (
        "2023-01-04"
    )
    assert find_date("Il a été reçu, mercredi 4 janvier 2023, par le président.", date(2023, 1, 5)).value == (
        "2023-01-04"
    )
    assert find_date("Il a été reçu, mercredi 4 janvier 2022, par le président.", date(2022, 1, 5)).value == (
        "2022-01-04"
    )
