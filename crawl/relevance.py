"""The cheap relevance filter run before the NLP: is the page French, and does it name Mali?

Terms come from the gazetteers (ingest/data/) and crawl/relevance.yaml; matching is set look-ups of the folded
text's word n-grams, so an off-topic page of a general feed costs well under a millisecond, not a spaCy pass.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml

from core.text import fold
from ingest.gazetteer import load_gazetteer

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
def _mali_phrases() -> tuple[frozenset[tuple[str, ...]], int]:
    """The terms as word tuples, and the longest one's length."""
    phrases = frozenset(tuple(t.split()) for t in mali_terms())
    return phrases, max(len(p) for p in phrases)


def names_mali(words: list[str]) -> bool:
    """Whether the folded words contain one of the terms as whole words (set look-ups of n-grams, no regex)."""
    phrases, longest = _mali_phrases()
    return any(
        tuple(words[i : i + n]) in phrases
        for i in range(len(words))
        for n in range(1, min(longest, len(words) - i) + 1)
    )


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
    if not names_mali(words):
        return NO_MALI
    return None
