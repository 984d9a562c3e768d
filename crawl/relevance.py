"""The cheap relevance filter run before the NLP: is the page French, and does it name Mali?

Terms come from the gazetteers (ingest/data/) and crawl/relevance.yaml; matching is one regular expression over
the folded text, so an off-topic page of a general feed costs microseconds, not a spaCy pass.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

import yaml

from ingest.gazetteer import load_gazetteer
from ingest.textutil import fold

NOT_FRENCH = "not French"
NO_MALI = "does not name Mali"


@cache
def _settings() -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load(files("crawl").joinpath("relevance.yaml").read_text(encoding="utf-8"))
    return data


@cache
def mali_terms() -> frozenset[str]:
    """Folded names of Mali, its capital and demonyms, Malian office holders and Mali-named organisations."""
    gaz = load_gazetteer()
    mali = gaz.state_by_iso3["MLI"]
    terms = {mali.name, *mali.long_forms, *mali.demonyms, *mali.capitals, *mali.aliases}
    for person in gaz.people:
        if person.nationality == "MLI" or any(post.represents == "MLI" for post in person.posts):
            terms.update([person.name, *person.aliases])
    for org in gaz.organisations:
        names = [org.name, *org.aliases, *([org.acronym] if org.acronym else [])]
        if any("mali" in fold(n).split() for n in names):
            terms.update(names)
    extra = _settings().get("mali_terms", [])
    assert isinstance(extra, list)
    terms.update(str(t) for t in extra)
    return frozenset(f for t in terms if (f := fold(t)))


@cache
def _mali_pattern() -> re.Pattern[str]:
    alternatives = sorted((re.escape(t) for t in mali_terms()), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + r")(?![a-z0-9])")


@cache
def _words(kind: str) -> frozenset[str]:
    words = _settings()[kind]
    assert isinstance(words, list)
    return frozenset(str(w) for w in words)


def off_topic(text: str) -> str | None:
    """None when the text is French and names Mali; else the reason (`NOT_FRENCH` or `NO_MALI`)."""
    folded = fold(text)
    words = folded.split()
    french = sum(1 for w in words if w in _words("french"))
    english = sum(1 for w in words if w in _words("english"))
    settings = _settings()
    if french < int(str(settings["min_french_words"])) or french < int(str(settings["french_to_english"])) * english:
        return NOT_FRENCH
    if _mali_pattern().search(folded) is None:
        return NO_MALI
    return None
