"""Meeting candidates of one article: sentences with a meeting cue, their actors, states, place and date."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from core.text import fold, unify
from ingest.article import Article, Ent, Sentence
from ingest.cues import alt, load_cues
from ingest.dates import (
    JUST_DONE,
    MONTHS,
    EventDate,
    anchored_date,
    bare_month,
    date_after,
    dated_years,
    find_date,
    is_paragraph_dateline,
    office_span,
    parse_iso,
    session_year,
)
from ingest.gazetteer import Gazetteer
from ingest.meetings import (
    CONTINUATION,
    FUTURE,
    SPEAKER,
    Candidate,
    coordinated_cue,
    cue_after,
    extend_unique,
    frame_span,
    is_additive,
    is_anaphoric,
    is_future,
    is_history,
    is_negated,
    is_pluperfect,
    is_plural,
    is_sender,
    is_source,
    meeting_cue,
    sender_at,
)
from ingest.mentions import ident_of, state_counts, top_org
from ingest.orgdata import members
from ingest.people import ArticlePeople
from ingest.places import seat_place, sentence_place
from ingest.roles import title_kind, unnamed_representatives
from ingest.syntax import coordinated_counterparts, cue_sides, gathering_takes_place, receiver_span

_BACKGROUND_DAYS = 400  # a dated contact this long before publication is background
_COMPANY_WINDOW = 3  # sentences after a meeting read for its delegation ("était accompagné de ...")
# A sentence that names further members of a delegation or people present.
_COMPANY = re.compile(alt(load_cues().markers.company))
_COMPANY_REACH = 120  # characters after "accompagné de" / "en présence de" in which a name is one of the company
# A relative clause or a colon after a visit cue: the states named further on are no destination of the visit
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:qui|dont|lequel|laquelle|lesquels|lesquelles)\b")
_ATTENDANCE = re.compile(alt(load_cues().markers.attendance))
_CO_CHAIR = re.compile(alt(load_cues().markers.co_chair))
_PLANNED = re.compile(alt(load_cues().markers.planned_contact))
_OTHER_CONTACT = re.compile(alt(load_cues().markers.other_contact))
# A head of state or government named by his title alone, as the subject or the passive agent of the cue.
_HEAD_TITLE = re.compile(
    rf"(?:^\s*|\b(?:par|entre|avec) )(?:le|la) (?:{alt(load_cues().titles.head_titles)})\b", re.IGNORECASE
)
# A post of the home government printed alone as one side of the contact (`_home_post_side`).
_HOME_POST = re.compile(rf"\b(?:{alt(load_cues().titles.home_posts)})\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:il|elle)\b")  # a subject pronoun before a contact verb (`_pronoun_subject`)
_SIDE_ENTS = ("PER", "STATE", "DEMONYM", "CAPITAL")  # a side naming one of these is not a bare post
_SUCCESSIVE = re.compile(alt(load_cues().markers.successive))
_RETURN_VISIT = re.compile(alt(load_cues().markers.return_visit))
_RECALLED = re.compile(alt(load_cues().markers.recalled_visit))
_EVENT_ANAPHOR = re.compile(alt(load_cues().markers.event_anaphor))
_EVENT_BACK = 3  # sentences read back for the day of "cet événement"
_RECALL_REACH = 160  # characters of a recalled visit's noun phrase read for its visitor, place and date
_RECALL_AGE = 30  # days: a recalled visit ends at least this long before the article's news
# "du 14 au 16 mai 2017" (folded text): a stay's first day
_RANGE = re.compile(rf"\bdu (\d{{1,2}})(?:er)? au \d{{1,2}}(?:er)? ({'|'.join(MONTHS)}) ((?:19|20)\d\d)\b")
_YEARS = re.compile(r"\ben ((?:19|20)\d\d)(?: et ((?:19|20)\d\d))?\b")
_OUR_COUNTRY = re.compile(r"\b(?:notre|ce) pays\b")
# A reception in the passive voice ("a été reçu", "ont été reçues", "reçue ce lundi par"): the agent receives.
_PASSIVE_CUE = re.compile(r"(?:(?:a|ont) [ée]t[ée] )?re[çc]ue?s?\b")
# An ambassador's posting in his title, on folded text: "ambassadeur du mali en algerie" -> "algerie".
_POSTED = re.compile(r"\bambassad\w*\b.*?\b(?:en|au|aux)\s+(?:republique (?:arabe )?(?:d |de |du )?)?(.+)$")
_DELEGATION = re.compile(r"\b(?:d[ée]l[ée]gation|mission)\b")
# A cue sentence whose day is named relatively ("hier", "ce jour", "ce mardi") but could not be resolved does not
# take the date printed in the next sentence; a next sentence that says "ce jour" / "hier" does not lend the date
# it prints (another event's: "je me trouve ce jour ... rappelé à Dieu le 13 juillet")
_DEICTIC_DAY = re.compile(
    r"\b(?:avant hier|hier|aujourd'hui|ce jour|(?:ce|cet) (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) dernier)\b"
)
_TODAY = re.compile(r"\b(?:avant hier|hier|aujourd'hui|ce jour)\b")
# A day told relative to the news ("s'était entretenu jeudi à Moscou", "Hier, X avait accueilli Y", "plus tôt dans la
# journée"), on folded text: a pluperfect contact so told is part of the news, even when no page date resolves it.
_TOLD_DAY = re.compile(
    r"\b(?:avant hier|hier|la veille|dans la (?:journee|matinee|soiree)|ce matin"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
)
_GATHERINGS = ("joint_commission", "multilateral")  # contacts whose parties may be states with no person named
_EVENT_VERB = re.compile(alt(load_cues().markers.event_verbs))
_VENUE_VERB = re.compile(alt(load_cues().markers.venue_verbs))


class CandidateFinder:
    """Turns the cue sentences of an analysed article into `Candidate`s (before merging)."""

    def __init__(
        self, article: Article, people: ArticlePeople, gaz: Gazetteer, published: str | None,
        proposed: Mapping[int, tuple[str, re.Match[str]]] | None = None,
    ) -> None:  # fmt: skip
        self.article, self.people, self.gaz, self.published = article, people, gaz, published
        self.proposed = proposed or {}  # cue-less sentences the contact classifier proposes (ingest/contact_hook.py)
        self.subject: list[str] = []  # people of the sentence before, when the cue sentence continues it
        self.gates: dict[int, str] = {}  # sentence -> why its cue gave no candidate (`ingest.trace`)
        self.state_counts = state_counts(article, gaz)
        base = article.published
        year = next((y for s in article.sentences if (y := session_year(s.text))), None)
        self.session = year if base is None else None
        hint = article.header_month
        years = [int(y) for s in article.sentences for y in re.findall(r"\b((?:19|20)\d\d)\b", s.text)]
        floor = max(years) if years else None
        self.latest_year = floor
        office = office_span([[(p.since, p.until) for p in e.posts] for e in people.entries.values()])
        self.dates = [
            find_date(s.text, base, session_year(s.text) or (year if base is None else None), hint, floor, office)
            for s in article.sentences
        ]
        self.own = self._anchored(self.dates) if base is None else self.dates  # a cue sentence's own date
        self.sources = {  # "a indiqué le porte-parole du MAE, X": X reports, in every sentence of the article
            cl.id
            for i, s in enumerate(article.sentences)
            for e in s.ents
            if e.label == "PER" and is_source(s, e) and (cl := people.cluster(i, e.start)) is not None
        }

    def candidates(self) -> tuple[list[Candidate], ArticlePeople]:
        """The candidates, and the article's people with the countries inferred while pairing participants."""
        out: list[Candidate] = []
        cues = [meeting_cue(s.text) if s.running else None for s in self.article.sentences]
        for i, proposal in self.proposed.items():
            if cues[i] is None and self.article.sentences[i].running:
                cues[i] = proposal
        last_day: EventDate | None = None
        recalled: list[list[tuple[int, int]]] = []
        for i, sent in enumerate(self.article.sentences):
            visits, spans = self._recalled_visits(i, sent) if sent.running else ([], [])
            out.extend(visits)
            recalled.append(spans)
            found = cues[i]
            if found is None:
                continue
            mtype, cue = found
            if any(lo <= cue.start() < hi for lo, hi in recalled[i]):
                self.gates[i] = "recalled visit"
                continue  # the cue is the noun of a recalled visit, reported above
            gate = (
                "future" if is_future(sent.text, cue) else "history" if is_history(sent.text)
                else "background date" if self._is_background(self.dates[i])
                else "negated" if is_negated(sent.text, cue) else None
            )  # fmt: skip
            if gate is not None:
                self.gates[i] = gate
                continue
            when = self.own[i] or date_after(unify(sent.text).lower(), last_day)
            # an undated page on a session of the General Assembly: its September, told by no sentence (a later
            # "le même jour" takes the day told before it, not this month)
            session = EventDate(f"{self.session:04d}-09", "month") if when is None and self.session else None
            when = when or session
            self.subject = []
            if i > 0 and cues[i - 1] is None and CONTINUATION.search(unify(sent.text).lower()):
                # "X a fait part, lundi 23 février, de ... . Ce diplomate a été reçu ...": X, on that day
                when = when or self.dates[i - 1]
                self.subject = self._named(i - 1)
            elif i > 0 and self._same_paragraph(i - 1, i):
                self.subject = self._pronoun_subject(i, sent, cue.start(), cue.end(), cues[i - 1])
            nxt = i + 1
            if when is None and nxt < len(cues) and cues[nxt] is None and self._same_paragraph(i, nxt):
                told_relatively = bool(
                    _DEICTIC_DAY.search(fold(sent.text)) or _TODAY.search(fold(self.article.sentences[nxt].text))
                )
                if (later := self.dates[nxt]) is not None and later.precision == "day" and not told_relatively:
                    when = later  # the date told in the sentence right after the cue
            if when is None and _frames_earlier_event(unify(sent.text).lower(), cue.start()):
                when = self._event_day(i)  # "En marge de cet événement": the day of the event told before
            if when is None:
                when = self._dateline_day(i)
            if when is None and self.article.published is not None and JUST_DONE.search(sent.text):
                when = EventDate.of(self.article.published)  # "X vient de recevoir Y": the day of publication
            if when is None and is_pluperfect(sent.text, cue) and not _TOLD_DAY.search(fold(sent.text)):
                self.gates[i] = "undated pluperfect"
                continue  # "X avait rencontré Y", undated: background
            earlier = self._returned_visit(i, sent)
            if earlier is not None:
                out.append(earlier)
            second = coordinated_cue(sent.text, cue)
            if (
                second is not None
                and not any(e.label == "PER" and cue.end() <= e.start < second[1].start() for e in sent.ents)
                and not unnamed_representatives(sent, cue.end(), second[1].start())
            ):
                second = None  # "a reçu et a échangé avec Y": one contact
            if second is not None and (planned := _PLANNED.search(unify(sent.text).lower(), cue.end())):
                if planned.start() <= second[1].start():
                    second = None  # "a rencontré X, et doit ensuite rencontrer Y": only announced
            clause = _other_contact_span(sent, cue.start(), inside=True) if second is None else (0, 0)
            main = cue_after(sent.text, clause[1]) if clause != (0, 0) else None
            if main is not None:  # "Après son audience avec Z, X a eu une séance de travail avec Y": two contacts
                found_here = self._sentence_meetings(
                    i, sent, mtype, cue.start(), cue.end(), when, skip=(main[1], len(sent.text))
                ) + self._sentence_meetings(i, sent, main[0], main[1], main[2], when, skip=clause)
                for c in found_here:  # never merged back into one
                    c.split_group = i if c.split_group is None else c.split_group
            elif second is None:
                found_here = self._sentence_meetings(
                    i, sent, mtype, cue.start(), cue.end(), when, skip=self._other_span(sent, cue.start(), cue.end())
                )
            else:  # "X a été reçu par Y, et s'est entretenu avec Z": two contacts of the same subject
                found_here = self._sentence_meetings(
                    i, sent, mtype, cue.start(), cue.end(), when, skip=(second[1].start(), len(sent.text))
                ) + self._sentence_meetings(
                    i, sent, second[0], second[1].start(), second[1].end(), when, skip=(cue.end(), second[1].start())
                )
                for c in found_here:  # never merged back into one
                    c.split_group = i if c.split_group is None else c.split_group
            for c in found_here:
                self._add_company(c, i, cues)
            out.extend(found_here)
            last_day = (when if when is not session else None) or last_day
        self._late_company(out, cues)
        return out, self.people

    def _late_company(self, out: list[Candidate], cues: Sequence[object]) -> None:
        """Delegation members named further on, in a cue-less sentence whose subject is a participant ("Le
        capitaine X, pour ce voyage, était accompagné du ministre Y") or the delegation ("la délégation était
        conduite par Y"): they join that participant's latest contact."""
        for j, sent in enumerate(self.article.sentences):
            low = unify(sent.text).lower()
            if cues[j] is not None or not sent.running or (m := _COMPANY.search(low)) is None:
                continue
            subject = [
                cl.id
                for e in sent.ents
                if e.label == "PER" and e.start < m.start() and (cl := self.people.cluster(j, e.start)) is not None
            ]
            earlier = [c for c in out if c.sentence < j and not c.standalone]
            if subject:
                earlier = [c for c in earlier if set(subject) & set(c.participants)]
            elif not _DELEGATION.search(low[: m.end()]):
                continue
            if not earlier:
                continue
            target = earlier[0] if subject else earlier[-1]  # the trip of the one accompanied
            for e in sent.ents:
                if e.label != "PER" or e.start < m.start() or is_sender(sent, e):
                    continue
                cl = self.people.cluster(j, e.start)
                if cl is None or cl.id in target.participants:
                    continue
                lead = next((target.party[p] for p in subject if p in target.party), None) or (
                    None if subject else _delegation_state(sent, m.end())
                )
                if lead and cl.id not in self.people.state_of:  # a member goes with the one he accompanies
                    self.people = self.people.with_states({cl.id: lead})
                target.participants.append(cl.id)
                target.company.add(cl.id)
                if st := self.people.represented_state(cl.id):
                    target.party[cl.id] = st
                    extend_unique(target.states, [st])

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
            company = _COMPANY.search(low) or (_CO_CHAIR.search(low) if c.split_group is None else None)
            if not sent.running or not (company or speakers):
                continue
            lead = None
            if company and not any(e.label == "PER" and e.start < company.start() for e in sent.ents):
                lead = _delegation_state(sent, company.end())  # "la délégation ivoirienne était conduite par X"
            for e in sent.ents:
                if e.label != "PER" or is_sender(sent, e):
                    continue
                cl = self.people.cluster(j, e.start)
                if cl is not None and lead and cl.id not in self.people.state_of:
                    self.people = self.people.with_states({cl.id: lead})
                if cl is not None and cl.id not in c.participants:
                    c.participants.append(cl.id)
                    c.company.add(cl.id)
                    if (st := self.people.represented_state(cl.id)) and st not in c.states:
                        c.states.append(st)
                    if st:
                        c.party[cl.id] = st

    def _anchored(self, dates: list[EventDate | None]) -> list[EventDate | None]:
        """Undated sentences of a page with no publication date that tell a day without year or a bare weekday,
        read against the full day printed in the nearest sentence (the earlier one on a tie) of the latest year
        the article prints in a date (an older day, "le sommet de la TICAD tenu du 1er au 3 juin 2013", "sous le
        président X (19 novembre 1968 – 26 mars 1991)", is background; a bare year, "revenir en 2027", is no
        date; with none printed, the year of the latest day a weekday fixed). Only the sentence's own contact
        takes that day: it is lent to no neighbour."""
        news_year = max((y for s in self.article.sentences for y in dated_years(s.text)), default=None) or max(
            (int(d.value[:4]) for d in dates if d is not None and d.precision == "day"), default=None
        )
        days = [
            (j, d)
            for j, d in enumerate(dates)
            if d is not None and d.precision == "day" and d.value[:4] == str(news_year)
        ]
        out = list(dates)
        for i, sent in enumerate(self.article.sentences):
            if out[i] is not None or not days:
                continue
            j, near = min(days, key=lambda jd: (abs(jd[0] - i), jd[0] > i))
            if (anchor := parse_iso(near.value)) is not None:
                out[i] = anchored_date(sent.text, anchor)
        return out

    def _is_background(self, when: EventDate | None) -> bool:
        base = self.article.published
        day = parse_iso(when.value) if when and when.precision == "day" else None
        return base is not None and day is not None and base - timedelta(_BACKGROUND_DAYS) > day

    def _fallback_date(self, i: int) -> EventDate | None:
        """Crawler month, publication month, else the nearest date of the article's latest year at month
        precision (before the sentence, else a day told after it)."""
        if self.article.header_month:
            return EventDate(self.article.header_month[:7], "month")
        if self.published:
            return EventDate(self.published[:7], "month")
        # only a date of the latest year the article prints: "(19 novembre 1968 – 26 mars 1991)", a term of
        # office or other background, does not date a contact reported now
        recent = [d if d is not None and d.value[:4] == str(self.latest_year) else None for d in self.dates]
        earlier = [d for d in recent[:i] if d is not None]
        # a later month or year only ("Pour rappel, X a effectué une visite en février 2015") recalls another contact
        later = [d for d in recent[i:] if d is not None and d.precision == "day"]
        pick = earlier[-1] if earlier else (later[0] if later else None)
        return pick.as_month() if pick else None

    def _sentence_meetings(
        self, i: int, sent: Sentence, mtype: str, cue_start: int, cue_end: int, when: EventDate | None,
        skip: tuple[int, int] = (0, 0),
    ) -> list[Candidate]:  # fmt: skip
        """The meetings of a cue sentence; people named inside `skip` belong to another contact of it."""
        low = unify(sent.text).lower()
        frame = frame_span(low)
        frame_end = frame[1]
        before: list[str] = []
        after: list[str] = []
        pos_of: dict[str, int] = {}
        for e in sent.ents:
            if (
                e.label != "PER"
                or frame[0] <= e.start < frame_end
                or is_sender(sent, e)
                or skip[0] <= e.start < skip[1]
            ):
                continue
            c = self.people.cluster(i, e.start)
            if c is None or c.id in self.sources:
                continue
            side = before if e.start < cue_start else after
            if c.id not in before and c.id not in after:
                side.append(c.id)
                pos_of[c.id] = e.start
        senders = {
            c.id
            for e in sent.ents
            if e.label == "PER" and is_sender(sent, e) and (c := self.people.cluster(i, e.start))
        }
        for pid in self.subject:
            if pid not in before and pid not in after:
                before.insert(0, pid)
                pos_of[pid] = -1
        for iso, role, pos in unnamed_representatives(sent, frame_end, len(sent.text)):
            if sender_at(sent, pos) or skip[0] <= pos < skip[1]:
                continue  # "un message du président malien": the sender's post
            named = self._holder(role, iso, near=i)
            if named is not None and named not in before and named not in after and named not in senders:
                (before if pos < cue_start else after).append(named)
                pos_of[named] = pos
        for pos, named in self._home_holders(sent, frame_end, skip):
            if named not in before and named not in after:
                (before if pos < cue_start else after).append(named)
        participants = before + after
        reps = [
            iso
            for iso, _, pos in unnamed_representatives(sent, frame_end, len(sent.text))
            if not skip[0] <= pos < skip[1]
        ]
        # "les travaux de la commission mixte Guinée-Mali ont été clôturés jeudi": its states are its parties (a
        # gathering named with no person and no date of its own is background: "qui a tenu sa dernière réunion")
        # (a day read against a neighbour's on an undated page, `_anchored`, is no date of its own)
        borrowed = self.dates[i] is None and when is not None and when == self.own[i]
        gathering = (
            not participants and when is not None and not borrowed and mtype in _GATHERINGS
            and gathering_takes_place(sent.text, cue_start, cue_end, _EVENT_VERB, _VENUE_VERB)
        )  # fmt: skip
        bare = self._bare_states(sent, low, mtype, frame_end, cue_start, gathering) if participants or gathering else []
        if gathering and len(set(bare) | self._member_states(sent, mtype)) < 2:
            gathering, bare = False, []  # one state named: not the parties of a gathering
        place, place_state = sentence_place(self.gaz, sent, frame)
        if place is None:
            place, place_state = self._neighbour_place(i)
        if mtype == "phone_call":
            place = None  # "a indiqué le Kremlin": the source, not where a call took place
        at_home = [place_state] if mtype in ("visit", "audience") and place_state else []  # the host's city
        facing = _facing_reps(sent, (frame_end, cue_start), skip, participants, pos_of)
        self._pair_unqualified(participants, facing + bare + at_home)
        if before and after:
            self._foreign_side(participants)
        day = when or self._fallback_date(i)
        state_of = {p: st for p in participants if (st := self.people.represented_state(p, day.value if day else None))}
        states: list[str] = []
        for pid in participants:
            if (st := state_of.get(pid)) and st not in states:
                states.append(st)
        extend_unique(states, reps)
        extend_unique(states, bare)
        home_side = self._home_post_side(sent, cue_start, cue_end, states)
        extend_unique(states, home_side)
        if mtype == "visit" and place_state and participants:
            extend_unique(states, [place_state])
        orgs = self._orgs(sent)
        if mtype == "multilateral":
            extend_unique(states, [iso for oid in orgs for iso in members().get(oid, [])])
        hosts = self._hosts(mtype, low, cue_start, cue_end, before, after, place_state, bare)
        if mtype == "audience":  # the parse's receiving side, when it names one of the meeting's states
            received = [st for st in self._receiver_states(i, sent, cue_start, cue_end, frame_end) if st in states]
            hosts = received[:1] or hosts
        if place is None and mtype != "phone_call":  # "en marge de l'Assemblée générale": where it sits
            place, place_state = seat_place(self.gaz, sent, frame)  # (after the hosts: not the host's city)
        date = when or self._fallback_date(i)
        base = Candidate(
            type=mtype, sentence=i, evidence=sent.text.strip(), participants=participants, states=states,
            rep_states=reps + home_side, hosts=hosts, organisations=orgs, place=place, place_state=place_state,
            date=date, date_is_fallback=when is None, anaphoric=is_anaphoric(sent.text, cue_start),
            party=dict(state_of), gathering=gathering, additive=is_additive(sent.text, cue_start, cue_end),
        )  # fmt: skip
        company = _COMPANY.search(low)
        if base.anaphoric and company and participants and min(pos_of.get(p, -1) for p in participants) > company.end():
            base.company = set(participants)  # "L'audience s'est déroulée en présence du ministre X": people present
        elif base.anaphoric and _ATTENDANCE.search(low):
            base.company = set(participants)  # "X a pris part à l'audience": present at the contact told before
        else:  # "il a été accueilli par le président X, accompagné par le ministre Y": Y came with X's side
            base.company = {
                p
                for p in participants
                for m in _COMPANY.finditer(low)
                if 0 <= pos_of.get(p, -1) - m.end() <= _COMPANY_REACH
            }
        turns = self._turns(low, cue_end, after, pos_of)
        if len(turns) >= 2 and before:  # "avec X, puis avec Y": one contact with each
            return [
                replace(base, participants=before + group, split_group=i,
                        states=[s for s in states if s in {state_of.get(p) for p in before + group} | set(reps)],
                        party={p: st for p, st in state_of.items() if p in before + group})
                for group in turns
            ]  # fmt: skip
        common = {state_of.get(p) for p in before} - {None}
        if mtype == "bilateral_meeting" and before and len(after) >= 2:
            groups = _counterpart_groups(sent, cue_start, cue_end, after, pos_of, state_of, common)
            if len(groups) >= 2:  # "s'est entretenu avec les présidents ivoirien X et sénégalais Y": one talk each
                return [
                    replace(base, participants=before + group, split_group=i,
                            states=[s for s in states if s in common | {state_of.get(p) for p in group}],
                            party={p: st for p, st in state_of.items() if p in before + group})
                    for group in groups
                ]  # fmt: skip
        others = [s for s in dict.fromkeys(reps + [state_of.get(p) or "" for p in after]) if s and s not in common]
        subjects = [s for s in dict.fromkeys(state_of.get(p) for p in before) if s]
        if is_plural(sent.text) and len(subjects) >= 2 and len(others) <= 1:
            # "Les ambassadeurs X du Maroc, Y de l'Égypte et Z du Japon ont successivement présenté leurs lettres
            # de créance au chef de l'État": one contact for each state of the plural subject
            return [
                replace(base, participants=[p for p in before if state_of.get(p) == iso] + after, split_group=i,
                        anaphoric=False,  # "leurs lettres de créance": each subject's own, not an earlier contact
                        hosts=[h for h in hosts if h not in subjects]
                        or ([s for s in states if s not in subjects][:1] if mtype == "audience" else []),
                        states=[iso] + [s for s in states if s not in subjects], rep_states=[iso],
                        party={p: st for p, st in state_of.items() if st == iso or st not in subjects})
                for iso in subjects
            ]  # fmt: skip
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
                party={p: st for p, st in state_of.items() if st in common or st == iso},
            )  # fmt: skip
            for iso in others
        ]

    def _pronoun_subject(
        self, i: int, sent: Sentence, cue_start: int, cue_end: int, prev_cue: tuple[str, re.Match[str]] | None
    ) -> list[str]:
        """'Le chef de l'État, X, multiplie les rencontres. C'est dans cette dynamique qu'il a reçu Y': a contact
        verb whose subject is a lone pronoun, with nobody named before it, has for subject the one person named
        in the sentence before (before its own contact verb, when it has one); [] otherwise, or when a delegation
        or a mission is named before the pronoun (the nearer antecedent)."""
        if any(e.label == "PER" and e.start < cue_start for e in sent.ents):
            return []
        low = unify(sent.text).lower()
        pronoun = _PRONOUN.search(low, 0, cue_start)
        if pronoun is None or _DELEGATION.search(low, 0, pronoun.start()):
            return []  # "la délégation s'est dirigée vers ..., ensuite elle a été reçue": the pronoun resumes it
        if not any(pronoun for _, _, pronoun in cue_sides(sent.text, cue_start, cue_end)):
            return []
        prev = self.article.sentences[i - 1]
        named = self._people_in(i - 1, prev, 0, prev_cue[1].start() if prev_cue else len(prev.text))
        return named if len(named) == 1 else []

    def _home_post_side(self, sent: Sentence, cue_start: int, cue_end: int, states: list[str]) -> list[str]:
        """'Le ministre de la Défense a reçu le président X, Haut représentant de l'Union africaine', 'le chef de
        l'État a été accueilli par le Premier ministre X': a side of the contact (the verb's subject or passive
        agent, from the parse) that is a post of the home government printed alone, with no name and no
        country, stands for the article's home state; [home] when that state is not already a side, else []."""
        home = self.people.home_state
        if home is None or home in states or len(states) >= 2:
            return []
        text = unify(sent.text)
        if not _HOME_POST.search(text):
            return []
        for lo, hi, pronoun in cue_sides(sent.text, cue_start, cue_end):
            post = _HOME_POST.search(text, lo, hi)
            if pronoun or post is None or sender_at(sent, lo) or re.search(r"\bministres\b", text[lo:hi].lower()):
                continue
            if not any(lo <= e.start < hi and (e.label in _SIDE_ENTS or e.ident.startswith("org:")) for e in sent.ents):
                return [home]
        return []

    def _orgs(self, sent: Sentence) -> list[str]:
        """The organisations named in a sentence (organs folded into their parent)."""
        orgs: list[str] = []
        for e in sent.ents:
            if oid := ident_of(e.ident, "org:"):
                extend_unique(orgs, [top_org(self.gaz, oid)])
        return orgs

    def _member_states(self, sent: Sentence, mtype: str) -> set[str]:
        """The member states of the organisations of a gathering's sentence ("le sommet de l'AES")."""
        return {iso for oid in self._orgs(sent) for iso in members().get(oid, [])} if mtype == "multilateral" else set()

    @staticmethod
    def _turns(low: str, cue_end: int, after: list[str], pos_of: dict[str, int]) -> list[list[str]]:
        """The people after the cue grouped by 'avec X, puis avec Y' (one group per 'avec'), or one group."""
        cuts = [m.start() for m in _SUCCESSIVE.finditer(low, cue_end)]
        if not cuts:
            return [after]
        bounds = [cue_end, *cuts, len(low) + 1]
        groups = [[p for p in after if lo <= pos_of.get(p, -1) < hi] for lo, hi in itertools.pairwise(bounds)]
        return [g for g in groups if g]

    def _bare_states(
        self, sent: Sentence, low: str, mtype: str, frame_end: int, cue_start: int, gathering: bool = False
    ) -> list[str]:
        """States named without a representative: destination of a visit, 'entre le Mali et la Russie'; for a
        gathering named with no person, only the states named after its noun ("le sommet Russie-Afrique"); for a
        joint commission or a gathering, also the two parts of a compound adjective after its noun ("la commission
        mixte algéro-malienne")."""
        out = []
        for e in sent.ents:
            iso = ident_of(e.ident, "state:")
            if not iso or e.start < frame_end:
                continue
            if e.label == "DEMONYM" and _in_compound(sent.text, e) and (mtype == "joint_commission" or gathering):
                if e.start > cue_start:
                    out.append(iso)
                continue
            if e.label not in ("STATE", "CAPITAL"):
                continue
            before = low[max(0, e.start - 40) : e.start]
            if (mtype in ("visit", "joint_commission") or gathering) and e.start > cue_start:
                if mtype == "visit" and not gathering and _CLAUSE_BREAK.search(low, cue_start, e.start):
                    continue  # "s'est rendu à Moscou pour rencontrer Y, qui a dénoncé la France": no destination
                out.append(iso)
            elif gathering:
                continue
            elif " entre " in " " + before or re.search(r"\bet (?:le |la |l'|les )?$", before) and "entre" in low:
                out.append(iso)
            elif e.start > cue_start and _state_pair(sent, e):
                out.append(iso)  # "un conseil des ministres conjoint Mali-Burkina Faso": the body of two states
        return out

    def _hosts(
        self, mtype: str, low: str, cue_start: int, cue_end: int, before: list[str], after: list[str],
        place_state: str | None, bare: list[str],
    ) -> list[str]:  # fmt: skip
        """The receiving side: the state of whoever grants an audience, the destination of a visit."""
        if mtype == "audience":
            passive = re.match(r"\s*(?:en audience\s*)?(?:,\s*)?(?:\w+\s+){0,4}par\b", low[cue_end:]) is not None
            # "X a été reçu(e), mardi à Bamako, par Y": the passive cue itself, its agent later in the clause
            passive = passive or (
                _PASSIVE_CUE.match(low, cue_start) is not None and re.search(r"\bpar\b", low[cue_start:]) is not None
            )
            side = after if passive or " reçu par" in low or " reçue par" in low else before
            return [st for p in side if (st := self.people.represented_state(p))][:1]
        if mtype == "visit":
            return [place_state] if place_state else bare[:1]
        return []

    def _receiver_states(self, i: int, sent: Sentence, cue_start: int, cue_end: int, frame_end: int) -> list[str]:
        """The states of the receiving side of a reception, from the dependency parse (`ingest.syntax`): the
        people named in the subject of "a reçu" or the agent of "a été reçu par", else the post holders and
        unnamed representatives there ("par le Premier ministre", "le président de la République française"),
        else a demonym or state named there ("le ministère malien")."""
        span = receiver_span(sent.text, cue_start, cue_end)
        if span is None:
            return []
        lo, hi = span
        out = [
            st
            for e in sent.ents
            if e.label == "PER" and lo <= e.start < hi
            and (cl := self.people.cluster(i, e.start)) is not None
            and (st := self.people.represented_state(cl.id))
        ]  # fmt: skip
        out += [st for pos, pid in self._home_holders(sent, frame_end, (0, 0)) if lo <= pos < hi
                and (st := self.people.represented_state(pid))]  # fmt: skip
        out += [iso for iso, _, pos in unnamed_representatives(sent, lo, hi) if lo <= pos < hi]
        out += [
            iso
            for e in sent.ents
            if lo <= e.start < hi and e.label in ("DEMONYM", "STATE") and (iso := ident_of(e.ident, "state:"))
        ]
        return out

    def _other_span(self, sent: Sentence, cue_start: int, cue_end: int) -> tuple[int, int]:
        """The clause of the cue sentence that tells another contact: an earlier visit this one returns
        (`_return_span`), a time clause naming another contact of the subject (`_other_contact_span`), else a
        further contact announced after the cue ("..., et devrait rencontrer Y"), to the end of the sentence;
        (0, 0) when there is none."""
        span = self._return_span(sent)
        if span != (0, 0):
            return span
        span = _other_contact_span(sent, cue_start)
        if span != (0, 0):
            return span
        planned = _PLANNED.search(unify(sent.text).lower(), cue_end)
        return (planned.start(), len(sent.text)) if planned else (0, 0)

    def _return_span(self, sent: Sentence) -> tuple[int, int]:
        """The clause of an earlier visit this one returns ('faisant suite à une visite de X en février'), or
        (0, 0)."""
        low = unify(sent.text).lower()
        m = _RETURN_VISIT.search(low)
        if m is None:
            return 0, 0
        end = min([len(low)] + [k for k in (low.find(",", m.end()), low.find(";", m.end())) if k > 0])
        return m.start(), end

    def _returned_visit(self, i: int, sent: Sentence) -> Candidate | None:
        """The earlier visit a visit returns, as its own contact: its visitor, his state and his destination's,
        the date stated in the clause."""
        lo, hi = self._return_span(sent)
        if hi == 0:
            return None
        visitors = []
        for e in sent.ents:
            if e.label == "PER" and lo <= e.start < hi and (cl := self.people.cluster(i, e.start)) is not None:
                visitors.append(cl.id)
        party = {p: st for p in visitors if (st := self.people.represented_state(p))}
        dest = [iso for e in sent.ents if lo <= e.start < hi and (iso := ident_of(e.ident, "state:"))]
        states = list(dict.fromkeys([*party.values(), *dest]))
        if not visitors or len(states) < 2:
            return None
        clause = sent.text[lo:hi]
        told = self.dates[i]
        base = self.article.published or (parse_iso(told.value[:7] + "-28") if told is not None else None)
        when = find_date(clause, self.article.published, month_hint=self.article.header_month) or bare_month(
            clause, base
        )
        return Candidate(
            type="visit", sentence=i, evidence=sent.text.strip(), participants=visitors, states=states,
            hosts=[s for s in dest if s not in party.values()][:1], date=when or self._fallback_date(i),
            date_is_fallback=when is None, party=party, standalone=True,
        )  # fmt: skip

    def _reference_day(self) -> date | None:
        """The day of the article's news: the publication date, else the end of the crawler month, else the
        end of the latest day or month the article prints."""
        if self.article.published is not None:
            return self.article.published
        if self.article.header_month:
            return _period_end(EventDate(self.article.header_month[:7], "month"))
        ends = [_period_end(e) for e in self.dates if e is not None and e.precision in ("day", "month")]
        return max(ends) if ends else None

    def _recalled_visits(self, i: int, sent: Sentence) -> tuple[list[Candidate], list[tuple[int, int]]]:
        """Earlier visits recalled as noun phrases with their own date ("les visites du Roi X au Mali en 2013 et
        2014", "celle effectuée à Doha par le président X, du 14 au 16 mai 2017"): one contact per date, each
        ending at least _RECALL_AGE days before the article's news; and the spans of those phrases."""
        low = unify(sent.text).lower()
        ref = self._reference_day()
        found = list(_RECALLED.finditer(low))
        out: list[Candidate] = []
        spans: list[tuple[int, int]] = []
        for k, m in enumerate(found):
            lo = m.start()
            hi = min([found[k + 1].start() if k + 1 < len(found) else len(low), lo + _RECALL_REACH]
                     + [j for j in (low.find(";", lo),) if j > 0])  # fmt: skip
            dates = _recall_dates(sent.text[lo:hi], self.article.published)
            if not dates or ref is None or any(_period_end(d) > ref - timedelta(_RECALL_AGE) for d in dates):
                continue
            visitors = self._people_in(i, sent, lo, hi)
            if not visitors and low[lo : lo + 3] in ("sa ", "ses"):
                visitors = self._people_in(i, sent, 0, lo)[:1]  # "X, au cours de sa visite au Qatar, ..."
            party = {p: st for p in visitors if (st := self.people.represented_state(p))}
            if not visitors:  # "la visite de l'Émir du Qatar": an unnamed head, the article's holder if any
                for rep, role, _ in unnamed_representatives(sent, lo, hi)[:1]:
                    holder = self._holder(role, rep)
                    visitors = [holder] if holder else []
                    party = {holder or "": rep}
            dest = [iso for e in sent.ents if lo <= e.start < hi and e.label in ("STATE", "CAPITAL")
                    and (iso := ident_of(e.ident, "state:")) and iso not in party.values()]  # fmt: skip
            if _OUR_COUNTRY.search(low, lo, hi) and (home := self.people.home_state) and home not in party.values():
                dest.append(home)
            if not party or not dest:
                continue
            spans.append((lo, hi))
            states = list(dict.fromkeys([*party.values(), *dest]))
            party.pop("", None)
            for d in dates:
                out.append(Candidate(
                    type="visit", sentence=i, evidence=sent.text[lo:hi].strip(" ,"), participants=list(visitors),
                    states=list(states), hosts=dest[:1], date=d, party=dict(party), standalone=True,
                ))  # fmt: skip
        return out, spans

    def _people_in(self, i: int, sent: Sentence, lo: int, hi: int) -> list[str]:
        """The people named between two offsets of sentence i (not as senders)."""
        out: list[str] = []
        for e in sent.ents:
            if e.label == "PER" and lo <= e.start < hi and not is_sender(sent, e):
                if (cl := self.people.cluster(i, e.start)) is not None and cl.id not in out:
                    out.append(cl.id)
        return out

    def _named(self, j: int) -> list[str]:
        """The people named in sentence j (not as senders)."""
        sent = self.article.sentences[j]
        out = []
        for e in sent.ents:
            if e.label == "PER" and not is_sender(sent, e) and (cl := self.people.cluster(j, e.start)) is not None:
                if cl.id not in out:
                    out.append(cl.id)
        return out

    def _event_day(self, i: int) -> EventDate | None:
        """The day of the latest of the _EVENT_BACK sentences before sentence i that states one."""
        for j in range(i - 1, max(-1, i - 1 - _EVENT_BACK), -1):
            if (d := self.dates[j]) is not None:
                return d if d.precision == "day" else None
        return None

    def _dateline_day(self, i: int) -> EventDate | None:
        """The day of a dateline opening the cue's paragraph ("Bamako, le 15 août 2022. Le président ... a
        effectué une visite ..."), for a cue sentence with no date of its own."""
        para = self.article.sentences[i].paragraph
        for j in range(i - 1, -1, -1):
            if self.article.sentences[j].paragraph != para:
                break
            if j == 0 or self.article.sentences[j - 1].paragraph != para:  # the paragraph's first sentence
                found = self.dates[j]
                if is_paragraph_dateline(self.article.sentences[j].text) and found and found.precision == "day":
                    return found
        return None

    def _same_paragraph(self, i: int, j: int) -> bool:
        return self.article.sentences[i].paragraph == self.article.sentences[j].paragraph

    def _home_holders(self, sent: Sentence, frame_end: int, skip: tuple[int, int]) -> list[tuple[int, str]]:
        """'reçue par le Premier ministre', 'le président de la Transition': a head title printed with no country
        names the home state's one holder of that post in the article (offset, person id)."""
        home = self.people.home_state
        if home is None:
            return []
        text = unify(sent.text)
        out = []
        for m in _HEAD_TITLE.finditer(text, frame_end):
            if skip[0] <= m.start() < skip[1] or sender_at(sent, m.start()):
                continue
            if any(
                e.start >= m.end() and e.start <= m.end() + 30 and e.label in ("DEMONYM", "STATE") for e in sent.ents
            ):
                continue  # "le président sénégalais": a stated country, handled as a representative
            if any(
                e.label == "PER"
                and m.end() <= e.start <= m.end() + 60
                and not re.search(r"[.;:]", text[m.end() : e.start])
                for e in sent.ents
            ):
                continue  # "par le président de la transition Bah N'Daw": the title of the name printed after it
            kind = title_kind(m.group(0)) or ""
            named = self._holder(kind, home, kind_given=True)
            if named is not None and self._named_elsewhere(sent, named, m.start(), m.end()):
                # "Le chef de l'État a eu un tête-à-tête avec son homologue russe, Vladimir Poutine": the title
                # alone is not the counterpart named in the same sentence; the home state was guessed wrong
                others = [pid for pid in self.people.ids() if kind in self.people.kinds(pid)
                          and self.people.state(pid) not in (None, self.people.state(named))]  # fmt: skip
                named = others[0] if len(others) == 1 else None
            elif named is None:  # the home state guessed wrong ("L'Ambassadrice des États-Unis ... reçue par le
                # Premier ministre"): the article's one holder of that post, whatever his state
                holders = [pid for pid in self.people.ids() if kind and kind in self.people.kinds(pid)]
                named = holders[0] if len(holders) == 1 else None
            if named is not None:
                out.append((m.start(), named))
        return out

    def _named_elsewhere(self, sent: Sentence, pid: str, lo: int, hi: int) -> bool:
        """Whether a person is named in a sentence outside the span [lo, hi)."""
        i = self.article.sentences.index(sent)
        return any(
            e.label == "PER" and not lo <= e.start < hi + 40
            and (cl := self.people.cluster(i, e.start)) is not None and cl.id == pid
            for e in sent.ents
        )  # fmt: skip

    def _holder(self, role: str, iso: str, kind_given: bool = False, near: int | None = None) -> str | None:
        """The one person of the article holding a post of this kind for this state ('le chef de la diplomatie
        malienne' -> Abdoulaye Diop), or None; with `near` (the sentence of the description of a foreign
        representative), else the one person named in that sentence or the next with neither a title nor a state."""
        kind = role if kind_given else title_kind(role) or ("minister" if role in ("ministre", "homologue") else None)
        if kind is None or role.endswith("s"):
            return None
        found = [pid for pid in self.people.ids() if self.people.state(pid) == iso and kind in self.people.kinds(pid)]
        if len(found) == 1:
            return found[0]
        if found or kind_given or near is None:
            return None
        # "l'ambassadeur du Maroc au Mali, Son excellence, Hassan Naciri", "reçu le diplomate russe. Alexeï X a
        # ...": the one person named there bare (neither a title nor a state) is the one described; with nobody
        # bare there, the article's one person named bare ("l'ambassadeur de Chine au Mali" whose name only the
        # headline or a later paragraph prints)
        bare = self._bare(range(near, min(len(self.article.sentences), near + 2)))
        if not bare:
            bare = self._bare(range(len(self.article.sentences)))
        if len(bare) != 1:
            return None
        self.people = self.people.with_states({bare[0]: iso})
        return bare[0]

    def _bare(self, where: range) -> list[str]:
        """The people named in these sentences with neither a title nor a state, nor a nationality printed just
        before the name ("la jeune artiste malienne X")."""
        sentences = self.article.sentences
        named: dict[str, bool] = {}  # person -> named bare everywhere there
        for j in where:
            for e in sentences[j].ents:
                if e.label == "PER" and (cl := self.people.cluster(j, e.start)) is not None:
                    qualified = any(
                        x.ident.startswith("state:") and e.start - 40 <= x.end <= e.start for x in sentences[j].ents
                    )
                    named[cl.id] = named.get(cl.id, True) and not qualified
        return [
            pid for pid, ok in named.items() if ok and self.people.state(pid) is None and pid not in self.people.titles
        ]

    def _pair_unqualified(self, participants: list[str], sides: list[str]) -> None:
        """A participant whose country is not stated takes the one state of the meeting nobody else represents."""
        unknown = [p for p in participants if self.people.state_of.get(p) is None]
        if len(unknown) != 1:
            return
        known = {self.people.state_of[p] for p in participants if p in self.people.state_of}
        free = [s for s in dict.fromkeys(sides) if s not in known]
        if len(free) == 1:
            self.people = self.people.with_states({unknown[0]: free[0]})

    def _foreign_side(self, participants: list[str]) -> None:
        """Two sides of one contact, all of one state, one of them with no printed country ("Le ministre des
        Affaires étrangères, X, a été reçu à Bamako par le Premier ministre du Mali, Y"; "X, président du groupe
        d'amitié ..., a été reçu par le Premier ministre Y"): a contact within one state is not reported as
        such, so the unprinted side stands for the state the article names most after that one (when one
        state clearly leads) — when that post is a minister's, a head's or an ambassador's, or names that state."""
        printed = {self.people.state_of[p] for p in participants if p in self.people.state_of}
        unprinted = [p for p in participants if p not in self.people.state_of]
        if len(printed) != 1 or len(unprinted) != 1:
            return
        pid = unprinted[0]
        if pid not in self.people.titles:
            return  # no post printed: a private person or one named in passing stands for no state
        if (rep := self.people.titles[pid][1]) is not None and rep not in self.people.gaz_states:
            return  # an official of an organisation ("médiateur de la CEDEAO") stands for no state
        if self.people.represented_state(pid) not in (None, *printed):
            return
        posted = [st for p in participants if p in self.people.state_of and (st := self._posted_in(p))]
        if posted and posted[0] not in printed:
            # "L'ambassadeur du Mali en Algérie, X, a été reçu par le directeur général Afrique, Y": the
            # official who receives an ambassador is of the state the ambassador is posted to
            self.people = self.people.with_states({pid: posted[0]})
            return
        ranked = [(n, iso) for iso, n in self.state_counts.most_common() if iso not in printed]
        if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            return
        other = ranked[0][1]
        title = self.people.titles[pid][0]
        entry = self.gaz.state_by_iso3.get(other)
        names_it = entry is not None and any(fold(n) in fold(title) for n in [entry.name, *entry.long_forms])
        if not names_it and title_kind(title) is None and "ministre" not in title.lower():
            return  # "le directeur national des douanes": a post that stands for no state abroad
        self.people = self.people.with_states({pid: other})

    def _posted_in(self, pid: str) -> str | None:
        """The state an ambassador is posted to, from his printed title ("ambassadeur du Mali en Algérie")."""
        title = self.people.titles.get(pid, ("", None))[0]
        m = _POSTED.search(fold(title))
        if m is None:
            return None
        where = m.group(1)
        for st in self.gaz.states:
            if any(fold(n) and where.startswith(fold(n)) for n in [st.name, *st.long_forms]):
                return st.iso3
        return None

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


def _facing_reps(
    sent: Sentence, span: tuple[int, int], skip: tuple[int, int], participants: list[str], pos_of: dict[str, int]
) -> list[str]:
    """The states of the unnamed representatives a lone participant of unknown country may stand for: not those
    named across the cue verb from him ("Le ministre de l'Éducation, X, a reçu une délégation russe": X received
    the Russians, he is none of them)."""
    frame_end, cue_start = span
    reps = [r for r in unnamed_representatives(sent, frame_end, len(sent.text)) if not skip[0] <= r[2] < skip[1]]
    if len(participants) != 1 or pos_of.get(participants[0], -1) < 0:
        return [iso for iso, _, _ in reps]
    before = pos_of[participants[0]] < cue_start
    return [iso for iso, _, pos in reps if (pos < cue_start) == before]


def _counterpart_groups(
    sent: Sentence, cue_start: int, cue_end: int, after: list[str], pos_of: dict[str, int],
    state_of: dict[str, str], common: set[str | None],
) -> list[list[str]]:  # fmt: skip
    """Coordinated counterparts of a talk verb (`ingest.syntax.coordinated_counterparts`) grouped by the state
    each stands for (one without a state, an organisation's official, on his own); people of the subject's state
    go with every group. Fewer than two foreign states: no groups (one contact)."""
    span = coordinated_counterparts(sent.text, cue_start, cue_end)
    if span is None:
        return []
    inside = [p for p in after if span[0] <= pos_of.get(p, -1) < span[1]]
    own = [p for p in inside if state_of.get(p) in common]
    groups: dict[str, list[str]] = {}
    for p in inside:
        if p not in own:
            groups.setdefault(state_of.get(p) or "person:" + p, []).append(p)
    if len([k for k in groups if not k.startswith("person:")]) < 2:
        return []
    rest = [p for p in after if p not in inside]
    return [own + g + rest for g in groups.values()]


def _frames_earlier_event(low: str, cue_start: int) -> bool:
    """'En marge de cet événement, X s'est entretenu avec Y': a framing clause, closed by a comma before the
    cue, names an event told before (not 'lors de cette visite', where the noun is the contact itself)."""
    m = _EVENT_ANAPHOR.search(low)
    if m is None or m.start() > cue_start:
        return False
    comma = low.find(",", m.end())
    return 0 < comma < cue_start


def _recall_dates(clause: str, published: date | None) -> list[EventDate]:
    """The dates of a recalled visit: the first day of a stay ("du 14 au 16 mai 2017"), a stated day or month,
    or the years ("en 2013 et 2014": one visit each)."""
    folded = fold(clause)
    if (r := _RANGE.search(folded)) is not None:
        d = parse_iso(f"{r.group(3)}-{MONTHS[r.group(2)]:02d}-{int(r.group(1)):02d}")
        return [EventDate.of(d)] if d else []
    told = find_date(clause, published)
    if told is not None and re.search(r"\b(?:19|20)\d\d\b", clause):
        return [told]  # a date with its year printed, not completed from the publication date
    if (y := _YEARS.search(folded)) is not None:
        return [EventDate(g, "year") for g in y.groups() if g]
    return []


def _period_end(d: EventDate) -> date:
    """The last day of a date's period (a year, a month or a day)."""
    if d.precision == "year":
        return date(int(d.value), 12, 31)
    if d.precision == "month":
        start = parse_iso(d.value + "-01") or date.min
        return (start.replace(day=28) + timedelta(4)).replace(day=1) - timedelta(1)
    return parse_iso(d.value) or date.min


def _delegation_state(sent: Sentence, end: int) -> str | None:
    """'la délégation ivoirienne était conduite par': the state of the delegation, from its demonym."""
    for e in sent.ents:
        if e.start < end and e.label == "DEMONYM" and (iso := ident_of(e.ident, "state:")):
            return iso
    return None


def _in_compound(text: str, e: Ent) -> bool:
    """A demonym that is one part of a compound adjective of two states ('algéro-' or '-malienne')."""
    return e.text.endswith("-") or text[max(0, e.start - 1) : e.start] == "-"


def _state_pair(sent: Sentence, e: Ent) -> bool:
    """A state joined by a hyphen to another state named right before or after it ("Mali-Burkina Faso",
    "Guinée-Mali"): the two parties of a bilateral body or contact."""
    states = [x for x in sent.ents if x.label == "STATE" and x is not e]
    return any(sent.text[x.end : e.start] == "-" or sent.text[e.end : x.start] == "-" for x in states)


def _other_contact_span(sent: Sentence, cue_start: int, inside: bool = False) -> tuple[int, int]:
    """A time clause naming another contact ("Après son audience avec le Premier ministre X, ...", "..., avant
    l'audience avec le chef de l'État, X"): (start, end), the clause ending at the comma after the first name it
    gives when it heads the sentence, else at the end of the sentence; (0, 0) when there is none. The clause is
    the one the cue at `cue_start` is outside of, or (`inside`) the heading one it is the noun of."""
    low = unify(sent.text).lower()
    m = _OTHER_CONTACT.search(low)
    if m is None or (m.start() <= cue_start < m.end()) != inside:
        return 0, 0
    if m.start() > cue_start:
        end = min([len(low)] + [k for k in (low.find(";", m.end()),) if k > 0])
        return m.start(), end
    named = next(  # "avec le Premier ministre, X, le ministre ...": the name in apposition to its title
        (e.end for e in sent.ents if e.label == "PER" and e.start >= m.end() and low.count(",", m.end(), e.start) <= 1),
        m.end(),
    )
    comma = low.find(",", named)
    return (m.start(), comma) if comma > 0 and (inside or comma <= cue_start) else (0, 0)
