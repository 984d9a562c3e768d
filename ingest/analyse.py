"""NLP stage: cleaned paragraphs -> sentences with entities (spaCy senter + ruler + ner)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

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


def person_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a person name the NER cut short or ran long, in its sentence `text`: a trailing coordinator
    dropped; a name ending with a particle ("El", "Ould", "Al") takes the next capitalised word."""
    if m := _TRAILING_COORDINATOR.search(text, start, end):
        end = m.start()
    if _CUT_AFTER_PARTICLE.search(text[start:end]) and (m := _NEXT_WORD.match(text, end)):
        end = m.end()
    return start, end


def _sentences(doc: Doc, paragraph: int, running: bool) -> list[Sentence]:
    """The doc's sentences with their entities; `doc.ents` is walked once (`sent.ents` per sentence would walk
    every entity of the doc each time, quadratic on one very long paragraph)."""
    ents = iter(doc.ents)
    ent = next(ents, None)
    out = []
    for sent in doc.sents:
        found = []
        while ent is not None and ent.start < sent.end:
            if ent.start >= sent.start and ent.end <= sent.end:
                offset = sent.start_char
                lo, hi = ent.start_char - offset, ent.end_char - offset
                if ent.label_ == "PER" and not ent.ent_id_:
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
