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

from core.identity import dates_overlap
from core.text import unify
from ingest.article import Ent, Sentence
from ingest.cues import alt, load_cues
from ingest.dates import EventDate

_CUES = load_cues()
_MK = _CUES.markers
CUES: list[tuple[str, re.Pattern[str]]] = [(t, re.compile(a)) for t, a in _CUES.meeting_alternatives()]
CUES_BY_TYPE = {t: re.compile("|".join(rx.pattern for u, rx in CUES if u == t)) for t, _ in CUES}
# A visit named as such ("visite d'État", "en visite"), not a motion verb ("s'est rendu au palais ... où il a été
# reçu"): with a passive reception it makes the sentence a visit.
_VISIT_NOUN = re.compile(
    r"\bvisites? (?:officielle|de travail|d'amiti[ée]|d'[ée]tat|fraternelle)|\ben visite\b"
    r"|\b(?:a|ont) effectu[ée]\b[^.;]{0,60}?\bune visite\b"  # "a effectué le mardi 3 septembre une visite à Abidjan"
)
# a passive reception, also as a participle in apposition ("Reçu par son homologue X, le président Y, en visite à
# Abidjan, a ...")
_PASSIVE = re.compile(r"(?:(?:a|ont) [ée]t[ée] )?re[çc]ue?s?\b")
# A reception on arrival, the place told right after the verb or opening the sentence ("a été reçu à son arrivée à
# Bamako par son homologue", "a été reçu au pavillon d'honneur de l'aéroport par le préfet", "À sa descente d'avion,
# le président a été reçu ..."): the welcome of a visit, not an audience. An airport told earlier in the sentence
# ("Après un tête-à-tête au salon d'honneur de l'aéroport, la délégation s'est rendue au palais où elle a été reçue
# par le président") is another step of the day.
_ARRIVAL = re.compile(
    r"\ba[ée]roports?\b|\bdescente d'avion\b|\b[àa] (?:son|sa|leur) arriv[ée]e\b"
    r"|\bpavillon (?:pr[ée]sidentiel|d'honneur)|\bpasserelle\b|\bsalon d'honneur\b"
)
# A visit named only as the circumstance of a talk ("a rencontré X dans le cadre d'une visite officielle à
# Moscou", "Lors d'une visite officielle au Caire, X a rencontré Y", "en marge de sa visite", "Y, en visite de
# travail"): the talk verb gives the type.
_VISIT_CIRCUMSTANCE = re.compile(
    r"\b(?:dans le cadre d'une|lors d'une|lors de (?:sa|son|cette|la)|au cours de (?:sa|son|cette|la)"
    r"|en marge de (?:sa|son|la)|actuellement en|en) visites?\b"
)
# The talk verbs of such a sentence, also with a time adverbial or a quantity before the talk noun ("a eu un
# entretien vendredi, avec", "a eu une série d'entretiens", "ont eu des échanges")
_TALK = re.compile(
    r"\b(?:a|ont) rencontr[ée]\b|\bs'est entretenue?\b|\bse sont entretenus\b"
    r"|\b(?:a|ont) eu (?:un|une|des) (?:[\w'-]+ ){0,2}?(?:d'|de )?(?:entretiens?|[ée]changes?|s[ée]ances? de travail)\b"
)
_MULTI_VERB = re.compile(alt(_MK.multilateral_verbs))
# Speaking at a session reported just before: the speaker took part in it.
SPEAKER = re.compile(alt(_MK.speaking))
FUTURE = re.compile(rf"\b(?:{alt(_MK.future)})\b")
_HISTORY = re.compile(alt(_MK.history))
_FRAME = re.compile(rf"\b(?:{alt(_MK.frame)})")
_PLURAL = re.compile(alt(_MK.plural))
# A cue noun with a definite or demonstrative determiner ("l'audience", "cette rencontre", "leurs entretiens")
# refers back to a contact already reported.
_ANAPHOR = re.compile(rf"(?:\b(?:{alt(_MK.anaphora)})\s+|\bl')$")
_RANK_WORDS = alt(_MK.sender_titles)
_SENDER = re.compile(
    rf"(?:{alt(_MK.sender_nouns)})(?:\s+[\w-]+){{0,2}}?\s+(?:du|de|d')\s*(?:la |l')?(?:[\w'-]+(?:\s+|(?=,))){{0,4}}"
    # "..., le général d'armée <Name>": a rank or honorific of the same sender after a comma
    # or his title ("..., le président de la République <Name>")
    rf"(?:,\s*(?:le |la |son |sa )?(?:{_RANK_WORDS})(?: d'arm[ée]e| de division| de brigade)?"
    rf"(?:\s+[\w'-]+){{0,5}}?\s+)?$"
)
# "un message du président de la transition du Mali, Assimi Goïta", "y représente le chef de l'État, le colonel Y":
# the sender (or the one represented) named at the end of a title chain of any length (words and appositions; no
# verb, coordinator or preposition in it: "un message du président X à son homologue Y" leaves the addressee, who
# may be the host)
_CHAIN_BREAK = alt(_MK.title_chain_breaks)
_SENDER_CHAIN = re.compile(
    rf"(?:{alt(_MK.sender_chain)})"
    rf"(?:[\s,']+(?!(?:{_CHAIN_BREAK})\b)[\w.-]+){{0,14}}?[\s,']*$"
)
_NEW_GROUP = re.compile(r",\s*(?:le|la|les|l'|son|sa|ses|leurs?)\b")
_IN_QUOTE = re.compile(r"«[^»]*$")
_SOURCE = re.compile(alt(_MK.source))  # "..., a indiqué le porte-parole du ministère, X"
_NEGATION = re.compile(alt(_MK.negation))
CONTINUATION = re.compile(alt(_MK.continuation))


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
    party: dict[str, str] = field(default_factory=dict)  # participant id -> the state it stands for
    company: set[str] = field(default_factory=set)  # participants named as delegation members, not as actors
    gathering: bool = False  # a gathering named as the subject of an event verb: its states are its parties
    standalone: bool = False  # an earlier contact recalled in passing ("faisant suite à une visite de X"): never merged
    additive: bool = False  # "a également rencontré Y": a further contact of the same visitor (`is_additive`)

    def sides(self) -> set[str]:
        """The states of the named participants."""
        return set(self.party.values())

    def signature(self) -> set[str]:
        return {"p:" + p for p in self.participants} | {"s:" + s for s in self.states}


# "a également rencontré", "s'est ensuite entretenu", "ont à nouveau échangé": an adverb between auxiliary and
# participle, moved after the participle for the cue tables (same characters, same length: offsets outside the
# verb group are unchanged)
_SPLIT_VERB = re.compile(
    rf"\b((?:a|ont|avait|avaient|s'est|se sont|a été|ont été) )((?:{alt(_MK.verb_adverbs)}) )([\w'-]+)"
)


# "s'est, également, entretenu avec", "a, ce mardi 5 mars, reçu", "a, grâce à ..., également rencontré": an
# incise between commas right after the auxiliary, moved after the participle (and its adverb) the same way
_PAREN_VERB = re.compile(
    rf"\b((?:a|ont|avait|avaient|s'est|se sont|a été|ont été)),( [^,;.«»]{{1,90}}?),"
    rf"( (?:(?:{alt(_MK.verb_adverbs)}) )?[\w'-]+)"
)


def cue_text(sentence: str) -> str:
    """The lower-cased sentence the cue tables are matched on (`_PAREN_VERB`, then `_SPLIT_VERB`)."""
    low = _PAREN_VERB.sub(lambda m: m.group(1) + m.group(3) + "," + m.group(2) + ",", unify(sentence).lower())
    return _SPLIT_VERB.sub(lambda m: m.group(1) + m.group(3) + " " + m.group(2).rstrip(), low)


def meeting_cue(sentence: str) -> tuple[str, re.Match[str]] | None:
    """The meeting type and cue of a sentence, or None; types are tried from the most specific. A cue noun
    referring back ("Cette audience intervient suite à la participation de X au sommet Russie-Afrique, tenu les 27
    et 28 juillet") gives way to a gathering the sentence tells after it: that gathering is the new contact."""
    found = _first_cue(sentence)
    if found is None or not is_anaphoric(sentence, found[1].start()) or found[0] == "multilateral":
        return found
    low = cue_text(sentence)
    for m in CUES_BY_TYPE["multilateral"].finditer(low, found[1].end()):
        if _MULTI_VERB.search(low) and not is_anaphoric(sentence, m.start()):
            return "multilateral", m
    return found


def _first_cue(sentence: str) -> tuple[str, re.Match[str]] | None:
    low = cue_text(sentence)
    frame_end = frame_span(low)[1]
    for mtype, rx in CUES:
        for m in rx.finditer(low):
            if mtype == "multilateral":
                if not (_MULTI_VERB.search(low) or (m.start() < frame_end and SPEAKER.search(low, frame_end))):
                    continue
            elif m.start() < frame_end and mtype in ("bilateral_meeting", "multilateral"):
                continue
            elif m.start() < frame_end and mtype in _FRAMED_TYPES and cue_after(sentence, frame_end) is not None:
                continue  # "En marge de la session de la commission mixte, X a eu un entretien avec Y"
            if mtype == "audience" and _PASSIVE.match(m.group(0)) and " en audience" not in low:
                if (visit := _VISIT_NOUN.search(low)) is not None:
                    return "visit", visit  # "a été reçu par Xi Jinping ... dans le cadre d'une visite d'État"
                if _on_arrival(low, m):
                    return "visit", m  # "il a été reçu à son arrivée à Bamako par son homologue": the welcome
            if mtype == "other" and m.group(0).startswith("remis") and (told := _contact_before(low, m.start())):
                return told
            if mtype == "visit" and _VISIT_CIRCUMSTANCE.search(low) and (talk := _TALK.search(low)) is not None:
                circ = _VISIT_CIRCUMSTANCE.search(low)
                if circ is not None and circ.start() <= m.start() < circ.end() + 40:
                    return "bilateral_meeting", talk
            return mtype, m
    return None


def cue_after(sentence: str, pos: int) -> tuple[str, int, int] | None:
    """The first contact cue of a sentence (types tried from the most specific, as `meeting_cue`) that starts at
    `pos` or later, not a gathering: its type, start and end; or None."""
    low = cue_text(sentence)
    for mtype, rx in CUES:
        if mtype != "multilateral" and (m := rx.search(low, pos)) is not None:
            return mtype, m.start(), m.end()
    return None


# A reception or a joint commission named in the head frame ("En marge de la 4e session de la commission mixte, X
# a eu un entretien bilatéral avec Y", "Avant d'être reçu par le président, X s'est entretenu avec son homologue")
# is the circumstance of the contact the main clause tells, when it tells one.
_FRAMED_TYPES = ("audience", "joint_commission")
_ARRIVAL_REACH = 60  # characters after the reception verb in which its arrival place is told


def _on_arrival(low: str, cue: re.Match[str]) -> bool:
    """A passive reception told as the welcome on arrival (`_ARRIVAL`)."""
    if _ARRIVAL.search(low, cue.end(), cue.end() + _ARRIVAL_REACH):
        return True
    first = _ARRIVAL.search(low)
    return first is not None and first.start() <= 5 and first.end() < cue.start()


def _contact_before(low: str, end: int) -> tuple[str, re.Match[str]] | None:
    """A reception or a talk told before a message handed over in the same sentence ("X a reçu Y, qui lui a remis
    un message de Z", "X s'était entretenu avec Y et lui avait remis un message"): that contact is the one told,
    the message its content; its type and cue (the earliest of them)."""
    found = [
        (m.start(), t, m)
        for t in ("audience", "bilateral_meeting")
        if (m := CUES_BY_TYPE[t].search(low, 0, end)) is not None and not is_anaphoric(low, m.start())
    ]
    if not found:
        return None
    _, mtype, cue = min(found, key=lambda f: f[0])
    return mtype, cue


_COORDINATOR = re.compile(rf"(?:{alt(_MK.coordinator)})\s*$")
_INFINITIVES = [(g.type, re.compile("|".join(g.alternatives))) for g in _MK.coordinated_infinitives]


def coordinated_cue(sentence: str, first: re.Match[str]) -> tuple[str, re.Match[str]] | None:
    """A second contact predicate coordinated with the first one ("X a été reçu par Y, et s'est entretenu avec
    Z", "a rencontré Y, puis a eu un entretien avec Z", "avant de rencontrer Z"): its type and cue, or None."""
    low = cue_text(sentence)
    for mtype, rx in [*CUES, *_INFINITIVES]:
        if mtype in ("multilateral", "phone_call"):
            continue
        for m in rx.finditer(low, first.end() + 3):
            if _COORDINATOR.search(low[max(first.end(), m.start() - 30) : m.start()]):
                return mtype, m
    return None


# "lors d'une rencontre avec X", "au cours de son entretien avec X": the clause names the contact itself
_FRAMED_CONTACT = re.compile(alt(_MK.framed_contact))


def frame_span(low: str) -> tuple[int, int]:
    """The 'en marge de ... ,' clause at the head of a sentence (start, end), or (0, 0); not a contact noun
    with its counterpart ('lors d'une rencontre avec X'), which is the contact itself."""
    m = _FRAME.search(low)
    if not m or m.start() > 60 or _FRAMED_CONTACT.match(low, m.end()):
        return 0, 0
    comma = low.find(",", m.end())
    return (m.start(), comma) if comma > 0 else (0, 0)


def is_future(sentence: str, cue: re.Match[str]) -> bool:
    """An announced or planned event: future tense or 'prévu(e)' around the cue."""
    low = unify(sentence).lower()
    window = low[max(0, cue.start() - 60) : cue.end() + 40]
    return bool(FUTURE.search(window))


_PLUPERFECT = re.compile(alt(_MK.pluperfect))


def is_pluperfect(sentence: str, cue: re.Match[str]) -> bool:
    """'avait rencontré', 's'était entretenu': an earlier contact, told as background unless dated."""
    low = unify(sentence).lower()
    return bool(_PLUPERFECT.search(low[max(0, cue.start() - 12) : cue.end()]))


def is_negated(sentence: str, cue: re.Match[str]) -> bool:
    """'ne se rendra pas au sommet', 'n'a pas rencontré': the contact is denied (within the cue's clause)."""
    low = unify(sentence).lower()
    start = max([0, cue.start() - 80] + [m.end() for m in re.finditer(r"[.;]", low[: cue.start()])])
    return bool(_NEGATION.search(low[start : cue.end() + 12]))


_ADDITIVE = re.compile(rf"\b(?:{alt(_MK.additive)})\b")
_ADDITIVE_REACH = 20  # characters around the cue (in `cue_text`, the adverb follows the participle)


def is_additive(sentence: str, cue_start: int, cue_end: int) -> bool:
    """'X a également rencontré Y', 'il a aussi pu rencontrer Y', 'a ensuite été reçu par Y': an additive or
    sequencing adverb on the contact verb tells a further contact, not the one told before again."""
    low = cue_text(sentence)
    return bool(_ADDITIVE.search(low[max(0, cue_start - _ADDITIVE_REACH) : cue_end + _ADDITIVE_REACH]))


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
    return sender_at(sent, per.start)


def is_source(sent: Sentence, per: Ent) -> bool:
    """A person named as the source of the report ('..., a indiqué le porte-parole du MAE, X'): not a participant
    anywhere in the article ('..., a précisé M. X')."""
    low = unify(sent.text).lower()
    return bool(_SOURCE.search(low[max(0, per.start - 100) : per.start]))


def sender_at(sent: Sentence, start: int) -> bool:
    """Whether text starting at `start` names the sender of a message or the source ('un message du président
    malien', 'un message de son frère, M. X')."""
    low = unify(sent.text).lower()
    window = low[max(0, start - 100) : start]
    # a title chain never runs over a full name that a new noun group follows ("Sur instructions du Roi X, le
    # ministre marocain Y": Y is no sender; "un message du Président de la République, Y": Y is)
    chain_from = max(
        [start - 100]
        + [e.end for e in sent.ents if e.label == "PER" and e.end <= start and _NEW_GROUP.match(low, e.end)]
    )
    return bool(_SENDER.search(window) or _SENDER_CHAIN.search(low[max(0, chain_from) : start])) or bool(
        _IN_QUOTE.search(low[:start])
    )


def has_counterpart(c: Candidate) -> bool:
    """Two states, or a state and an organisation, with someone named or represented; a session of a joint
    commission or a gathering may name only its states ("les travaux de la commission mixte Guinée-Mali ont été
    clôturés", "le sommet des chefs d'État de l'AES s'est tenu à Niamey")."""
    if not c.participants and not c.rep_states:
        return c.gathering and len(set(c.states)) >= 2
    if len(set(c.states)) >= 2:
        return True
    return bool(c.states) and bool(c.organisations) and bool(c.participants)


def merge(cands: list[Candidate]) -> list[Candidate]:
    """Fold further mentions of the same contact into its first mention.

    The date test is meeting identity's (`core.identity.dates_overlap`). The rest is coreference within one text,
    not the identity rules the writer applies across articles (`core.identity.RULES`), on purpose: a later mention
    is often partial ("cette rencontre", "il a ensuite été reçu par ..."), so it joins the latest compatible
    mention that shares half of its people and states, or any of them after an anaphora, or that it names nobody
    against; a split ("successivement avec ... et ...") never re-merges; a visit absorbs its welcome and talks.
    Two full reports in different articles need the stronger evidence of the named rules instead.
    """
    out: list[Candidate] = []
    for c in cands:
        target, completion = None, None
        for prev in reversed(out) if not c.standalone else []:
            if prev.standalone:
                continue
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
            if not c.anaphoric and _told_period(c) and prev.date_is_fallback:
                continue  # "Pour rappel, X a effectué une visite d'État en février 2015": a contact of its own
            if not c.anaphoric and (_new_counterpart(prev, c) or (c.additive and _meets_someone_new(prev, c))):
                continue  # `c` names someone else after both sides of `prev`, or "also" meets someone new
            if prev.type == "visit" and c.type == "visit" and (c.date_is_fallback or c.date == prev.date):
                target = prev  # the welcome and talks of one visit
                break
            if _completes(prev, c):
                target, completion = prev, prev.type
                break
            a, b = prev.signature(), c.signature()
            overlap = len(a & b) / len(a | b) if a | b else 0.0
            present = c.anaphoric and set(c.participants) <= c.company  # "l'audience s'est déroulée en présence de"
            if overlap >= 0.5 or (c.anaphoric and overlap > 0) or not c.participants or present:
                target = prev
                break
        if target is None:
            if not c.standalone:  # a recalled earlier contact names its own people and date
                _continue_visitor(out, c)
                _continue_official(out, c)
                _continue_host(out, c)
                _date_from_trip(out, c)
            out.append(c)
            continue
        _fold_into(target, c)
        target.type = completion or target.type  # a one-sided first mention keeps its type
    return out


_COMPLETION_REACH = 2  # sentences after a one-sided first mention in which the next mention completes it


def _completes(prev: Candidate, c: Candidate) -> bool:
    """A contact first told, with a date of its own, on one side only ("Le ministre de la Défense a eu, le lundi 4
    mai, un entretien téléphonique avec son homologue allemand", "s'est tenue le 17 février une séance de travail
    entre les autorités maliennes et une délégation de l'UE", "l'Émir du Qatar a effectué le 21 décembre une visite
    au Mali") and completed by the next sentence that names its people ("Les échanges entre le ministre et Mme X
    ont porté sur ...", "Autour de la table, X, Y ..."): the next mention, referring back or sharing a state or an
    organisation of it, is the same contact, which keeps the first mention's type and date."""
    if has_counterpart(prev) or prev.date_is_fallback or not 0 < c.sentence - prev.sentence <= _COMPLETION_REACH:
        return False
    return c.anaphoric or bool(set(prev.states) & set(c.states)) or bool(set(prev.organisations) & set(c.organisations))


def _continue_visitor(out: list[Candidate], c: Candidate) -> None:
    """A further contact that names one person only ("elle a été reçue par le président Goïta", "il s'est
    ensuite entretenu avec X"): its other side is the visiting side of the contact told just before."""
    if len(c.participants) != 1 or c.type == "multilateral" or not out:
        return
    prev = out[-1]
    if prev.split_group is not None:  # "reçu par X, puis par Y": the contacts of one split sentence share the visitor
        prev = next((p for p in reversed(out) if p.split_group == prev.split_group and len(p.sides()) >= 2), prev)
    if len(prev.sides()) < 2 or not _dates_compatible(prev, c):
        return
    visiting = set(prev.sides()) - c.sides() - set(prev.hosts)
    if not visiting or not set(c.states) - c.sides() <= visiting:
        return  # "la délégation ivoirienne": an unnamed side of another state
    for p, st in prev.party.items():
        if st not in c.sides() and (not prev.hosts or st not in prev.hosts):
            c.participants.append(p)
            c.party[p] = st
            if st not in c.states:
                c.states.append(st)
    if c.date_is_fallback and not prev.date_is_fallback and len(c.participants) > 1:
        c.date, c.date_is_fallback = prev.date, False  # the same trip, told on


_OFFICIAL_REACH = 3  # contacts told since an official's visit that may still be his


def _continue_official(out: list[Candidate], c: Candidate) -> None:
    """A visit of an organisation's official, told with no state of his ("Le président de la Commission de la
    CEDEAO, X, est dans nos murs pour une visite officielle. ... il a été reçu en audience par le Président de la
    République, Y. ... il a ensuite été reçu par le Chef du gouvernement, Z"): a further contact naming one person
    of a state and nobody of the visit is the official's, with his organisation."""
    if len(c.sides()) != 1 or c.type == "multilateral":
        return
    prev = next((p for p in reversed(out[-_OFFICIAL_REACH:]) if p.type == "visit" and not p.standalone), None)
    if prev is None or prev.sides() or not prev.organisations or not _dates_compatible(prev, c):
        return
    officials = [p for p in prev.participants if p not in prev.party and p not in prev.company]
    if not officials:
        return
    c.participants[:0] = [p for p in officials if p not in c.participants]
    extend_unique(c.organisations, prev.organisations)


def extend_unique(target: list[str], items: list[str]) -> None:
    """Append to `target` the items it does not hold yet, in order."""
    target.extend(x for x in items if x not in target)


_SERIES_ITEM = re.compile(alt(_MK.series_item))


def _continue_host(out: list[Candidate], c: Candidate) -> None:
    """A further contact in a host's series that names the guest's side only ("La ministre X a reçu plusieurs
    personnalités. La première audience a été consacrée à l'ambassadeur Y", "Le ministre a ensuite reçu
    l'ambassadeur Z", "Enfin, une délégation de l'UNICEF a été reçue"): the people of the contact told before on the
    side `c` does not name (its only side, else its host's) are its other side; the series takes place on the day
    told for the first contact. A series is of audiences and talks: a visit that names one side is a trip told on,
    not a guest received; a contact told before with one state only is a host's series when it is a reception, and
    else goes on only into a contact that names that state ("X ... Le chef de la diplomatie togolaise a également
    été reçu par Y")."""
    if c.type in ("multilateral", "visit") or not out or len(c.sides()) > 1:
        return
    if not (c.additive or _SERIES_ITEM.search(unify(c.evidence).lower())):
        return
    prev = next((p for p in reversed(out) if not p.standalone), None)
    if prev is None or not _dates_compatible(prev, c) or set(prev.participants) & set(c.participants):
        return  # "Y a également rencontré Z": the guest of the contact before goes on, not its host
    sides = prev.sides()
    host = next(iter(sides)) if len(sides) == 1 else (prev.hosts[0] if prev.hosts and prev.hosts[0] in sides else None)
    if host is None or host in c.sides():
        return
    if len(set(prev.states)) < 2 and prev.type != "audience" and host not in c.states:
        return  # "Ce déplacement a vu la présence du Premier ministre X. ... ont aussi rencontré Z": X hosts nobody
    for p, st in prev.party.items():
        if st == host and p not in c.participants and p not in prev.company:
            c.participants.insert(0, p)
            c.party[p] = st
    if host not in c.states:
        c.states.insert(0, host)
    if c.date_is_fallback and not prev.date_is_fallback:
        c.date, c.date_is_fallback = prev.date, False


def _date_from_trip(out: list[Candidate], c: Candidate) -> None:
    """A further contact of a visitor told after his dated visit, with no date of its own, took place on that
    trip: it takes the visit's date ("X est arrivé lundi 21 mai ... Il a eu des séances de travail avec Y")."""
    if not c.date_is_fallback:
        return
    for prev in reversed(out):
        if prev.type == "visit" and not prev.date_is_fallback and set(prev.participants) & set(c.participants):
            c.date, c.date_is_fallback = prev.date, False
            return


def _new_counterpart(prev: Candidate, c: Candidate) -> bool:
    """A contact with someone new: `prev` already names people of two states and `c` names a person that `prev`
    does not have ("accueilli par son homologue X" ... "il a été reçu par le président Y")."""
    if len(prev.sides()) < 2:
        return False
    if len(prev.participants) >= 2 and set(prev.participants) <= set(c.participants) and c.sides() <= prev.sides():
        return (
            False  # the same contact told again more fully ("X a reçu Y" ... "X a reçu Y, ainsi que son compatriote Z")
        )
    return _names_new(prev, c)


def _told_period(c: Candidate) -> bool:
    """A contact its sentence dates by a month or a year only ("en février 2015", "en juillet 2004"): a period, the
    way an earlier contact is recalled, not the day of the news; a mention with no date of its own does not share
    it (its fallback month may even come from that very sentence)."""
    return c.date is not None and not c.date_is_fallback and c.date.precision in ("month", "year")


def _names_new(prev: Candidate, c: Candidate) -> bool:
    """`c` names an actor that `prev` does not have (not a delegation member)."""
    return any(p not in prev.participants and p in c.party and p not in c.company for p in c.participants)


def _meets_someone_new(prev: Candidate, c: Candidate) -> bool:
    """An additive contact ("X a également rencontré le cardinal Y, secrétaire d'État") names a person `prev` does
    not have and who is not a delegation member: a further contact, also when the text gives no state for Y."""
    return any(p not in prev.participants and p not in c.company for p in c.participants)


def _dates_compatible(a: Candidate, b: Candidate) -> bool:
    """Overlapping dates (core/identity.py's test), or a date one of the sentences does not give."""
    if a.date is None or b.date is None or a.date_is_fallback or b.date_is_fallback:
        return True
    return dates_overlap(a.date.value, b.date.value)


def _fold_into(a: Candidate, b: Candidate) -> None:
    mentioned = _mentioned_only(a, b)
    for p in b.participants:
        if p not in a.participants and p not in mentioned:
            a.participants.append(p)
    extend_unique(a.states, b.states)
    extend_unique(a.organisations, b.organisations)
    completed_by_audience = a.type == "visit" and b.type == "audience" and len(a.sides()) < 2 and not b.anaphoric
    for p, st in b.party.items():
        if p not in mentioned:
            a.party.setdefault(p, st)
    a.company |= b.company - set(a.participants)
    a.hosts = a.hosts or b.hosts
    a.place, a.place_state = (a.place, a.place_state) if a.place else (b.place, b.place_state)
    better = b.date is not None and (
        a.date is None
        or (a.date_is_fallback and not b.date_is_fallback)
        or (a.date.precision != "day" and b.date.precision == "day" and b.date.value.startswith(a.date.value))
    )
    if better:
        a.date, a.date_is_fallback = b.date, b.date_is_fallback
    if a.type == "bilateral_meeting" and b.type == "audience":
        a.type = b.type  # the visit named after the talks never overrides them
        # a joint commission named after talks is their topic ("Lors de cette rencontre, X a salué les travaux de la
        # commission mixte", "nous avons décidé de redynamiser la commission mixte"), not their kind
    elif completed_by_audience:
        a.type = b.type  # a visit whose only reported contact is an audience ("X a reçu le visiteur")


def _mentioned_only(a: Candidate, b: Candidate) -> set[str]:
    """People a later sentence that refers back to a contact ("Cette visite s'inscrit dans le partenariat élevé lors
    de la rencontre entre les présidents X et Y", "A l'issue de la rencontre, le ministre a dit porter un message du
    président X au roi Y") only mentions: once both sides of the contact are there (two states, someone named or
    represented), a new person of a side already named is a sender, an addressee or the actor of another
    contact, not a participant; people present ("en présence de X") still join."""
    if not b.anaphoric or len(set(a.states)) < 2 or not (a.participants or a.rep_states):
        return set()
    named = {a.party[p] for p in a.participants if p in a.party}
    return {p for p in b.participants if p not in a.participants and p not in b.company and b.party.get(p) in named}


def share_day(cands: list[Candidate]) -> None:
    """A contact told with no date of its own, in an article that dates another contact of one of its people to
    the day in the month the undated one falls back to, took place that day ("Le président X a reçu mardi 4
    avril le ministre Y. X s'est aussi entretenu avec Z."): the nearest such day before it, else the nearest
    after. Its date stays a fallback (lower confidence) and never reaches another month. A session of a joint
    commission dated where it is first named without its parties ("Les travaux de la commission
    mixte ont été lancés ce mercredi 16 novembre 2022 ... L'on notait la présence des ministres X et Y") gives its
    day to the undated mention of it that names them (a summit may hold several sessions, so only the former)."""
    dated = [c for c in cands if c.date is not None and not c.date_is_fallback and c.date.precision == "day"]
    for c in cands:
        if c.date is None or not c.date_is_fallback or c.date.precision != "month":
            continue
        month = c.date.value
        same = [
            d
            for d in dated
            if d.date is not None
            and d.date.value.startswith(month)
            and (set(d.participants) & set(c.participants) or _same_session(d, c))
        ]
        before = [d for d in same if d.sentence <= c.sentence]
        pick = before[-1] if before else (same[0] if same else None)
        if pick is not None:
            c.date = pick.date


def _same_session(named_first: Candidate, c: Candidate) -> bool:
    """A joint commission session first named without its parties and a later mention of it."""
    return named_first.type == c.type == "joint_commission" and not named_first.participants
