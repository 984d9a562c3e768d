"""Entity resolution within one article: person mentions to people, state and organisation mentions.

Person mentions from the NER (and the ruler's known people) lose their titles ("Général de division",
"M.", "Son Excellence"), ALL-CAPS surnames are re-cased, and mentions are grouped: a mention whose words
are a subset of a longer name with the same surname ("Diop", "Lamine Zeine", "Président Poutine") joins it.
Known people take the gazetteer id and name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from core.text import fold, name_case, slug, unify
from ingest.article import Article, Ent
from ingest.cues import alt, load_cues
from ingest.gazetteer import Gazetteer, PersonEntry, load_gazetteer

_WORDS = load_cues().words
_TITLE_WORDS = frozenset(_WORDS.name_title_words.words)
_NOT_NAMES = frozenset(_WORDS.not_names.words)
_PARTICLES = frozenset(_WORDS.name_particles.words)


@dataclass
class PersonCluster:
    """One person of the article, with every printed form."""

    key_tokens: list[str]  # folded tokens of the longest name
    name: str
    aliases: list[str] = field(default_factory=list)
    entry: PersonEntry | None = None

    @property
    def id(self) -> str:
        return self.entry.id if self.entry else slug(self.name)

    @property
    def surname(self) -> str:
        return self.key_tokens[-1]


def _title_word(word: str) -> bool:
    """'Général', 'M.', 'S.E.M.', 'Colonel-major' (hyphens and dots fold to spaces)."""
    key = fold(word).rstrip(".")
    if key in _TITLE_WORDS or key.replace(" ", "-") in _TITLE_WORDS or key.replace(" ", "") in _TITLE_WORDS:
        return True
    parts = key.replace("-", " ").split()
    return len(parts) > 1 and all(part in _TITLE_WORDS for part in parts)


# An abbreviated honorific glued to the name ("M.Lamamra", "Mr.Gross", "Dr.Sidibé"): read as "M. Lamamra".
_GLUED_HONORIFIC = re.compile(r"^((?:M|Mr|Mme|Dr|Pr|Me)\.)(?=[A-ZÀ-Ý])")


@lru_cache(maxsize=1)
def _no_given_names() -> frozenset[str]:
    """One-word names of states, demonyms, places and sectors (folded) and the cue table's `not_given_names`: a PER
    span of the NER that opens with one ("Congolais Denis Sassou Nguesso", "Afrique Mme Bintou Keïta", "Culture
    Cheick Oumar Sissoko" after "le ministre de la Culture") took in the word before the name."""
    gaz = load_gazetteer()
    forms = [f for s in gaz.states for f in (s.name, *s.aliases, *s.demonyms, *s.capitals)]
    forms += [f for p in gaz.places for f in (p.name, *p.aliases)]
    forms += [f for name, cues in gaz.sectors.items() for f in (name, *cues)]
    return frozenset(fold(f) for f in forms if len(f.split()) == 1) | frozenset(_WORDS.not_given_names.words)


def clean_name(surface: str) -> str | None:
    """Strip titles and punctuation from a PER span; None when what is left is not a plausible name."""
    words = _GLUED_HONORIFIC.sub(r"\1 ", surface.replace("’", "'")).split()
    while words and (_title_word(words[0]) or words[0].endswith("'")):
        words = words[1:]
    while len(words) > 2 and fold(words[0]) in _no_given_names():
        words = words[1:]
        while words and _title_word(words[0]):
            words = words[1:]
    while words and (_title_word(words[-1]) or not re.search(r"\w", words[-1])):
        words = words[:-1]
    words = [w.strip(',;:()«»"') for w in words]
    words = [w for w in words if w]
    if not words or any(ch.isdigit() for w in words for ch in w):
        return None
    if not words[0][:1].isupper():
        return None
    if any(fold(w) in _NOT_NAMES for w in words):
        return None
    if sum(1 for w in words if w[:1].isupper() or fold(w) in _PARTICLES) < len(words):
        return None
    return " ".join(name_case(w) for w in words)


_NEAR = 0.75  # similarity of two spellings of one name word (difflib ratio)


@dataclass(frozen=True)
class _PeopleIndex:
    """Known people by folded full name, and (folded name tokens, entry) by surname, built once per gazetteer."""

    by_name: dict[str, PersonEntry]
    by_surname: dict[str, list[tuple[list[str], PersonEntry]]]
    by_affix: dict[str, list[tuple[list[str], PersonEntry]]]  # surname's first or last 3 letters (misspellings)


_INDEXES: dict[int, _PeopleIndex] = {}


def _people_index(gaz: Gazetteer) -> _PeopleIndex:
    if id(gaz) not in _INDEXES:
        by_name: dict[str, PersonEntry] = {}
        by_surname: dict[str, list[tuple[list[str], PersonEntry]]] = {}
        by_affix: dict[str, list[tuple[list[str], PersonEntry]]] = {}
        for p in gaz.people:
            for n in [p.name, *p.aliases]:
                tokens = fold(n).split()
                by_name.setdefault(" ".join(tokens), p)
                if len(tokens) >= 2:
                    by_surname.setdefault(tokens[-1], []).append((tokens, p))
                    for key in _affixes(tokens[-1]):
                        by_affix.setdefault(key, []).append((tokens, p))
        _INDEXES[id(gaz)] = _PeopleIndex(by_name, by_surname, by_affix)
    return _INDEXES[id(gaz)]


def _match_entry(tokens: list[str], index: _PeopleIndex) -> PersonEntry | None:
    key = " ".join(tokens)
    if key in index.by_name:
        return index.by_name[key]
    if len(tokens) >= 2:
        for t, p in index.by_surname.get(tokens[-1], []):
            if set(t) <= set(tokens) or set(tokens) <= set(t):
                return p
        # a misspelt known name ("Kasja Ollengren", "Zeyni Moulay"): every word one or two letters off
        seen: set[str] = set()
        for key in _affixes(tokens[-1]):
            for t, p in index.by_affix.get(key, []):
                if p.id not in seen and len(t) == len(tokens) and all(map(_near, t, tokens)):
                    return p
                seen.add(p.id)
    return None


def _affixes(surname: str) -> list[str]:
    return [surname[:3] + "<", ">" + surname[-3:]] if len(surname) >= 5 else []


def _near(a: str, b: str) -> bool:
    """Two spellings of one name word: equal, or of five letters or more and close (one or two letters off)."""
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= _NEAR


class PeopleResolver:
    """Groups the person mentions of one article into clusters."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.index = _people_index(gaz)
        self.clusters: list[PersonCluster] = []
        self.by_mention: dict[tuple[int, int], PersonCluster] = {}

    def _cluster_for(self, name: str, entry: PersonEntry | None) -> PersonCluster | None:
        tokens = fold(name).split()
        if entry is None:
            entry = _match_entry(tokens, self.index)
        if entry is not None:
            for c in self.clusters:
                if c.entry is not None and c.entry.id == entry.id:
                    return c
        # same surname and one name's words contained in the other's, or the same name misspelt
        for c in reversed(self.clusters):
            same = set(tokens) <= set(c.key_tokens) or set(c.key_tokens) <= set(tokens)
            if len(tokens) == len(c.key_tokens) >= 2 and all(map(_near, tokens, c.key_tokens)):
                same = True  # "Annanela Baerbock" after "Annalena Baerbock"
            if same and (c.surname == tokens[-1] or _near(c.surname, tokens[-1])):
                if entry is None or c.entry is None:
                    if len(tokens) > len(c.key_tokens):
                        c.key_tokens, c.name = tokens, name
                    if entry is not None:
                        c.entry = entry
                    return c
        if len(tokens) < 2 and entry is None:
            return None  # a lone surname that names nobody else in the article
        cluster = PersonCluster(key_tokens=tokens, name=name, entry=entry)
        self.clusters.append(cluster)
        return cluster

    def add(self, sent_idx: int, ent: Ent) -> PersonCluster | None:
        """Resolve one PER mention; returns its cluster (or None when it is not a usable name)."""
        entry = None
        if ent.ident.startswith("person:"):
            entry = self.gaz.person_by_id.get(ent.ident.split(":", 1)[1])
        name = clean_name(ent.text)
        if name is None and entry is None:
            return None
        cluster = self._cluster_for(name or (entry.name if entry else ""), entry)
        if cluster is None:
            return None
        surface = " ".join(w for w in ent.text.split())
        if surface not in cluster.aliases:
            cluster.aliases.append(surface)
        self.by_mention[(sent_idx, ent.start)] = cluster
        return cluster

    def canonical_name(self, c: PersonCluster) -> str:
        return c.entry.name if c.entry else c.name


# A name inside the name of a facility ("l'aéroport international président Modibo Keïta-Senou") is no actor.
# words that end a facility's name: "l'aéroport par le ministre X" names no facility after X
_NOT_IN_NAME = r"(?:par|avec|à|au|aux|pour|chez|et|où|a|est)"
_FACILITY = re.compile(
    rf"\b(?:{alt(load_cues().site_furniture)})(?:\s+(?!{_NOT_IN_NAME}\b)[\w'-]+){{0,6}}\s*$", re.IGNORECASE
)

_FACILITY_SPAN = re.compile(rf"\W*(?:{alt(load_cues().site_furniture)})\b", re.IGNORECASE)  # a span opening with it


def person_mentions(article: Article, gaz: Gazetteer, exclude: set[str]) -> PeopleResolver:
    """Resolve every PER mention of the article; full names first so that surnames attach to them."""
    resolver = PeopleResolver(gaz)
    ents = [(i, e) for i, s in enumerate(article.sentences) for e in s.ents if e.label == "PER"]
    ents = [(i, e) for i, e in ents if fold(e.text) not in exclude]
    ents = [(i, e) for i, e in ents if not _FACILITY.search(unify(article.sentences[i].text[: e.start]))]
    ents = [(i, e) for i, e in ents if not _FACILITY_SPAN.match(e.text)]  # "Aéroport International Président X"
    ents.sort(key=lambda ie: -len((clean_name(ie[1].text) or "").split()))
    for i, e in ents:
        resolver.add(i, e)
    return resolver
