"""Agency datelines at the head of a story: "Bamako, 12 mars 2025 (AMAP) –", "MOSCOU, 16 janvier. /TASS/.",
"Nouakchott, 05/02/2025 (AMI) -", "ALGER - ", "BEIJING, 20 juin (Xinhua) --".

The dateline is page furniture: it is cut from the paragraph (its date is the publication day, not the
event's, and its abbreviations "fév." break sentence splitting) and returned for the publication date.
"""

from __future__ import annotations

import re
from datetime import date

from core.text import fold

_CITY = r"[A-ZÀ-Ý][A-Za-zÀ-ÿ'’]+(?:[ -][A-ZÀ-Ýa-zà-ÿ'’]+){0,2}"
_DATE = r"(?:le\s+)?\d{1,2}(?:er)?(?:\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}|\s+[A-Za-zéûÉÛ]{3,9}\.?(?:\s+\d{4})?)"
_AGENCY = r"(?:\((?P<agency>[A-Za-zÀ-ÿ][\w .’'-]{1,24})\)|/(?P<slash>[A-Z][A-Za-z]{1,10})/\.?)"
_DASH = r"(?:–|—|--|-|:)"
_WIRE = re.compile(rf"^(?P<city>{_CITY})\s*,\s*(?P<date>{_DATE})?\s*\.?\s*{_AGENCY}\s*{_DASH}?\s*")
_UPPER_CITY = r"[A-ZÀ-Ý]{3,}(?:[ -][A-ZÀ-Ý]{2,})*"
_BARE = re.compile(rf"^(?P<city>{_UPPER_CITY})\s*(?:,\s*(?P<date>{_DATE})\s*)?{_DASH}\s+(?=[A-ZÀ-Ý])")
_ABBREV = {
    "janv": 1, "jan": 1, "janvier": 1, "fev": 2, "fevr": 2, "fevrier": 2, "mars": 3, "avr": 4, "avril": 4, "mai": 5,
    "juin": 6, "juil": 7, "juillet": 7, "aout": 8, "sept": 9, "sep": 9, "septembre": 9, "oct": 10, "octobre": 10,
    "nov": 11, "novembre": 11, "dec": 12, "decembre": 12,
}  # fmt: skip


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """(dateline, rest of the paragraph); (None, paragraph) when it does not open with an agency dateline."""
    m = _WIRE.match(paragraph) or _BARE.match(paragraph)
    if m is None or len(paragraph) - m.end() < 40:
        return None, paragraph
    return m.group(0).strip(), paragraph[m.end() :]


def dateline_day(dateline: str) -> str | None:
    """ISO day of a dateline that states its year ('13 fév. 2024', '05/02/2025'), else None."""
    s = fold(dateline)
    m = re.search(r"\b(\d{1,2}) (\d{1,2}) (\d{4})\b", s)
    if m:
        return _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.search(r"\b(\d{1,2})(?:er)? ([a-z]{3,9}) (\d{4})\b", s)
    if m and m.group(2) in _ABBREV:
        return _iso(int(m.group(3)), _ABBREV[m.group(2)], int(m.group(1)))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
