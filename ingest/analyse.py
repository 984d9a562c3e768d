"""NLP stage: cleaned paragraphs -> sentences with entities (spaCy senter + ruler + ner)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from core.text import fold
from ingest.article import Ent, Sentence
from ingest.clean import is_sentence
from ingest.cues import load_cues
from ingest.nlp import load_nlp

# "Mohamed Ould Cheikh El-Ghazouani" cut after "El": a name never ends with a particle, the next name word is its own
# (not the French "de", "du", "la", "le": "Blaise Compaoré du Burkina Faso" is the name and his country)
_PARTICLE = "|".join(
    sorted(set(load_cues().words.name_particles.words) - {"de", "du", "la", "le"}, key=len, reverse=True)
)
_CUT_AFTER_PARTICLE = re.compile(rf"(?i:\b(?:{_PARTICLE}))$")
_NEXT_WORD = re.compile(r"[\s-]+[A-ZÀ-Ý][\w'’-]*")
# "LES AMBASSADEURS DU JAPON, DAISUKE KUROKI ET DE L'ANGOLA": a coordinator is never a name's last word
_TRAILING_COORDINATOR = re.compile(r"\s+(?i:et|ou)$")


# "Kadré Désiré OUEDRAOGO", "Denis Sassou N'Guesso": the surname the NER leaves out, printed in capitals (the
# administrative style) or with an elided prefix (N', M': "N'Diaye", "M'Bemba"); "DEMBELE Madina SISSOKO": a first
# surname in capitals before the given names when the name ends in capitals too
_CAPS_WORD = r"[A-ZÀ-Ý]{2,}(?:[-'’][A-ZÀ-Ý]{2,})*"
_SURNAME_AFTER = re.compile(rf"[ \t]+(?:{_CAPS_WORD}|[NM][’'][A-ZÀ-Ý][\w-]*)\b(?![’'])(?!\s*[–—])")  # not a dateline
_CAPS_BEFORE = re.compile(rf"\b{_CAPS_WORD}[ \t]+$")
_ENDS_IN_CAPS = re.compile(rf"\b{_CAPS_WORD}$")
# capitalised words that are never part of a name printed next to one: honorifics and acronyms of bodies
_NOT_SURNAMES = frozenset(load_cues().words.name_title_words.words) | frozenset(load_cues().words.not_names.words)


def person_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a person name the NER cut short or ran long, in its sentence `text`: a trailing coordinator
    dropped; a name ending with a particle ("El", "Ould", "Al") takes the next capitalised word; a surname in
    capitals or with an elided prefix right after the name is taken in (`_SURNAME_AFTER`)."""
    if m := _TRAILING_COORDINATOR.search(text, start, end):
        end = m.start()
    if _CUT_AFTER_PARTICLE.search(text[start:end]) and (m := _NEXT_WORD.match(text, end)):
        end = m.end()
    if not any(c.islower() for c in text[start:end]):
        return start, end  # a headline in capitals: no case to tell a surname by
    while (m := _SURNAME_AFTER.match(text, end)) and _surname_word(m.group(0)):
        end = m.end()
    if _ENDS_IN_CAPS.search(text, start, end) and (m := _CAPS_BEFORE.search(text, 0, start)):
        if _surname_word(m.group(0)):
            start = m.start()
    return start, end


def _surname_word(word: str) -> bool:
    return fold(word.strip()).strip("'") not in _NOT_SURNAMES


_AFTER_ARTICLE = re.compile(r"(?:\b(?:le|la|les|du|des|de|au|aux)\s+|\b[ld][’'])$", re.IGNORECASE)


def _first_given_name(before: Ent, gap: str, preceding: str) -> bool:
    """The NER's span right before a person name, with only a space between, is the name's beginning: "Mme Mary"
    + "Beth Léonard", "M. Olushegun" + "Adjadi Bakari" (two person spans), "Nassirou" + "Arifari Bako" (a lone
    given name taken for an organisation). Not a known entity (`ident`), not a word in capitals (an acronym), not a
    lone word after an article or a preposition (`preceding`: "de la Présidence Ahmed Ould Bah")."""
    if gap != " " or before.ident:
        return False
    if before.label == "PER":
        return True
    word = before.text
    lone_word = before.label in ("ORG", "MISC", "LOC") and word.isalpha() and word.istitle() and _surname_word(word)
    return lone_word and not _AFTER_ARTICLE.search(preceding)


def _sentences(doc: Doc, paragraph: int, running: bool) -> list[Sentence]:
    """The doc's sentences with their entities; `doc.ents` is walked once (`sent.ents` per sentence would walk
    every entity of the doc each time, quadratic on one very long paragraph)."""
    ents = iter(doc.ents)
    ent = next(ents, None)
    out = []
    for sent in doc.sents:
        found: list[Ent] = []
        while ent is not None and ent.start < sent.end:
            if ent.start >= sent.start and ent.end <= sent.end:
                offset = sent.start_char
                lo, hi = ent.start_char - offset, ent.end_char - offset
                if ent.label_ == "PER" and not ent.ent_id_:
                    if found and _first_given_name(
                        found[-1], sent.text[found[-1].end : lo], sent.text[: found[-1].start]
                    ):
                        lo = found.pop().start
                    lo, hi = person_span(sent.text, lo, hi)
                found.append(Ent(sent.text[lo:hi], ent.label_, ent.ent_id_ or "", lo, hi))
            ent = next(ents, None)
        out.append(Sentence(sent.text, found, paragraph, running))
    return out


def analyse_many(batches: Iterable[list[str]], batch_size: int = 8) -> Iterator[list[Sentence]]:
    """For each list of paragraphs, its sentences; all paragraphs of the stream go through one nlp.pipe."""
    nlp = load_nlp()
    queue: list[list[str]] = []

    def flat() -> Iterator[str]:
        for paragraphs in batches:
            queue.append(paragraphs)
            yield from paragraphs
            if not paragraphs:
                yield ""

    docs = nlp.pipe(flat(), batch_size=batch_size * 4)
    pending: list[list[Sentence]] = []
    while True:
        try:
            doc = next(docs)
        except StopIteration:
            return
        paragraphs = queue[0]
        i = len(pending)
        pending.append(_sentences(doc, i, is_sentence(paragraphs[i])) if paragraphs else [])
        if len(pending) >= max(1, len(paragraphs)):
            queue.pop(0)
            sents = [s for group in pending for s in group]
            pending = []
            yield sents


def analyse(paragraphs: list[str]) -> list[Sentence]:
    """Sentences of one article."""
    return next(analyse_many([paragraphs]))
