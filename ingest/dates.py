"""Dates: the publication date of a page and the date of an event mentioned in a sentence.

Explicit French dates ("mercredi 28 février", "le 26 septembre 2024", "novembre 2024") are read with a
regular expression and completed against a base date (the publication date); relative words ("hier",
"ce jeudi", "vendredi dernier", "il y a deux jours") go through dateparser with RELATIVE_BASE after the
words it does not understand ("ce", "Publié") are removed. "78e session de l'Assemblée générale" dates to
September of 1945 + 78.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import unquote

import dateparser

from core.text import fold, search_fold

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}  # fmt: skip
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_M = "|".join(MONTHS)
_W = "|".join(WEEKDAYS)
_DAY_MONTH = re.compile(rf"\b(?:(?:{_W})\s+)?(\d{{1,2}})(?:er)?\s+({_M})(?:\s+(\d{{4}}))?\b")
# A day announced or set as a limit, not the day of the news ("le 7 janvier prochain", "d'ici le 30 juin",
# "jusqu'au 31 décembre 2025"): read on folded text, it never dates the sentence's contact.
_AHEAD_BEFORE = re.compile(r"(?:\bd'ici (?:au |le |la fin )?|\bjusqu'(?:au |a |en )|\bavant le |\bau plus tard le )$")
_AHEAD_AFTER = re.compile(r"^\s+prochaine?s?\b")
# The day another event began a lasting state ("depuis sa prise de service le 14 juin 2022", "depuis sa démission, le
# 8 avril"): no day of the contact (a day right after "depuis", "à Paris depuis le 9 septembre", starts the stay or
# session itself and stays)
_SINCE_BEFORE = re.compile(r"\bdepuis (?:sa|son|ses|leur|leurs|la|l')\s*[a-z][^;.()]{0,40}$")
# The day a person took or left office, was born or died ("investi le 12 avril", "élu le 29 juillet", "nommé le 5
# mars", "décédé le 2 janvier"): the day of that event, not of the sentence's contact
_OFFICE_EVENT_BEFORE = re.compile(
    r"\b(?:investie?|(?:re)?elue?|nommee?|designee?|nee?|decedee?|assassinee?|renverse|demis|limogee?)s?"
    r"\s*,?\s*(?:le\s+|en\s+)?$"
)
# "du 5 au 6 juillet 2024", "les 27 et 28 juillet", "du lundi 4 au mercredi 6 mars": a stay or a gathering over
# several days starts on the first
_DAY_SPAN = re.compile(
    rf"\b(du|les) ((?:{_W}) )?(\d{{1,2}})(?:er)? (?:au|et) (?:(?:{_W}) )?\d{{1,2}}(?:er)?\s+(?=(?:{_M})\b)"
)
_MONTH_YEAR = re.compile(rf"\b({_M})\s+(\d{{4}})\b")
_WEEKDAY = re.compile(rf"\b(ce|cet|le|du|depuis)?\s*({_W})\b(\s+(?:dernier|passe|precedent|soir|matin|apres midi))?")
# A stay told by its first day ("séjourne depuis mercredi à Niamey pour une visite", "qui séjournait dans notre
# pays depuis mercredi"): that weekday dates the stay when the sentence names no other day
_STAY_SINCE = re.compile(r"\bsejourn\w*\b[^.;]{0,40}$")


def _weekday(s: str) -> re.Match[str] | None:
    """The first weekday of folded text that dates its news: not one after "depuis" ("à Dakar depuis samedi
    dernier, a été reçu lundi"), unless it is the only one and starts a stay ("séjourne depuis mercredi")."""
    found = list(_WEEKDAY.finditer(s))
    told = next((x for x in found if x.group(1) != "depuis"), None)
    return told or next((x for x in found if _STAY_SINCE.search(s[max(0, x.start() - 48) : x.start()])), None)


# (not the end of a span up to now: "depuis 2012 jusqu'a aujourd'hui", "jusqu'a ce jour" names no day of the news)
# ("ce matin", "cet après-midi", "ce soir": a part of the day of publication)
_RELATIVE = re.compile(
    r"(?<!jusqu'a )\b(avant hier|hier|aujourd'hui|ce matin|cet apres midi|ce soir|il y a (?:\w+) jours?"
    r"|la semaine derniere)\b"
)
_DAYS_BACK = {"aujourd'hui": 0, "ce matin": 0, "cet apres midi": 0, "ce soir": 0, "hier": 1, "avant hier": 2}
_SESSION = re.compile(r"\b(\d{2})\s*(?:e|eme|ieme)\s+session\b[^.]{0,60}\bassemblee generale\b")
_NUMERIC = re.compile(r"\b([0-3]?\d)[./]([01]?\d)[./]((?:19|20)\d\d)\b")  # day.month.year, day/month/year
_ISO_URL = re.compile(r"/(20\d\d|19\d\d)[/-](\d\d)[/-](\d\d)(?:/|-|$)")
# A compact day in an address, alone or followed by a time or a serial of the day: "/20090601/", "-20120503-",
# ",20130326111258,", "/stories/201806290596.html" (8, 12 or 14 digits, the whole digit run)
_COMPACT_URL = re.compile(r"(?<![\d])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\d{4}|\d{6})?(?![\d])")
# A day spelled out in an address slug, the first of a span: "/22-23-septembre-2013-jean-yves-...", "-5-mars-2021"
_SLUG_URL = re.compile(rf"(?<![\d])(\d{{1,2}})(?:er)?(?:-\d{{1,2}})?-({_M})-((?:19|20)\d\d)(?![\d])")


@dataclass(frozen=True)
class EventDate:
    """A resolved date and its precision ('day', 'month' or 'year')."""

    value: str
    precision: str

    @staticmethod
    def of(day: date, precision: str = "day") -> EventDate:
        value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]
        return EventDate(value, precision)

    def as_month(self) -> EventDate:
        return EventDate(self.value[:7], "month") if self.precision == "day" else self


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_iso(value: str | None) -> date | None:
    """'2024-02-29' -> date; partial or malformed values -> None."""
    if not value:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def publication_date(dateline: str | None, url: str | None, text: str) -> str | None:
    """Publication day from a 'Publié ...' line, the URL (/2023/12/10/) or a '9 septembre 2023 | Outlet' line."""
    if dateline:
        m = _DAY_MONTH.search(fold(dateline))
        if m and m.group(3):
            d = _safe_date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
            if d:
                return d.isoformat()
    if url and (d := url_date(url)) is not None:
        return d.isoformat()
    for line in text.splitlines()[:40]:
        if "|" in line:
            m = _DAY_MONTH.search(fold(line.split("|")[0]))
            if m and m.group(3):
                d = _safe_date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
                if d:
                    return d.isoformat()
    return None


def url_date(url: str) -> date | None:
    """The day an address prints: /2023/12/10/, a compact day (/20090601/, ,20130326111258, an AllAfrica story
    number 201806290596) or a day spelled out in the slug (22-23-septembre-2013); None when it prints none or a
    day after today."""
    path = search_fold(unquote(url.split("?")[0]))
    for rx, order in ((_ISO_URL, (1, 2, 3)), (_COMPACT_URL, (1, 2, 3)), (_SLUG_URL, (3, 2, 1))):
        for m in rx.finditer(path):
            y, mo, d = (m.group(i) for i in order)
            day = _safe_date(int(y), MONTHS[mo] if mo in MONTHS else int(mo), int(d))
            if day is not None and day <= date.today():
                return day
    return None


def url_month(url: str | None) -> str | None:
    """'2024-03' from an address such as https://site/2024/03/slug (crawler-free month evidence)."""
    m = re.search(r"/(20\d\d)/(0[1-9]|1[0-2])/", url or "")
    return f"{m.group(1)}-{m.group(2)}" if m else None


def session_year(sentence: str) -> int | None:
    """'78ème session de l'Assemblée générale' -> 2023 (session N opens in September of 1945 + N)."""
    m = _SESSION.search(fold(sentence))
    return 1945 + int(m.group(1)) if m else None


def bare_month(text: str, base: date | None) -> EventDate | None:
    """'en février' with no year: the latest such month not after the base date (month precision)."""
    m = re.search(rf"\ben ({_M})\b", fold(text))
    if m is None or base is None:
        return None
    month = MONTHS[m.group(1)]
    year = base.year if month <= base.month else base.year - 1
    return EventDate(f"{year:04d}-{month:02d}", "month")


def _month_end(month: str | None) -> date | None:
    """'2021-10' -> 2021-10-31 (the latest day a page dated only by its month can speak of)."""
    m = re.match(r"^(\d{4})-(\d{2})", month or "")
    if not m:
        return None
    year, mon = int(m.group(1)), int(m.group(2))
    nxt = date(year + (mon == 12), mon % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _by_weekday(day: int, month: int, weekday: int, ref: date, years: int = 8, first: int | None = None) -> date | None:
    """The latest date day/month on or before `ref` (within `years`) that falls on `weekday`; with `first`, the
    earliest such date from that year on."""
    span = range(first, ref.year + 1) if first is not None else range(ref.year, ref.year - years, -1)
    for year in span:
        d = _safe_date(year, month, day)
        if d is not None and d <= ref + timedelta(days=1) and d.weekday() == weekday:
            return d
    return None


def _bound(value: str, end: bool) -> date | None:
    """'2014' -> 2014-01-01 (or 2014-12-31 as an end), '2014-05' -> its first (or last) day, a full day as is."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2) or (12 if end else 1))
    if m.group(3):
        return _safe_date(year, month, int(m.group(3)))
    return _month_end(f"{year:04d}-{month:02d}") if end else _safe_date(year, month, 1)


def office_span(
    terms: list[list[tuple[str | None, str | None]]], today: date | None = None
) -> tuple[date, date] | None:
    """The days on which every actor of an article was in office: per actor the (since, until) of his posts
    (until None = still in office), the actor's span from his first start to his last end; an actor with a post
    of unknown start is left out. None when no actor counts or the spans do not overlap."""
    today = today or date.today()
    lo: date | None = None
    hi: date | None = None
    for posts in terms:
        starts = [_bound(s, False) if s else None for s, _ in posts]
        if not posts or any(d is None for d in starts):
            continue
        ends = [(_bound(u, True) if u else today) or today for _, u in posts]
        first, last = min(d for d in starts if d is not None), max(ends)
        lo, hi = max(lo or first, first), min(hi or last, last)
    return (lo, hi) if lo is not None and hi is not None and lo <= hi else None


def _complete(day: int, month: int, base: date) -> date | None:
    """A day and month without year: the latest such date not after the base (plus a day of slack)."""
    d = _safe_date(base.year, month, day)
    if d and d > base + timedelta(days=1):
        d = _safe_date(base.year - 1, month, day)
    return d


def find_date(
    sentence: str,
    base: date | None,
    year_hint: int | None = None,
    month_hint: str | None = None,
    year_floor: int | None = None,
    office: tuple[date, date] | None = None,
) -> EventDate | None:
    """The first date stated in a sentence, resolved against `base` (the publication date) when relative.
    Without a publication date, a day and month with no year take the year of `month_hint` (a crawler or URL
    month, "2021-10"); with a weekday ("ce jeudi 22 décembre") the latest year, up to that month, in which that
    day falls on that weekday fixes it; with no month either, the first such year from `year_floor` (the latest
    year the article prints), else the latest up to today. `office` (the days all the article's actors were in
    office, `office_span`) bounds the year of a weekday when the article prints no year: the latest such year
    within it ("lundi 23 septembre" with a minister in office from 2013 to 2014 is 2013, not the latest fitting
    year)."""
    s = _DAY_SPAN.sub(r"\1 \2\3 ", fold(sentence))
    m = next((x for x in _DAY_MONTH.finditer(s) if not _ahead(s, x.start(), x.end())), None)
    # a weekday told before a span of days ("a reçu vendredi à Dakar la ministre, en mission au Sénégal du 17 au 21
    # novembre"): the weekday is the day of the contact, the span that of a stay
    if m and base is not None and _DAY_SPAN.search(fold(sentence)) and (w := _weekday(s)) and w.end() <= m.start():
        return _relative(s, base)
    if m:
        day, month = int(m.group(1)), MONTHS[m.group(2)]
        if m.group(3):
            d = _new_year_slip(m.group(0), int(m.group(3)), month, day, base)
            return EventDate.of(d) if d else None
        if year_hint:
            d = _safe_date(year_hint, month, day)
            return EventDate.of(d) if d else None
        if base:
            d = _complete(day, month, base)
            return EventDate.of(d) if d else None
        ref = _month_end(month_hint)
        weekday = re.match(rf"({_W})\s", m.group(0))
        if weekday:
            wd = WEEKDAYS.index(weekday.group(1))
            d = None
            if ref is None and year_floor is None and office is not None:
                d = _by_weekday(day, month, wd, office[1], years=office[1].year - office[0].year + 1)
                d = d if d is not None and d >= office[0] else None
            if d is None and ref is None and year_floor is not None:
                d = _by_weekday(day, month, wd, date(min(year_floor + 7, date.today().year), 12, 31), first=year_floor)
            d = d or _by_weekday(day, month, wd, ref or date.today())
            return EventDate.of(d) if d else None
        if ref:
            d = _complete(day, month, ref)
            return EventDate.of(d) if d else None
        return None
    if (n := _NUMERIC.search(sentence)) is not None and (
        d := _safe_date(int(n.group(3)), int(n.group(2)), int(n.group(1)))
    ):
        return EventDate.of(d)  # "(13.03.2022)", "le 05/02/2025"
    m2 = _MONTH_YEAR.search(s)
    if m2:
        return EventDate(f"{int(m2.group(2)):04d}-{MONTHS[m2.group(1)]:02d}", "month")
    if base:
        rel = _relative(s, base)
        if rel:
            return rel
    if year_hint and session_year(sentence):
        return EventDate(f"{year_hint:04d}-09", "month")  # "en marge de la 78e session de l'Assemblée générale"
    return None


def _new_year_slip(told: str, year: int, month: int, day: int, base: date | None) -> date | None:
    """A full day as printed, unless its weekday does not fall on it but does a year later, not after the
    publication date ("mercredi 4 janvier 2022" on a page of 5 January 2023: the old year written in January)."""
    d = _safe_date(year, month, day)
    weekday = re.match(rf"({_W})\s", told)
    if d is None or weekday is None or d.weekday() == WEEKDAYS.index(weekday.group(1)):
        return d
    later = _safe_date(year + 1, month, day)
    if later is not None and later.weekday() == WEEKDAYS.index(weekday.group(1)) and later <= (base or date.today()):
        return later
    return d


def dated_years(sentence: str) -> list[int]:
    """The years of the full days and months a sentence prints ("26 mars 1991", "juillet 2004", "05/02/2025"),
    not of bare years ("revenir en 2027")."""
    s = fold(sentence)
    found = [int(m.group(3)) for m in _DAY_MONTH.finditer(s) if m.group(3)]
    found += [int(m.group(2)) for m in _MONTH_YEAR.finditer(s)] + [int(m.group(3)) for m in _NUMERIC.finditer(s)]
    return found


def anchored_date(sentence: str, anchor: date) -> EventDate | None:
    """On a page with no publication date, a day told without its year ("Le 20 juin, c'est au tour de ...") or
    by a bare weekday ("Jeudi en début de matinée, la délégation a eu une rencontre ...", "arrivé lundi soir")
    is read against `anchor`, a full day the article prints in a nearby sentence: the occurrence of that day and
    month, or of that weekday, nearest to the anchor (a story tells the days of one stay or one week together).
    None when the sentence tells neither."""
    s = _DAY_SPAN.sub(r"\1 \2\3 ", fold(sentence))
    m = next((x for x in _DAY_MONTH.finditer(s) if not _ahead(s, x.start(), x.end())), None)
    w = _weekday(s)
    if w is not None and w.group(1) == "du" and not s[w.end() :].lstrip().startswith("au "):
        w = None  # a noun's day ("lors du journal télévisé du mardi dernier"), not the sentence's
    if m is not None and (w is None or m.start() <= w.start()):  # the first told ("jeudi dernier ... le 5 mai")
        if m.group(3):
            return None  # a full day is read by find_date
        day, month = int(m.group(1)), MONTHS[m.group(2)]
        options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe_date(y, month, day))]
        return EventDate.of(min(options, key=lambda d: abs((d - anchor).days))) if options else None
    if w is None:
        return None
    after = (WEEKDAYS.index(w.group(2)) - anchor.weekday()) % 7
    return EventDate.of(anchor + timedelta(days=after if after <= 3 else after - 7))


def _ahead(s: str, start: int, end: int) -> bool:
    """Whether the date at s[start:end] is announced, a limit, the start of a lasting state or the day someone
    took office or died ("le 7 janvier prochain", "d'ici le 30 juin", "depuis sa prise de service le 14 juin",
    "investi le 12 avril"): no day of the news."""
    return (
        bool(_AHEAD_BEFORE.search(s[max(0, start - 20) : start]))
        or bool(_AHEAD_AFTER.match(s[end : end + 12]))
        or bool(_SINCE_BEFORE.search(s[max(0, start - 50) : start]))
        or bool(_OFFICE_EVENT_BEFORE.search(s[max(0, start - 20) : start]))
    )


def _relative(s: str, base: date) -> EventDate | None:
    """Weekdays and relative words against the base date."""
    m = _weekday(s)
    if m:
        target = WEEKDAYS.index(m.group(2))
        strict = bool(m.group(3) and m.group(3).strip() in {"dernier", "passe", "precedent"})
        delta = (base.weekday() - target) % 7
        if delta == 0 and strict:
            delta = 7
        return EventDate.of(base - timedelta(days=delta))
    m = _RELATIVE.search(s)
    if m and m.group(1) in _DAYS_BACK:
        return EventDate.of(base - timedelta(days=_DAYS_BACK[m.group(1)]))
    if m:
        settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "past"}
        parsed = dateparser.parse(m.group(1), languages=["fr"], settings=settings)
        if parsed:
            return EventDate.of(parsed.date())
    return None


# Same day as the contact reported just before: "Le même jour", "En marge du sommet", "Auparavant".
_SAME_DAY = re.compile(
    r"\ble m[êe]me jour\b|\ben marge d|\bdans la foul[ée]e\b|\b[àa] cette occasion\b|\bauparavant\b"
    r"|\bplus (?:t[ôo]t|tard) dans la journ[ée]e\b"
    # "Dans la même journée", "dans l'après-midi de la même journée", "Une heure plus tard", "deux heures plus tôt"
    r"|\bla m[êe]me journ[ée]e\b|\b(?:une|deux|trois|quelques) heures? plus (?:t[ôo]t|tard)\b"
    # a contact told within the visit or session just reported ("au cours de sa visite", "lors de sa visite
    # éclair", "pendant son séjour", "durant ce sommet")
    r"|\b(?:au cours|lors|pendant|durant)(?: de| d')? ?(?:ce|cet|cette|son|sa) "
    r"(?:sommet|visite|s[ée]jour|r[ée]union|conf[ée]rence)"
)
# Immediate past ("X vient de recevoir Y", "viennent de signer"): the contact happened on the day of publication.
JUST_DONE = re.compile(r"\b(?:vient|viennent) d(?:e |')")
# A dateline opening a paragraph ("Bamako, le 15 août 2022.", "Bamako, 23 mai 2025 Sous un ciel ..."): the day
# of the news the paragraph reports (matched on casefolded text without accents, the place capitalised in the
# original; "Le 15 août 2022, X a reçu" is no dateline: the comma must follow the place).
_PARAGRAPH_DATELINE = re.compile(
    rf"^\s*(?!le |la |les )[a-z][\w'-]+(?:[ -][a-z][\w'-]+)?,\s+(?:le\s+)?\d{{1,2}}(?:er)?\s+(?:{_M})\s+\d{{4}}\b"
)


def is_paragraph_dateline(sentence: str) -> bool:
    """Whether a sentence opens with a place and a full day ("Bamako, le 15 août 2022")."""
    return sentence.lstrip()[:1].isupper() and _PARAGRAPH_DATELINE.match(search_fold(sentence)) is not None


_NEXT_DAY = re.compile(r"\bla veille\b|\ble lendemain\b")
# The next contact of a series told after a dated one, with no day of its own ("Le ministre a ensuite reçu
# l'ambassadeur de Palestine", "il a ensuite été reçu en audience"): the same day as the contact told before (a
# day's programme). An additive "a également / aussi" is not enough: it adds a contact of another day as often.
_IN_SERIES = re.compile(r"\bensuite\b")


def date_after(low: str, last: EventDate | None) -> EventDate | None:
    """The date of a contact told after one dated `last`: 'le même jour', 'en marge de', 'auparavant', 'a
    ensuite reçu' (same day), 'la veille', 'le lendemain'; None without such words."""
    if last is None:
        return None
    if _SAME_DAY.search(low) or _IN_SERIES.search(low):
        return last
    day = parse_iso(last.value) if last.precision == "day" else None
    if day is not None and (m := _NEXT_DAY.search(low)):
        return EventDate.of(day + timedelta(days=-1 if m.group(0) == "la veille" else 1))
    return None
