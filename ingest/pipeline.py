"""The extraction pipeline: Document -> Extraction, streamed, in input order, failures isolated.

Stages: clean (boilerplate) -> dates (publication) -> analyse (spaCy) -> resolve (people) -> roles ->
meetings -> topics. spaCy is loaded once per process (`load_nlp`).
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import re
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import timedelta
from itertools import islice

from ingest.analyse import analyse_many
from ingest.article import Article, Sentence
from ingest.clean import CleanText, clean
from ingest.dates import EventDate, find_date, parse_iso, publication_date, session_year
from ingest.gazetteer import Gazetteer, load_gazetteer
from ingest.meetings import (
    Candidate,
    frame_span,
    is_anaphoric,
    is_future,
    is_history,
    is_plural,
    is_sender,
    meeting_cue,
    merge,
    representatives,
)
from ingest.models import Document, Extraction, Failure, Meeting, OrganisationRef, Person, Role, StateRef
from ingest.resolve import PeopleResolver, PersonCluster, person_mentions
from ingest.roles import person_role
from ingest.textutil import fold, unify
from ingest.topics import sectors


def _iso(ident: str, prefix: str) -> str | None:
    return ident.split(":", 1)[1] if ident.startswith(prefix) else None


class _ArticleExtractor:
    """Rule stages over one analysed article."""

    def __init__(self, doc: Document, ct: CleanText, sentences: list[Sentence], gaz: Gazetteer) -> None:
        self.doc, self.ct, self.gaz = doc, ct, gaz
        published = doc.published or publication_date(ct.dateline, doc.url, doc.text)
        self.article = Article(doc.id, sentences, parse_iso(published), ct.header_date, ct.bylines)
        self.published = published
        self.people: PeopleResolver = person_mentions(self.article, gaz, {fold(b) for b in ct.bylines})
        self.state_of: dict[str, str] = {}
        self.titles: dict[str, tuple[str, str | None]] = {}
        self._roles()

    # people -------------------------------------------------------------------------------------------------
    def _roles(self) -> None:
        for (si, start), cluster in self.people.by_mention.items():
            sent = self.article.sentences[si]
            ent = next(e for e in sent.ents if e.start == start and e.label == "PER")
            guess = person_role(sent, ent)
            rep = guess.state or guess.org
            if cluster.id not in self.titles and guess.title:
                self.titles[cluster.id] = (guess.title, rep)
            if guess.state and cluster.id not in self.state_of:
                self.state_of[cluster.id] = guess.state
        for c in self.people.clusters:
            if c.entry and c.entry.nationality:
                self.state_of[c.id] = c.entry.nationality
            elif c.id not in self.state_of:
                title = self.titles.get(c.id, ("", None))
                if "ministre" in title[0].lower() and title[1] is None:
                    self.state_of[c.id] = "MLI"  # an unqualified minister in Malian news is Malian

    def _person(self, c: PersonCluster) -> Person:
        roles = []
        if c.id in self.titles:
            title, rep = self.titles[c.id]
            roles.append(Role(title=title, represents=rep or self.state_of.get(c.id)))
        elif c.entry and c.entry.posts:
            post = c.entry.posts[0]
            roles.append(Role(title=post.title, represents=post.represents))
        return Person(
            id=c.id,
            name=self.people.canonical_name(c),
            aliases=c.aliases,
            roles=roles,
            nationality=self.state_of.get(c.id),
            wikidata=c.entry.wikidata if c.entry else None,
        )

    # states, organisations ---------------------------------------------------------------------------------
    def _states(self) -> list[StateRef]:
        seen: dict[str, StateRef] = {}
        for s in self.article.sentences:
            for e in s.ents:
                iso = _iso(e.ident, "state:")
                if iso and iso not in seen and iso in self.gaz.state_by_iso3:
                    st = self.gaz.state_by_iso3[iso]
                    seen[iso] = StateRef(iso3=iso, name=st.name, name_en=st.name_en, wikidata=st.wikidata)
        return list(seen.values())

    def _top_org(self, oid: str) -> str:
        org = self.gaz.organisation_by_id.get(oid)
        while org is not None and org.parent and org.parent in self.gaz.organisation_by_id:
            org = self.gaz.organisation_by_id[org.parent]
        return org.id if org else oid

    def _organisations(self) -> list[OrganisationRef]:
        seen: dict[str, OrganisationRef] = {}
        for s in self.article.sentences:
            for e in s.ents:
                oid = _iso(e.ident, "org:")
                if oid:
                    top = self.gaz.organisation_by_id[self._top_org(oid)]
                    seen.setdefault(
                        top.id,
                        OrganisationRef(
                            id=top.id, name=top.name, acronym=top.acronym, aliases=top.aliases, wikidata=top.wikidata
                        ),
                    )
        return list(seen.values())

    # meetings -------------------------------------------------------------------------------------------------
    def _dates(self) -> list[EventDate | None]:
        base = self.article.published
        year = next((y for s in self.article.sentences if (y := session_year(s.text))), None)
        return [
            find_date(s.text, base, session_year(s.text) or (year if base is None else None))
            for s in self.article.sentences
        ]

    def _fallback_date(self, i: int, dates: list[EventDate | None]) -> EventDate | None:
        if self.article.header_month:
            return EventDate(self.article.header_month[:7], "month")
        if self.published:
            return EventDate(self.published[:7], "month")
        earlier = [d for d in dates[:i] if d is not None]
        later = [d for d in dates[i:] if d is not None]
        pick = earlier[-1] if earlier else (later[0] if later else None)
        return pick.as_month() if pick else None

    def _candidates(self) -> list[Candidate]:
        dates = self._dates()
        out: list[Candidate] = []
        for i, sent in enumerate(self.article.sentences):
            if not sent.running:
                continue
            found = meeting_cue(sent.text)
            if found is None:
                continue
            mtype, cue = found
            if is_future(sent.text, cue) or is_history(sent.text):
                continue
            when = dates[i]
            base = self.article.published
            if (
                when
                and base
                and when.precision == "day"
                and parse_iso(when.value)
                and base - timedelta(400) > (parse_iso(when.value) or base)
            ):
                continue  # background from years before the article
            out.extend(self._sentence_meetings(i, sent, mtype, cue.start(), cue.end(), when, dates))
        return out

    def _sentence_meetings(
        self, i: int, sent: Sentence, mtype: str, cue_start: int, cue_end: int, when: EventDate | None,
        dates: list[EventDate | None],
    ) -> list[Candidate]:  # fmt: skip
        low = unify(sent.text).lower()
        frame_end = frame_span(low)[1]
        before: list[str] = []
        after: list[str] = []
        for e in sent.ents:
            if e.label != "PER" or e.start < frame_end or is_sender(sent, e):
                continue
            c = self.people.by_mention.get((i, e.start))
            if c is None:
                continue
            side = before if e.start < cue_start else after
            if c.id not in before and c.id not in after:
                side.append(c.id)
        participants = before + after
        reps = representatives(sent, frame_end)
        states: list[str] = []
        for pid in participants:
            if (st := self.state_of.get(pid)) and st not in states:
                states.append(st)
        for iso in reps:
            if iso not in states:
                states.append(iso)
        place, place_state = self._place(sent, frame_end)
        bare = self._bare_states(sent, low, mtype, frame_end, cue_start) if participants else []
        for iso in bare:
            if iso not in states:
                states.append(iso)
        if mtype == "visit" and place_state and participants and place_state not in states:
            states.append(place_state)
        orgs: list[str] = []
        for e in sent.ents:
            if (oid := _iso(e.ident, "org:")) and self._top_org(oid) not in orgs:
                orgs.append(self._top_org(oid))
        if mtype == "multilateral":
            for oid in orgs:
                for iso in _members().get(oid, []):
                    if iso not in states:
                        states.append(iso)
        hosts = self._hosts(mtype, low, cue_end, before, after, place_state, bare)
        fallback = when is None
        date = when or self._fallback_date(i, dates)
        base = Candidate(
            type=mtype, sentence=i, evidence=sent.text.strip(), participants=participants, states=states,
            rep_states=reps, hosts=hosts, organisations=orgs, place=place, place_state=place_state, date=date,
            date_is_fallback=fallback, anaphoric=is_anaphoric(sent.text, cue_start),
        )  # fmt: skip
        common = {self.state_of.get(p) for p in before} - {None}
        others = [s for s in dict.fromkeys(reps + [self.state_of.get(p) or "" for p in after]) if s and s not in common]
        if is_plural(sent.text) and len(others) >= 2:
            split = []
            for iso in others:
                part = before + [p for p in after if self.state_of.get(p) == iso]
                sts = [s for s in states if s in common] + [iso]
                split.append(
                    Candidate(
                        type=mtype,
                        sentence=i,
                        evidence=base.evidence,
                        participants=part,
                        states=sts,
                        rep_states=[iso],
                        hosts=hosts,
                        organisations=orgs,
                        place=place,
                        place_state=place_state,
                        date=date,
                        date_is_fallback=fallback,
                        split_group=i,
                    )  # fmt: skip
                )
            return split
        return [base]

    def _place(self, sent: Sentence, frame_end: int) -> tuple[str | None, str | None]:
        text = unify(sent.text).lower()
        for e in sent.ents:
            if e.start < frame_end:
                continue
            before = text[max(0, e.start - 14) : e.start]
            if e.ident.startswith("place:"):
                name = e.ident.split(":", 1)[1]
                entry = next((p for p in self.gaz.places if p.name == name), None)
                return name, entry.state if entry else None
            if e.label == "CAPITAL" and (before.endswith("à ") or before.endswith("a ")):
                iso = e.ident.split(":", 1)[1]
                return _capital_name(self.gaz, iso, e.text), iso
        return None, None

    def _bare_states(self, sent: Sentence, low: str, mtype: str, frame_end: int, cue_start: int) -> list[str]:
        out = []
        for e in sent.ents:
            iso = _iso(e.ident, "state:")
            if not iso or e.start < frame_end or e.label not in ("STATE", "CAPITAL"):
                continue
            before = low[max(0, e.start - 40) : e.start]
            if mtype in ("visit", "joint_commission") and e.start > cue_start:
                out.append(iso)
            elif " entre " in " " + before or re.search(r"\bet (?:le |la |l'|les )?$", before) and "entre" in low:
                out.append(iso)
        return out

    def _hosts(
        self, mtype: str, low: str, cue_end: int, before: list[str], after: list[str], place_state: str | None,
        bare: list[str],
    ) -> list[str]:  # fmt: skip
        if mtype == "audience":
            passive = re.match(r"\s*(?:en audience\s*)?(?:,\s*)?(?:\w+\s+){0,4}par\b", low[cue_end:]) is not None
            side = after if passive or " reçu par" in low or " reçue par" in low else before
            st = [self.state_of[p] for p in side if p in self.state_of]
            return st[:1]
        if mtype == "visit":
            if place_state:
                return [place_state]
            return bare[:1]
        return []

    def meetings(self) -> list[Meeting]:
        cands = merge(self._candidates())
        out = []
        for n, c in enumerate(cands):
            if not _has_counterpart(c):
                continue
            nxt = cands[n + 1].sentence if n + 1 < len(cands) else len(self.article.sentences)
            context = " ".join(s.text for s in self.article.sentences[c.sentence : min(nxt, c.sentence + 6)])
            out.append(
                Meeting(
                    id=meeting_id(c),
                    type=c.type,
                    date=c.date.value if c.date else None,
                    date_precision=c.date.precision if c.date else None,
                    place=c.place,
                    place_state=c.place_state,
                    participants=c.participants,
                    roles={p: self.titles[p][0] for p in c.participants if p in self.titles},
                    states=c.states,
                    hosts=c.hosts,
                    organisations=c.organisations,
                    topics=sectors(context),
                    evidence=c.evidence,
                    confidence=_confidence(c),
                )
            )
        return out

    def extraction(self) -> Extraction:
        meetings = self.meetings()
        return Extraction(
            id=self.doc.id,
            url=self.doc.url,
            title=self.doc.title or (self.ct.paragraphs[0] if self.ct.paragraphs else None),
            outlet=self.doc.outlet,
            published=self.published,
            text_sha1=hashlib.sha1(self.ct.text.encode("utf-8")).hexdigest(),
            people=[self._person(c) for c in self.people.clusters],
            states=self._states(),
            organisations=self._organisations(),
            meetings=meetings,
        )


def _capital_name(gaz: Gazetteer, iso: str, surface: str) -> str:
    st = gaz.state_by_iso3.get(iso)
    if st:
        for cap in st.capitals:
            if fold(cap) == fold(surface):
                return cap
    return surface


def _members() -> dict[str, list[str]]:
    from ingest.orgdata import members

    return members()


def _has_counterpart(c: Candidate) -> bool:
    """Two states, or a state and an organisation, with someone named or represented."""
    if not c.participants and not c.rep_states:
        return False
    if len(set(c.states)) >= 2:
        return True
    return bool(c.states) and bool(c.organisations) and bool(c.participants)


def _confidence(c: Candidate) -> float:
    score = 0.55 + 0.1 * min(3, len(c.participants)) + (0.1 if not c.date_is_fallback else 0.0)
    return round(min(score, 0.95), 2)


def meeting_id(c: Candidate) -> str:
    """Stable id: hash of the date, the sorted participants and the sorted states."""
    key = "|".join([c.date.value if c.date else "", ",".join(sorted(c.participants)), ",".join(sorted(c.states))])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------------------------
def _extract_batch(docs: list[Document]) -> list[Extraction | Failure]:
    """Extract a batch of documents in this process (one nlp.pipe over all their paragraphs)."""
    gaz = load_gazetteer()
    cleaned: list[CleanText | Failure] = []
    for d in docs:
        try:
            cleaned.append(clean(d.text))
        except (ValueError, TypeError, re.error) as exc:
            cleaned.append(Failure(source=d.id, reason=f"cleaning failed: {exc}"))
    paragraphs = [c.paragraphs if isinstance(c, CleanText) else [] for c in cleaned]
    out: list[Extraction | Failure] = []
    for d, c, sents in zip(docs, cleaned, analyse_many(paragraphs), strict=True):
        if isinstance(c, Failure):
            out.append(c)
            continue
        try:
            out.append(_ArticleExtractor(d, c, sents, gaz).extraction())
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            out.append(Failure(source=d.id, reason=f"{type(exc).__name__}: {exc}"))
    return out


def extract_one(doc: Document) -> Extraction:
    """Extract one document (raises ValueError when it cannot be extracted)."""
    result = _extract_batch([doc])[0]
    if isinstance(result, Failure):
        raise ValueError(result.reason)
    return result


def _chunks(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _run_chunk(chunk: list[Document | Failure]) -> list[Extraction | Failure]:
    docs = [x for x in chunk if isinstance(x, Document)]
    results = iter(_extract_batch(docs)) if docs else iter([])
    return [next(results) if isinstance(x, Document) else x for x in chunk]


def extract_documents(
    items: Iterable[Document | Failure], *, batch_size: int = 8, n_process: int = 1
) -> Iterator[Extraction | Failure]:
    """Extractions (or Failures) in input order, streaming; at most a few batches in memory at a time."""
    if n_process <= 1:
        for chunk in _chunks(items, batch_size):
            yield from _run_chunk(chunk)
        return
    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "fork")
    with ProcessPoolExecutor(max_workers=n_process, mp_context=ctx, initializer=_warm) as pool:
        pending: deque[Future[list[Extraction | Failure]]] = deque()
        for chunk in _chunks(items, batch_size):
            pending.append(pool.submit(_run_chunk, chunk))
            if len(pending) >= 2 * n_process:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _warm() -> None:
    """Load spaCy and the gazetteers once in each worker process."""
    from ingest.nlp import load_nlp

    load_nlp()
    load_gazetteer()


__all__ = ["extract_documents", "extract_one", "meeting_id"]
