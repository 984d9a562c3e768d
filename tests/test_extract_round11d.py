"""Round 11d (issue 14), dates. One test per general French construction on an invented text; the extraction
tests send every text through the whole pipeline."""

from __future__ import annotations

from datetime import date

from extraction_text import meetings_of, run
from spacy.language import Language

from ingest.dates import EventDate, date_after, find_date


def test_the_same_day_told_by_the_day_or_by_hours() -> None:
    # "Dans la même journée", "dans l'après-midi de la même journée", "Une heure plus tard": the day of the contact
    # told before; "quarante-huit heures plus tard" is another day
    friday = EventDate.of(date(2025, 9, 26))
    assert date_after("dans la même journée, la ministre a également reçu m. paul martin.", friday) == friday
    assert date_after("dans l'après-midi de la même journée, le ministre a reçu l'ambassadeur.", friday) == friday
    assert date_after("une heure plus tard, l'hôte du jour a été reçu par le président.", friday) == friday
    assert date_after("plus tard dans la journée, le ministre a rencontré le médiateur.", friday) == friday
    assert date_after("quarante-huit heures plus tard, il a rencontré le guide libyen.", friday) is None


def test_a_session_of_the_general_assembly_dates_only_the_sentence_that_names_it() -> None:
    # "en marge de la 80e session de l'Assemblée générale": September 2025 for that sentence; another sentence of
    # the page states no date of its own (the page's September is the contact's fallback, candidates.py)
    assert find_date("En marge de la 80e session de l'Assemblée générale des Nations unies.", None, 2025) == (
        EventDate("2025-09", "month")
    )
    assert find_date("Dans la même journée, la ministre a reçu M. Paul Martin.", None, 2025) is None
    assert find_date("Le vendredi 26 septembre, la ministre a reçu M. Paul Martin.", None, 2025) == (
        EventDate("2025-09-26", "day")
    )


def test_the_same_day_on_an_undated_page_about_a_general_assembly_session(nlp: Language) -> None:
    # the session's September does not hide "Dans la même journée": the day of the contact told before
    x = run(
        "En marge de la 80e session de l'Assemblée générale des Nations unies à New York, la délégation malienne a "
        "un agenda chargé.\n\n"
        "La ministre malienne de la Santé, Assa Badiallo Touré, a reçu en audience, le vendredi 26 septembre, le "
        "directeur régional de l'OMS Afrique, Mohamed Janabi. Avec le directeur de l'OMS, les échanges ont porté "
        "sur la coopération sanitaire.\n\n"
        "Dans la même journée, la ministre malienne Assa Badiallo Touré a reçu en audience le ministre canadien "
        "de la Santé, Paul Martin.",
        published=None,
    )
    dates = {m.date for m in meetings_of(x, "audience") if any("martin" in p for p in m.participants)}
    assert dates == {"2025-09-26"}


def test_a_weekday_told_before_a_span_of_days_dates_the_contact_not_the_stay() -> None:
    # "a reçu vendredi à Dakar la ministre, en mission au Sénégal du 17 au 21 novembre": the weekday is the day of
    # the audience, the span the ministerial mission's; without a weekday the span's first day stays
    sunday = date(2025, 11, 23)
    text = "Le président a reçu vendredi à Dakar la ministre malienne, en mission au Sénégal du 17 au 21 novembre."
    assert find_date(text, sunday) == EventDate("2025-11-21", "day")
    assert find_date("La ministre, en mission au Sénégal du 17 au 21 novembre, a été reçue.", sunday) == (
        EventDate("2025-11-17", "day")
    )
    text = "Arrivé hier jeudi, le vice-président a été reçu ce vendredi 8 janvier 2021 par le président."
    assert find_date(text, date(2021, 1, 8)) == EventDate("2021-01-08", "day")  # a full day, no span: as printed
