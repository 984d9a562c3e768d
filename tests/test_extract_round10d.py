"""Round 10d (issue 14), dates. One test per general French construction on an invented text; the extraction
tests send every text through the whole pipeline."""

from __future__ import annotations

from datetime import date

from extraction_text import meetings_of, run
from spacy.language import Language

from ingest.dates import EventDate, date_after, find_date


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
