"""NLP stage: cleaned paragraphs -> sentences with entities (spaCy senter + ruler + ner)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from ingest.article import Ent, Sentence
from ingest.clean import is_sentence
from ingest.nlp import load_nlp


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
                found.append(
                    Ent(ent.text, ent.label_, ent.ent_id_ or "", ent.start_char - offset, ent.end_char - offset)
                )
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
