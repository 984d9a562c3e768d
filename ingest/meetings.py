"""Meetings: find sentences that report a contact between representatives, type them, split and merge them.

A candidate is a running-text sentence with a meeting cue (vocabulary.md) that is not announced for the
future, not historical background, and has a counterpart: two states, or a state and an organisation. The
"en marge de ..." clause is a frame (its organisation is linked, its people and places are not actors).
Plural cues with several represented states ("des rencontres ... avec les ambassadeurs de Russie et
d'Algérie") give one meeting per state; later sentences about the same contact ("cette rencontre", the
welcome and talks of one visit) merge into the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.text import unify
from ingest.article import Ent, Sentence
from ingest.dates import EventDate
from ingest.roles import unnamed_representatives

CUES: list[tuple[str, re.Pattern[str]]] = [
    ("phone_call", re.compile(
        r"(?:entretiens?|[ée]changes?|appels?|conversations?|entretenus?) (?:t[ée]l[ée]phoniques?|au t[ée]l[ée]phone"
        r"|par t[ée]l[ée]phone)|\bau t[ée]l[ée]phone\b|par t[ée]l[ée]phone|visioconf[ée]rence")),
    ("joint_commission", re.compile(r"commission (?:mixte|conjointe|intergouvernementale)")),
    ("other", re.compile(
        r"\bconvoqu[ée]|\bremis\b[^.;]{0,120}?\b(?:message|lettre|invitation)")),
    ("audience", re.compile(
        r"\ben audience\b|\baudiences?\b|\blettres de cr[ée]ance|\bcopies figur[ée]es"
        r"|\ba re[çc]u\b|\bont re[çc]u\b|\b(?:a|ont) [ée]t[ée] re[çc]ue?s?\b|\bre[çc]ue?s? (?:par|[àa] la primature"
        r"|[àa] koulouba)|\bre[çc]oit\b|\bre[çc]oivent\b")),
    ("visit", re.compile(
        r"\bvisites? (?:officielle|de travail|d'amiti[ée]|d'[ée]tat|de courtoisie|de trav|fraternelle|[ée]clair)"
        r"|\ben visite\b|\bs'est rendue?\b|\bse sont rendus\b|\bs[ée]journ[ée]|\best arriv[ée]e?\b|\bsont arriv[ée]s\b"
        r"|\bvisite (?:au|en|[àa])\b|\baccueillie? (?:par|[àa])|\b(?:a|ont) accueilli\b|\bchaleureusement accueilli"
        r"|\ben tourn[ée]e\b")),
    ("bilateral_meeting", re.compile(
        r"\brencontres? bilat[ée]rales?|\bentretiens?\b|\bs'est entretenue?\b|\bse sont entretenus\b|\bs'entretien"
        r"|t[êe]te-[àa]-t[êe]te|s[ée]ances? de travail|r[ée]unions? de travail|discussions? bilat[ée]rales?"
        r"|\ba rencontr[ée]|\bont rencontr[ée]|\bavaient? rencontr[ée]|\bs'[ée]tai(?:t|en)t? entretenue?s?\b"
        r"|\brencontre\b|\brencontres\b|\bdiscussion avec|\b[ée]chang[ée] avec"
        r"|\bpourparlers\b|\bs'est r[ée]uni avec|\bconsultations? politiques?")),
    ("multilateral", re.compile(
        r"\bsommet\b|\bse sont r[ée]unis\b"
        r"|\bconf[ée]rence (?:minist[ée]rielle|internationale|des chefs|au sommet)|\br[ée]union (?:des|du"
        r"|de la|minist[ée]rielle|extraordinaire|ordinaire|de concertation|tripartite|de haut niveau)\b"
        r"|\bsession (?:ordinaire |extraordinaire )?(?:de l'assembl|du conseil)|\bforum\b|\bassises\b")),
    # a signature in person, when nothing more specific is said
    ("other", re.compile(r"\b(?:a|ont) (?:sign[ée]|paraph[ée])\b")),
]  # fmt: skip
_VISIT = next(rx for t, rx in CUES if t == "visit")
_PASSIVE = re.compile(r"(?:a|ont) [ée]t[ée] re[çc]u")
_MULTI_VERB = re.compile(
    r"pris part|prend part|prennent part|particip|s'est tenue?|se sont tenus|a r[ée]uni|ont r[ée]uni|s'est ouvert"
    r"|a eu lieu|a assist[ée]|ont assist[ée]|a pr[ée]sid[ée]|ont pris part|a ouvert|\ba tenu|\bont tenu|\br[ée]unis\b"
    r"|\bintervenant\b|\best intervenue?\b|\ba pris la parole|\bs'exprimant\b|\bs'est exprim[ée]"
)
# Speaking at a session reported just before: the speaker took part in it.
SPEAKER = re.compile(
    r"\ba (?:d[ée]clar[ée]|soulign[ée]|regrett[ée]|plaid[ée]|demand[ée]|estim[ée]|affirm[ée]|appel[ée]|insist[ée])"
    r"|\best intervenue?\b|\ba pris la parole|\bs'est exprim[ée]"
)
FUTURE = re.compile(
    r"\b(?:sera|seront|serait|seraient|aura|auront|va|vont|devra|devront|devrait|devraient|pr[ée]vue?s?|assistera"
    r"|assisteront|se rendra|se rendront|effectuera|effectueront|participera|participeront|prendra|prendront"
    r"|recevra|recevront|rencontrera|rencontreront|s'entretiendra|s'entretiendront|envisag\w*|prochaine?s?|[àa] venir"
    r"|attendue?s?|programm[ée]e?s?|annonc[ée]e? pour|projet(?:te|é)?)\b"
)
_HISTORY = re.compile(r"\bil y a (?:\w+ )?(?:ans|ann[ée]es|d[ée]cennies|si[èe]cles?)\b|\bjadis\b|\bautrefois\b")
_FRAME = re.compile(
    r"\b(?:en ma(?:r)?ge d[eu']s?|lors d[eu']s?|[àa] l'occasion d[eu']s?|au cours d[eu']s?|dans le cadre d[eu']s?)"
)
_PLURAL = re.compile(
    r"\bsuccessivement\b|\btour [àa] tour\b|\brespectivement\b|\bdes rencontres\b|\bdes audiences\b"
    r"|\bdes entretiens\b|\bs[ée]par[ée]ment\b|\bpuis\b"
    # credentials are presented one ambassador at a time: "les lettres de créance des nouveaux ambassadeurs de ..."
    r"|(?:lettres de cr[ée]ance|copies figur[ée]es)\b.*\b(?:des|de|les) (?:\w+ )?ambassadeurs\b"
)
# A cue noun with a definite or demonstrative determiner ("l'audience", "cette rencontre", "leurs entretiens")
# refers back to a contact already reported.
_ANAPHOR = re.compile(r"(?:\b(?:cette|cet|ces|leur|leurs|la m[êe]me|ladite|la|le|les)\s+|\bl')$")
_SENDER = re.compile(
    r"(?:message|lettre|part|nom|[ée]missaire|envoy[ée](?: sp[ée]cial)?|invitation|compte|salutations|v[œo]eux"
    r"|f[ée]licitations|condol[ée]ances)(?:\s+[\w-]+){0,2}?\s+(?:du|de|d')\s*(?:la |l')?(?:[\w'-]+(?:\s+|(?=,))){0,4}"
    # "..., le général d'armée <Name>": a rank or honorific of the same sender after a comma
    r"(?:,\s*(?:le |la |son |sa )?(?:g[ée]n[ée]ral|colonel|capitaine|commandant|mar[ée]chal|docteur|dr|professeur"
    r"|excellence|m\.|mme|pr[ée]sident|roi|[ée]mir|prince|cheikh)(?: d'arm[ée]e| de division| de brigade)?\s+)?$"
)
_IN_QUOTE = re.compile(r"«[^»]*$")


@dataclass
class Candidate:
    """A meeting found in one sentence, before merging."""

    type: str
    sentence: int
    evidence: str
    participants: list[str] = field(default_factory=list)  # person cluster ids
    states: list[str] = field(default_factory=list)
    rep_states: list[str] = field(default_factory=list)  # states of unnamed representatives
    hosts: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    place: str | None = None
    place_state: str | None = None
    date: EventDate | None = None
    date_is_fallback: bool = False
    anaphoric: bool = False
    split_group: int | None = None

    def signature(self) -> set[str]:
        return {"p:" + p for p in self.participants} | {"s:" + s for s in self.states}


def meeting_cue(sentence: str) -> tuple[str, re.Match[str]] | None:
    """The meeting type and cue of a sentence, or None; types are tried from the most specific."""
    low = unify(sentence).lower()
    frame_end = frame_span(low)[1]
    for mtype, rx in CUES:
        for m in rx.finditer(low):
            if mtype == "multilateral":
                if not (_MULTI_VERB.search(low) or (m.start() < frame_end and SPEAKER.search(low, frame_end))):
                    continue
            elif m.start() < frame_end and mtype in ("bilateral_meeting", "multilateral"):
                continue
            if mtype == "audience" and _PASSIVE.match(m.group(0)) and (visit := _VISIT.search(low)):
                return "visit", visit  # "a été reçu par Xi Jinping ... dans le cadre d'une visite d'État"
            return mtype, m
    return None


def frame_span(low: str) -> tuple[int, int]:
    """The 'en marge de ... ,' clause at the head of a sentence (start, end), or (0, 0)."""
    m = _FRAME.search(low)
    if not m or m.start() > 60:
        return 0, 0
    comma = low.find(",", m.end())
    return (m.start(), comma) if comma > 0 else (0, 0)


def is_future(sentence: str, cue: re.Match[str]) -> bool:
    """An announced or planned event: future tense or 'prévu(e)' around the cue."""
    low = unify(sentence).lower()
    window = low[max(0, cue.start() - 60) : cue.end() + 40]
    return bool(FUTURE.search(window))


_PLUPERFECT = re.compile(r"\bavai(?:t|en)t?\b|\b[ée]tai(?:t|en)t?\b")


def is_pluperfect(sentence: str, cue: re.Match[str]) -> bool:
    """'avait rencontré', 's'était entretenu': an earlier contact, told as background unless dated."""
    low = unify(sentence).lower()
    return bool(_PLUPERFECT.search(low[max(0, cue.start() - 12) : cue.end()]))


def is_history(sentence: str) -> bool:
    return bool(_HISTORY.search(unify(sentence).lower()))


def is_anaphoric(sentence: str, cue_start: int) -> bool:
    """'cette rencontre', 'leur entretien', 'au cours de la séance': a further mention of a known contact."""
    low = unify(sentence).lower()
    return bool(_ANAPHOR.search(low[:cue_start]))


def is_plural(sentence: str) -> bool:
    return bool(_PLURAL.search(unify(sentence).lower()))


def is_sender(sent: Sentence, per: Ent) -> bool:
    """A person only named as the sender of a message or as the source ('un message du président X')."""
    low = unify(sent.text).lower()
    return bool(_SENDER.search(low[max(0, per.start - 100) : per.start])) or bool(_IN_QUOTE.search(low[: per.start]))


def representatives(sent: Sentence, frame_end: int) -> list[str]:
    """States of the unnamed representatives outside the frame clause."""
    return [iso for iso, _, _ in unnamed_representatives(sent, frame_end, len(sent.text))]


def merge(cands: list[Candidate]) -> list[Candidate]:
    """Fold further mentions of the same contact into its first mention."""
    out: list[Candidate] = []
    for c in cands:
        target = None
        for prev in reversed(out):
            if c.split_group is not None and prev.split_group == c.split_group:
                continue
            if not _dates_compatible(prev, c):
                continue
            if not c.anaphoric and (prev.type == "multilateral") != (c.type == "multilateral"):
                continue
            if not c.anaphoric and (prev.type == "phone_call") != (c.type == "phone_call"):
                continue
            if prev.split_group is not None and not c.participants and not c.rep_states:
                break  # "ces rencontres" after split meetings: nothing new to add
            if prev.type == "visit" and c.type == "visit" and (c.date_is_fallback or c.date == prev.date):
                target = prev  # the welcome and talks of one visit
                break
            a, b = prev.signature(), c.signature()
            overlap = len(a & b) / len(a | b) if a | b else 0.0
            if overlap >= 0.5 or (c.anaphoric and overlap > 0) or not c.participants:
                target = prev
                break
        if target is None:
            out.append(c)
            continue
        _fold_into(target, c)
    return out


def _dates_compatible(a: Candidate, b: Candidate) -> bool:
    if a.date is None or b.date is None or a.date_is_fallback or b.date_is_fallback:
        return True
    x, y = a.date.value, b.date.value
    return x.startswith(y) or y.startswith(x)


def _fold_into(a: Candidate, b: Candidate) -> None:
    for p in b.participants:
        if p not in a.participants:
            a.participants.append(p)
    for s in b.states:
        if s not in a.states:
            a.states.append(s)
    for o in b.organisations:
        if o not in a.organisations:
            a.organisations.append(o)
    a.hosts = a.hosts or b.hosts
    a.place, a.place_state = (a.place, a.place_state) if a.place else (b.place, b.place_state)
    better = b.date is not None and (
        a.date is None
        or (a.date_is_fallback and not b.date_is_fallback)
        or (a.date.precision != "day" and b.date.precision == "day" and b.date.value.startswith(a.date.value))
    )
    if better:
        a.date, a.date_is_fallback = b.date, b.date_is_fallback
    if a.type == "bilateral_meeting" and b.type in ("audience", "visit", "joint_commission"):
        a.type = b.type
