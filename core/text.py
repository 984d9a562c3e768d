"""Text keys shared by every package: accent folding, name casing, slugs.

`fold` is the one lookup key (gazetteers, cue matching, name comparison in the API); `search_fold` is the same
without dropping punctuation, for user text that is turned into escaped Lucene terms; `slug` makes the ids of
people, places, sectors and outlets.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "\u00a0": " ", "\u202f": " ", "ʼ": "'"})


class _WithoutMarks(dict[int, int | None]):
    """A `str.translate` table that deletes combining marks: each code point is looked up once, then cached."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_MARKS = _WithoutMarks()


def _bare(text: str) -> str:
    """Apostrophes and spaces unified, accents stripped (NFKD without combining marks)."""
    return unicodedata.normalize("NFKD", text.translate(_APOS)).translate(_MARKS)


@lru_cache(maxsize=16384)  # the extraction folds each sentence many times (one cue table after another)
def fold(text: str) -> str:
    """Lowercase, strip accents, unify apostrophes and hyphens to spaces: the key used for all lookups."""
    text = re.sub(r"[^a-z0-9' ]+", " ", _bare(text).lower().replace("-", " "))
    return " ".join(text.split())


def search_fold(text: str) -> str:
    """Casefolded, without accents, apostrophes unified, spaces collapsed; punctuation kept (it gets escaped)."""
    return " ".join(_bare(text).casefold().split())


def unify(text: str) -> str:
    """Unify typographic apostrophes and non-breaking spaces, keeping everything else."""
    return text.translate(_APOS)


def name_case(token: str) -> str:
    """'DIOP' -> 'Diop', 'JEAN-MARIE' -> 'Jean-Marie'; mixed-case tokens are kept."""
    if len(token) > 1 and token.isupper():
        return "-".join(p[:1] + p[1:].lower() for p in token.split("-"))
    return token


def slug(name: str) -> str:
    """Id from a name: lowercase words joined by '-', accents kept ('Sergueï Lavrov' -> 'sergueï-lavrov')."""
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", name).lower())
    return "-".join(words)
