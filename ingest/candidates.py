"""Meeting candidates of one article: sentences with a meeting cue, their actors, states, place and date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta

from core.text import unify
from ingest.article import Article, Sentence
from ingest.dates import EventDate, date_after, find_date, parse_iso, session_year
from ingest.gazetteer import Gazetteer
from ingest.meetings import (
    FUTURE,
    SPEAKER,
    Candidate,
    frame_span,
    is_anaphoric,
    is_future,
    is_history,
    is_pluperfect,
    is_plural,
    is_sender,
    meeting_cue,
    representatives,
)
from ingest.mentions import ident_of, top_org
from ingest.orgdata import members
from ingest.people import ArticlePeople
from ingest.places import seat_place, sentence_place
from ingest.roles import title_kind, unnamed_representatives

_BACKGROUND_DAYS = 400  # a dated contact this long before publication is background
_COMPANY_WINDOW = 3  # sentences after a meeting read for its delegation ("était accompagné de ...")
# A sentence that names further members of a delegation or people present.
_COMPANY = re.compile(
    r"\baccompagn[ée]e?s? (?:de|du|des|d'|par)|\bcompren(?:ait|aient|d|nent)\b|\bcompos[ée]e?s? d|\ben pr[ée]sence d"
    r"|\baux c[ôo]t[ée]s d|\bentour[ée]e?s? d|\bassist[ée]e?s? d|\bfaisaient (?:[ée]galement )?partie"
    r"|\b[ée]taient (?:[ée]galement |aussi )?pr[ée]sents"
)


class CandidateFinder:
    """Turns the cue sentences of an analysed article into `Candidate`s (before merging)."""

    def __init__(self, article: Article, people: ArticlePeople, gaz: Gazetteer, published: str | None) -> None:
        self.article, self.people, self.gaz, self.published = article, people, gaz, published
        base = article.published
        year = next((y for s in article.sentences if (y := session_year(s.text))), None)
        self.dates = [
            find_date(s.text, base, session_year(s.text) or (year if base is None else None)) for s in article.sentences
        ]

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        cues = [meeting_cue(s.text) if s.running else None for s in self.article.sentences]
        last_day: EventDate | None = None
        for i, sent in enumerate(self.article.sentences):
            found = cues[i]
            if found is None:
                continue
            mtype, cue = found
            if is_future(sent.text, cue) or is_history(sent.text) or self._is_background(self.dates[i]):
                continue
            when = self.dates[i] or date_after(unify(sent.text).lower(), last_day)
            if when is None and is_pluperfect(sent.text, cue):
                continue  # "X avait rencontré Y", undated: background
            found_here = self._sentence_meetings(i, sent, mtype, cue.start(), cue.end(), when)
            for c in found_here:
                self._add_company(c, i, cues)
            out.extend(found_here)
            last_day = when or last_day
        return out

    def _add_company(self, c: Candidate, i: int, cues: Sequence[object]) -> None:
        """Delegation members and people present named in the next cue-less sentences; at a session, its
        speakers ("Le représentant permanent de la Russie, X, a déclaré ...")."""
        sentences = self.article.sentences
        for j in range(i + 1, min(len(sentences), i + 1 + _COMPANY_WINDOW)):
            if cues[j] is not None:
                break
            sent = sentences[j]
            low = unify(sent.text).lower()
            speakers = c.type == "multilateral" and SPEAKER.search(low) is not None
            if not sent.running or not (_COMPANY.search(low) or speakers):
                continue
            for e in sent.ents:
                if e.label != "PER" or is_sender(sent, e):
                    continue
                cl = self.people.cluster(j, e.start)
                if cl is not None and cl.id not in c.participants:
                    c.participants.append(cl.id)
                    if (st := self.people.represented_state(cl.id)) and st not in c.states:
                        c.states.append(st)

    def _is_background(self, when: EventDate | None) -> bool:
        base = self.article.published
        day = parse_iso(when.value) if when and when.precision == "day" else None
        return base is not None and day is not None and base - timedelta(_BACKGROUND_DAYS) > day

    def _fallback_date(self, i: int) -> EventDate | None:
        """Crawler month, publication month, else the nearest date of the article at month precision."""
        if self.article.header_month:
            return EventDate(self.article.header_month[:7], "month")
        if self.published:
            return EventDate(self.published[:7], "month")
        earlier = [d for d in self.dates[:i] if d is not None]
        later = [d for d in self.dates[i:] if d is not None]
        pick = earlier[-1] if earlier else (later[0] if later else None)
        return pick.as_month() if pick else None

    def _sentence_meetings(
        self, i: int, sent: Sentence, mtype: str, cue_start: int, cue_end: int, when: EventDate | None
    ) -> list[Candidate]:
        people = self.people
        low = unify(sent.text).lower()
        frame = frame_span(low)
        frame_end = frame[1]
        before: list[str] = []
        after: list[str] = []
        for e in sent.ents:
            if e.label != "PER" or e.start < frame_end or is_sender(sent, e):
                continue
            c = self.people.cluster(i, e.start)
            if c is None:
                continue
            side = before if e.start < cue_start else after
            if c.id not in before and c.id not in after:
                side.append(c.id)
        for iso, role, pos in unnamed_representatives(sent, frame_end, len(sent.text)):
            named = self._holder(role, iso)
            if named is not None and named not in before and named not in after:
                (before if pos < cue_start else after).append(named)
        participants = before + after
        reps = representatives(sent, frame_end)
        bare = self._bare_states(sent, low, mtype, frame_end, cue_start) if participants else []
        place, place_state = sentence_place(self.gaz, sent, frame)
        if place is None:
            place, place_state = self._neighbour_place(i)
        if mtype == "phone_call":
            place = None  # "a indiqué le Kremlin": the source, not where a call took place
        at_home = [place_state] if mtype in ("visit", "audience") and place_state else []  # the host's city
        self._pair_unqualified(participants, reps + bare + at_home)
        state_of = {p: st for p in participants if (st := people.represented_state(p))}
        states: list[str] = []
        for pid in participants:
            if (st := state_of.get(pid)) and st not in states:
                states.append(st)
        _extend(states, reps)
        _extend(states, bare)
        if mtype == "visit" and place_state and participants:
            _extend(states, [place_state])
        orgs: list[str] = []
        for e in sent.ents:
            if oid := ident_of(e.ident, "org:"):
                _extend(orgs, [top_org(self.gaz, oid)])
        if mtype == "multilateral":
            for oid in orgs:
                _extend(states, members().get(oid, []))
        hosts = self._hosts(mtype, low, cue_end, before, after, place_state, bare)
        if place is None and mtype != "phone_call":  # "en marge de l'Assemblée générale": where it sits
            place, place_state = seat_place(self.gaz, sent, frame)  # (after the hosts: not the host's city)
        date = when or self._fallback_date(i)
        base = Candidate(
            type=mtype, sentence=i, evidence=sent.text.strip(), participants=participants, states=states,
            rep_states=reps, hosts=hosts, organisations=orgs, place=place, place_state=place_state, date=date,
            date_is_fallback=when is None, anaphoric=is_anaphoric(sent.text, cue_start),
        )  # fmt: skip
        common = {state_of.get(p) for p in before} - {None}
        others = [s for s in dict.fromkeys(reps + [state_of.get(p) or "" for p in after]) if s and s not in common]
        if not (is_plural(sent.text) and len(others) >= 2):
            return [base]
        return [
            Candidate(
                type=mtype,
                sentence=i,
                evidence=base.evidence,
                participants=before + [p for p in after if state_of.get(p) == iso],
                states=[s for s in states if s in common] + [iso],
                rep_states=[iso],
                hosts=hosts,
                organisations=orgs,
                place=place,
                place_state=place_state,
                date=date,
                date_is_fallback=base.date_is_fallback,
                split_group=i,
            )  # fmt: skip
            for iso in others
        ]

    def _bare_states(self, sent: Sentence, low: str, mtype: str, frame_end: int, cue_start: int) -> list[str]:
        """States named without a representative: destination of a visit, 'entre le Mali et la Russie'."""
        out = []
        for e in sent.ents:
            iso = ident_of(e.ident, "state:")
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
        """The receiving side: the state of whoever grants an audience, the destination of a visit."""
        if mtype == "audience":
            passive = re.match(r"\s*(?:en audience\s*)?(?:,\s*)?(?:\w+\s+){0,4}par\b", low[cue_end:]) is not None
            side = after if passive or " reçu par" in low or " reçue par" in low else before
            return [st for p in side if (st := self.people.represented_state(p))][:1]
        if mtype == "visit":
            return [place_state] if place_state else bare[:1]
        return []

    def _holder(self, role: str, iso: str) -> str | None:
        """The one person of the article holding a post of this kind for this state ('le chef de la diplomatie
        malienne' -> Abdoulaye Diop), or None."""
        kind = title_kind(role) or ("minister" if role in ("ministre", "homologue") else None)
        if kind is None or role.endswith("s"):
            return None
        found = [pid for pid in self.people.ids() if self.people.state(pid) == iso and kind in self.people.kinds(pid)]
        return found[0] if len(found) == 1 else None

    def _pair_unqualified(self, participants: list[str], sides: list[str]) -> None:
        """A participant whose country is not stated takes the one state of the meeting nobody else represents."""
        unknown = [p for p in participants if self.people.state_of.get(p) is None]
        if len(unknown) != 1:
            return
        known = {self.people.state_of[p] for p in participants if p in self.people.state_of}
        free = [s for s in dict.fromkeys(sides) if s not in known]
        if len(free) == 1:
            self.people.state_of[unknown[0]] = free[0]

    def _neighbour_place(self, i: int) -> tuple[str | None, str | None]:
        """A place in the next or previous sentence of the same paragraph ('au palais de Koulouba')."""
        sentences = self.article.sentences
        for j in (i + 1, i - 1):
            if 0 <= j < len(sentences) and sentences[j].paragraph == sentences[i].paragraph:
                if FUTURE.search(unify(sentences[j].text).lower()):
                    continue  # "un forum prévu à Riyad": not where this contact took place
                found = sentence_place(self.gaz, sentences[j], frame_span(unify(sentences[j].text).lower()))
                if found[0] is not None:
                    return found
        return None, None


def _extend(items: list[str], new: list[str]) -> None:
    for x in new:
        if x not in items:
            items.append(x)
