"""Why a sentence gave no meeting: a trace of the gate decisions of one document (a debugging aid, not used by
the pipeline). `malikg`-free: `trace_document(doc)` returns one line per running sentence with a cue, or with
the reason it was dropped (cue gates of `CandidateFinder`, the counterpart rule of `extract_article`)."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.analyse import analyse_many
from ingest.clean import clean
from ingest.extractor import prepare
from ingest.gazetteer import load_gazetteer
from ingest.meetings import has_counterpart, meeting_cue
from ingest.models import Document
from ingest.nlp import load_nlp
from ingest.normalise import normalise_document


@dataclass(frozen=True)
class Step:
    """One sentence's fate: its cue type (or None) and the gate that stopped it, or 'kept'."""

    sentence: int
    text: str
    cue: str | None
    verdict: str  # "no cue", "headline", a gate name, "no counterpart", "kept"
    states: tuple[str, ...] = ()  # the states of its candidates
    participants: int = 0  # the people of its candidates


def trace_document(doc: Document) -> list[Step]:
    """The fate of every sentence of a document (before merging and the learned veto)."""
    doc = normalise_document(doc)
    ct = clean(doc.text)
    gaz = load_gazetteer()
    with load_nlp().memory_zone():
        sentences = next(iter(analyse_many([ct.paragraphs])))
        _, article, _, finder = prepare(doc, ct, sentences, gaz)
        found, _ = finder.candidates()
    by_sentence: dict[int, list[bool]] = {}
    states: dict[int, list[str]] = {}
    named: dict[int, set[str]] = {}
    for c in found:
        by_sentence.setdefault(c.sentence, []).append(has_counterpart(c))
        states.setdefault(c.sentence, []).extend(s for s in c.states if s not in states[c.sentence])
        named.setdefault(c.sentence, set()).update(c.participants)
    out = []
    for i, sent in enumerate(article.sentences):
        cue = meeting_cue(sent.text)
        if i in by_sentence:
            verdict = "kept" if any(by_sentence[i]) else "no counterpart"
        elif cue is None:
            verdict = "no cue"
        elif not sent.running:
            verdict = "headline"
        else:
            verdict = finder.gates.get(i, "no participants")
        found_states = tuple(states.get(i, []))
        out.append(Step(i, sent.text, cue[0] if cue else None, verdict, found_states, len(named.get(i, ()))))
    return out
