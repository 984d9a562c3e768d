"""Small text helpers shared by the extraction stages: accent folding, name casing, slugs."""

from __future__ import annotations

import re
import unicodedata

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "\u00a0": " ", "\u202f": " ", "ʼ": "'"})


def fold(text: str) -> str:
    """Lowercase, strip accents, unify apostrophes and hyphens to spaces: the key used for all lookups."""
    text = unicodedata.normalize("NFKD", text.translate(_APOS))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9' ]+", " ", text.replace("-", " "))
    return " ".join(text.split())


def unify(text: str) -> str:
    """Unify typographic apostrophes and non-breaking spaces, keeping everything else."""
    return text.translate(_APOS)


def name_case(token: str) -> str:
    """'DIOP' -> 'Diop', 'JEAN-MARIE' -> 'Jean-Marie'; mixed-case tokens are kept."""
    if len(token) > 1 and token.isupper():
        return "-".join(p[:1] + p[1:].lower() for p in token.split("-"))
    return token


def slug(name: str) -> str:
    """Person id: lowercase words joined by '-', accents kept ('Sergueï Lavrov' -> 'sergueï-lavrov')."""
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", name).lower())
    return "-".join(words)
