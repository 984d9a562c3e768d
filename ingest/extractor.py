"""One analysed article -> Extraction: people, states, organisations and merged, checked meetings."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from core.text import unify
from ingest.article import Article, Sentence
from ingest.candidates import CandidateFinder
from ingest.clean import CleanText
from ingest.contact_hook import DEFAULT as DEFAULT_LEARNED
from ingest.contact_hook import Learned, proposals, refine
from ingest.dates import parse_iso, publication_date, url_month
from ingest.gazetteer import Gazetteer
from ingest.meetings import Candidate, has_counterpart, merge, share_day
from ingest.mentions import home_state, organisation_refs, state_refs
from ingest.models import Document, Extraction, Meeting
from ingest.people import ArticlePeople, relabel_surnames
from ingest.sides import complete_sides
from ingest.topics import sectors
from ingest.unread import unread_contacts
from ingest.wire import dateline_day

_TOPIC_WINDOW = 30  # sentences read for a meeting's sectors (up to the next meeting): reports state them late


def extract_article(
    doc: Document, ct: CleanText, sentences: list[Sentence], gaz: Gazetteer, learned: Learned | None = DEFAULT_LEARNED
) -> Extraction:
    """The rule stages over one article whose paragraphs went through the NLP stage (`learned`: the contact
    classifier's veto, type choice or proposed sentences, see ingest/contact_hook.py)."""
    published, article, people, finder = prepare(doc, ct, sentences, gaz)
    found, people = finder.candidates()
    if proposed := proposals(sentences, learned):
        found, people = _with_proposals(found, people, prepare(doc, ct, sentences, gaz, proposed)[3], proposed)
    cands = merge(refine(found, sentences, learned))
    complete_sides(cands, article, people, finder.state_counts)
    share_day(cands)
    kept = [c for c in cands if has_counterpart(c)]
    meetings = _meetings(kept, article, people)
    return Extraction(
        id=doc.id,
        url=doc.url,
        title=doc.title or (ct.paragraphs[0] if ct.paragraphs else None),
        title_from_text=doc.title is None and bool(ct.paragraphs),
        outlet=doc.outlet,
        author=doc.author,
        published=published,
        text_sha1=hashlib.sha1(ct.text.encode("utf-8")).hexdigest(),
        people=people.persons(),
        states=state_refs(article, gaz, [iso for m in meetings for iso in m.states]),
        organisations=organisation_refs(article, gaz),
        meetings=meetings,
        unread=unread_contacts(article, kept, [c for c in cands if not has_counterpart(c)], finder.gates),
    )


def _with_proposals(
    found: list[Candidate], people: ArticlePeople, finder: CandidateFinder, proposed: Mapping[int, object]
) -> tuple[list[Candidate], ArticlePeople]:
    """The rules' candidates plus those of the classifier's proposed sentences that have a counterpart. The rules'
    own candidates are kept as the rules alone read them: a proposed sentence must not change how they read its
    neighbours (the date told in the next sentence, a sentence continuing the one before)."""
    extra, with_people = finder.candidates()
    # a proposal needs both sides; a recalled visit of that sentence is the rules' own (already in `found`)
    extra = [c for c in extra if c.sentence in proposed and not c.standalone and has_counterpart(c)]
    if not extra:
        return found, people
    out = list(found)
    for c in extra:  # in sentence order, the rules' own order untouched
        at = next((k for k, r in enumerate(out) if r.sentence > c.sentence), len(out))
        out.insert(at, c)
    return out, with_people


def prepare(
    doc: Document,
    ct: CleanText,
    sentences: list[Sentence],
    gaz: Gazetteer,
    proposed: Mapping[int, tuple[str, re.Match[str]]] | None = None,
) -> tuple[str | None, Article, ArticlePeople, CandidateFinder]:
    """The publication date, the article, its people and the candidate finder of an analysed document
    (`proposed`: cue-less sentences the contact classifier proposes, ingest/contact_hook.py)."""
    published = doc.published or publication_date(ct.dateline, doc.url, doc.text)
    if published is None and ct.wire_dateline:
        published = dateline_day(ct.wire_dateline)
    article = Article(doc.id, sentences, parse_iso(published), ct.header_date or url_month(doc.url), ct.bylines)
    article = relabel_surnames(article)
    people = ArticlePeople(article, gaz, ct.bylines, home_state(article, gaz, ct.wire_dateline))
    return published, article, people, CandidateFinder(article, people, gaz, published, proposed)


def _meetings(cands: list[Candidate], article: Article, people: ArticlePeople) -> list[Meeting]:
    out = []
    titles = sorted({unify(t) for t, _ in people.titles.values()}, key=len, reverse=True)
    for n, c in enumerate(cands):
        nxt = cands[n + 1].sentence if n + 1 < len(cands) else len(article.sentences)
        end = min(nxt, c.sentence + _TOPIC_WINDOW)
        context = " ".join(unify(s.text) for s in article.sentences[c.sentence : end])
        for title in titles:  # "ministre de l'Économie et des Finances" is not a topic of the meeting
            context = context.replace(title, " ")
        out.append(
            Meeting(
                id=meeting_id(c),
                type=c.type,
                date=c.date.value if c.date else None,
                date_precision=c.date.precision if c.date else None,
                place=c.place,
                place_state=c.place_state,
                participants=c.participants,
                roles=_roles(people, c),
                states=c.states,
                hosts=c.hosts,
                organisations=c.organisations,
                topics=sectors(context),
                evidence=c.evidence,
                confidence=confidence(c),
            )
        )
    return out


def _roles(people: ArticlePeople, c: Candidate) -> dict[str, str]:
    """The title each participant held at the meeting (see `ArticlePeople.title`)."""
    when = c.date.value if c.date else None
    return {p: found[0] for p in c.participants if (found := people.title(p, when))}


def confidence(c: Candidate) -> float:
    """More named participants and a stated (not fallback) date raise the confidence."""
    score = 0.55 + 0.1 * min(3, len(c.participants)) + (0.1 if not c.date_is_fallback else 0.0)
    return round(min(score, 0.95), 2)


def meeting_id(c: Candidate) -> str:
    """Stable id: hash of the date, the sorted participants and the sorted states."""
    key = "|".join([c.date.value if c.date else "", ",".join(sorted(c.participants)), ",".join(sorted(c.states))])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
