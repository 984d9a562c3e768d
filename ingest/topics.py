"""Sectors (topics) of a meeting: cue words from ingest/data/sectors.yaml found in the meeting's context."""

from __future__ import annotations

import re
from functools import lru_cache

from core.text import fold
from ingest.gazetteer import load_gazetteer


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    out = {}
    for sector, cues in load_gazetteer().sectors.items():
        alts = "|".join(re.escape(fold(c)) for c in sorted(cues, key=len, reverse=True) if fold(c))
        out[sector] = re.compile(rf"\b(?:{alts})\b")
    return out


def sectors(context: str, default: tuple[str, ...] = ("diplomatie",)) -> list[str]:
    """Sector names whose cues occur in the text, in vocabulary order, plus the defaults."""
    key = fold(context)
    found = [s for s, rx in _patterns().items() if rx.search(key)]
    return [*default, *[s for s in found if s not in default]]
