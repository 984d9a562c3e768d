"""Scenes: one reported contact each (an audience, a phone call, a visit...), written in one of several French
phrasings, with its `MeetingFact` recorded. Every scene returns its paragraphs and a headline.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from bench.synth_facts import MeetingFact
from bench.synth_french import capitalise as cap
from bench.synth_french import of_the, ordinal
from bench.synth_phrases import (
    NP,
    Ctx,
    by,
    counterpart,
    date_phrase,
    demonym,
    envoy,
    meeting_day,
    of_org,
    person,
    printed_name,
    state_the,
    the_title,
    to,
    topics_sentence,
)
from bench.synth_world import MALI, Actor

HEADS = ("head_of_state", "head_of_government", "foreign_minister")
MINISTERS = ("foreign_minister", "defence_minister", "minister", "head_of_government")
# Members used to staff multilateral meetings, when the gazetteer knows these states and organisations.
ORG_MEMBERS: dict[str, tuple[str, ...]] = {
    "aes": ("BFA", "NER"),
    "cedeao": ("SEN", "GIN", "CIV", "NGA", "GHA", "BEN", "TGO", "GMB", "GNB", "LBR", "SLE", "CPV"),
    "ua": ("DZA", "EGY", "MAR", "SEN", "GIN", "CIV", "NGA", "BFA", "NER", "TCD", "MRT", "ZAF", "ETH", "KEN", "RWA"),
    "oci": ("DZA", "EGY", "MAR", "SAU", "TUR", "IRN", "SEN", "NER", "TCD", "ARE", "QAT"),
    "brics": ("RUS", "CHN", "IND", "BRA", "ZAF", "EGY", "ETH", "IRN", "ARE"),
}
ORG_EVENTS: dict[str, tuple[str, ...]] = {
    "aes": ("la session du Conseil des ministres", "la réunion des ministres des Affaires étrangères"),
    "cedeao": ("le sommet ordinaire des chefs d'État et de gouvernement", "la session du Conseil des ministres"),
    "ua": ("la session ordinaire du Conseil exécutif", "le sommet des chefs d'État et de gouvernement"),
    "oci": ("la session du Conseil des ministres des Affaires étrangères",),
    "brics": ("le sommet",),
}


@dataclass
class Scene:
    paragraphs: list[str]
    headline: str
    meetings: int


def _e(np: NP | Actor) -> str:
    return "e" if np.feminine else ""


def _il(np: NP | Actor) -> str:
    return "elle" if np.feminine else "il"


def _foreign(ctx: Ctx, pool: tuple[str, ...] = (), kinds: tuple[str, ...] = (), day: dt.date | None = None) -> str:
    """A foreign state: from `pool` mostly, or one with a holder of `kinds` on `day`, or any."""
    known = [iso for iso in pool if iso in ctx.world.states and iso != MALI]
    if known and ctx.rng.random() < 0.8:
        return ctx.rng.choice(known)
    if kinds and day is not None:
        found = ctx.world.state_with(ctx.rng, kinds, day)
        if found is not None:
            return found
    return ctx.world.foreign_state(ctx.rng)


def _city(ctx: Ctx, iso3: str, landmarks: bool = False) -> tuple[str, str | None, str | None]:
    """(' à Moscou', canonical city, its state) or ('', None, None)."""
    found = ctx.world.city(ctx.rng, iso3, landmarks)
    if found is None:
        return "", None, None
    return f" à {found[0]}", found[1], iso3


def _with_topics(ctx: Ctx, meetings: list[MeetingFact], paragraphs: list[str], chance: float = 0.75) -> None:
    if ctx.rng.random() < chance and ctx.world.sectors:
        sentence, topics = topics_sentence(ctx, plural=len(meetings) > 1)
        for m in meetings:
            m.topics = list(topics)
        paragraphs.append(sentence)
    for m in meetings:
        ctx.facts.meeting(m)


def _meeting(
    type_: str,
    day: dt.date | None,
    when: str | None,
    evidence: str,
    people: list[Actor | None],
    states: list[str],
    **extra: object,
) -> MeetingFact:
    participants = [p for p in people if p is not None]
    if when is not None and when not in evidence:
        when = cap(when)  # the sentence opens with the date
    return MeetingFact(type_, day.isoformat() if day else None, when, evidence, participants, states, **extra)  # type: ignore[arg-type]


def audience_home(ctx: Ctx) -> Scene:
    """A Malian leader receives a foreign envoy or official in Bamako."""
    day = meeting_day(ctx)
    a = ctx.world.malian(ctx.rng, HEADS, day)
    iso = _foreign(ctx)
    b = ctx.world.holder(ctx.rng, MINISTERS, iso, day) if ctx.rng.random() < 0.3 else None
    guest, guest_actor = (person(ctx, b, with_state=True), b) if b else envoy(ctx, iso, day)
    host = person(ctx, a)
    when = date_phrase(ctx, day)
    at, place, place_state = _city(ctx, MALI, True) if ctx.rng.random() < 0.5 else ("", None, None)
    if not at:
        at = ctx.rng.choice(
            ["", " à la Primature" if a.kind == "head_of_government" else " dans son cabinet", " au département"]
        )
    templates = [
        f"{cap(host.mid)} a reçu en audience, {when}{at}, {guest.text}.",
        f"{cap(when)}{at}, {host.mid} a accordé une audience {to(guest.text)}.",
        f"{cap(guest.mid)} a été reçu{_e(guest)} en audience {when}{at} {by(host.text)}.",
    ]
    if guest.text.startswith(("l'ambassad", "Mme", "M.")) or (guest_actor and guest_actor.kind == "ambassador"):
        templates.append(f"{cap(host.mid)} a reçu en audience de fin de mission, {when}{at}, {guest.text}.")
        templates.append(
            f"{cap(host.mid)} a reçu, {when}{at}, {guest.mid} venu{_e(guest)} lui présenter les copies figurées "
            "de ses lettres de créance."
        )
    evidence = ctx.rng.choice(templates)
    meeting = _meeting(
        "audience",
        day,
        when,
        evidence,
        [a, guest_actor],
        [MALI, iso],
        hosts=[MALI],
        place=place,
        place_state=place_state,
    )
    paragraphs = [evidence]
    _with_topics(ctx, [meeting], paragraphs)
    name = guest_actor.name if guest_actor else f"l'ambassadeur {ctx.world.forms[iso].of_short}"
    headline = ctx.rng.choice(
        [
            f"Coopération Mali-{ctx.world.states[iso].name} : {a.name} reçoit {name}",
            f"Diplomatie : {a.name} reçoit {name}",
        ]
    )
    return Scene(paragraphs, headline, 1)


def audience_abroad(ctx: Ctx) -> Scene:
    """A Malian minister is received by a foreign head of state or government in its capital."""
    day = meeting_day(ctx)
    iso = _foreign(ctx, kinds=("head_of_state", "head_of_government"), day=day)
    h = ctx.world.holder(ctx.rng, ("head_of_state", "head_of_government"), iso, day)
    if h is None:
        return audience_home(ctx)
    a = ctx.world.malian(ctx.rng, MINISTERS, day)
    visitor, host = person(ctx, a), person(ctx, h, with_state=True)
    when = date_phrase(ctx, day)
    at, place, place_state = _city(ctx, iso)
    evidence = ctx.rng.choice(
        [
            f"{cap(visitor.mid)} a été reçu{_e(visitor)} en audience {when}{at} {by(host.text)}.",
            f"{cap(when)}{at}, {host.mid} a reçu en audience {visitor.text}.",
        ]
    )
    meeting = _meeting(
        "audience", day, when, evidence, [a, h], [MALI, iso], hosts=[iso], place=place, place_state=place_state
    )
    paragraphs = [evidence]
    _with_topics(ctx, [meeting], paragraphs)
    return Scene(paragraphs, f"{ctx.world.states[iso].name} : {a.name} reçu par {h.name}", 1)


def phone_call(ctx: Ctx) -> Scene:
    """Two leaders speak on the phone."""
    day = meeting_day(ctx)
    a = ctx.world.malian(ctx.rng, HEADS, day)
    iso = _foreign(ctx, kinds=(a.kind,), day=day)
    b = ctx.world.holder(ctx.rng, (a.kind, *HEADS), iso, day)
    if b is None:
        return audience_home(ctx)
    caller = person(ctx, a)
    other = counterpart(ctx, b) if b.kind == a.kind else person(ctx, b, with_state=True)
    when = date_phrase(ctx, day)
    evidence = ctx.rng.choice(
        [
            f"{cap(caller.mid)} s'est entretenu{_e(caller)} au téléphone, {when}, avec {other.text}.",
            f"{cap(when)}, {caller.mid} a eu un entretien téléphonique avec {other.text}.",
            f"{cap(caller.mid)} et {other.mid} ont eu {when} un échange téléphonique.",
            f"{cap(other.mid)} s'est entretenu{_e(other)} par téléphone {when} avec {caller.text}.",
            f"{cap(when)}, {caller.mid} et {other.mid} se sont entretenus par téléphone.",
        ]
    )
    meeting = _meeting("phone_call", day, when, evidence, [a, b], [MALI, iso])
    paragraphs = [evidence]
    _with_topics(ctx, [meeting], paragraphs)
    return Scene(paragraphs, f"{a.name} et {b.name} s'entretiennent au téléphone", 1)


def _unga(ctx: Ctx) -> tuple[dt.date, int] | None:
    """A day of the last UN General Assembly week before publication, and the session number."""
    if "onu" not in ctx.world.orgs:
        return None
    year = ctx.published.year if ctx.published >= dt.date(ctx.published.year, 9, 30) else ctx.published.year - 1
    day = dt.date(year, 9, ctx.rng.randint(19, 29))
    return day, year - 1945


def bilateral(ctx: Ctx) -> Scene:
    """A working meeting with a counterpart, sometimes on the margins of a UN General Assembly or a summit."""
    unga = _unga(ctx) if ctx.rng.random() < 0.3 else None
    day = unga[0] if unga else meeting_day(ctx)
    a = ctx.world.malian(ctx.rng, MINISTERS, day)
    iso = _foreign(ctx, kinds=(a.kind,), day=day)
    b = ctx.world.holder(ctx.rng, (a.kind, *MINISTERS), iso, day)
    if b is None:
        return audience_home(ctx)
    me = person(ctx, a)
    other = counterpart(ctx, b) if b.kind == a.kind and ctx.rng.random() < 0.5 else person(ctx, b, with_state=True)
    orgs: list[str] = []
    frame = ""
    if unga:
        ctx.facts.org("onu", "Nations unies")
        orgs = ["onu"]
        frame = f"en marge de la {ordinal(unga[1])} session de l'Assemblée générale des Nations unies"
        at, place, place_state = "", None, None
        if ctx.world.new_york is not None:  # where the General Assembly sits
            place, place_state = ctx.world.new_york
            at = f" à {place}"
    else:
        at, place, place_state = _city(ctx, ctx.rng.choice([MALI, iso]))
    if unga and ctx.rng.random() < 0.4:  # no day given: the session dates it to the month
        evidence = f"{cap(frame)}{at}, {me.mid} a eu un entretien bilatéral avec {other.text}."
        meeting = _meeting(
            "bilateral_meeting",
            None,
            frame,
            evidence,
            [a, b],
            [MALI, iso],
            place=place,
            place_state=place_state,
            organisations=orgs,
        )
        meeting.date = f"{day.year}-09"
    else:
        when = date_phrase(ctx, day)
        tail = f", {frame}" if frame else ""
        evidence = ctx.rng.choice(
            [
                f"{cap(frame) + ', ' if frame else ''}{me.mid} s'est entretenu{_e(me)}, {when}{at}, avec {other.text}.",
                f"{cap(me.mid)} et {other.mid} ont eu {when}{at} un entretien bilatéral{tail}.",
                f"{cap(when)}{at}, {me.mid} a tenu une séance de travail avec {other.text}{tail}.",
                f"{cap(me.mid)} a rencontré {when}{at} {other.text}{tail}.",
            ]
        )
        if evidence[0].islower():
            evidence = cap(evidence)
        meeting = _meeting(
            "bilateral_meeting",
            day,
            when,
            evidence,
            [a, b],
            [MALI, iso],
            place=place,
            place_state=place_state,
            organisations=orgs,
        )
    paragraphs = [evidence]
    _with_topics(ctx, [meeting], paragraphs)
    dem = demonym(ctx, iso)
    headline = (
        f"{a.name} rencontre son homologue {dem}"
        if dem and a.kind == b.kind
        else (f"Le Mali et {state_the(ctx, iso)} discutent du renforcement de leur coopération")
    )
    return Scene(paragraphs, cap(headline), 1)


def visit(ctx: Ctx) -> Scene:
    """A Malian leader visits a foreign state (or a foreign leader visits Mali), welcomed by a host."""
    day = meeting_day(ctx)
    iso = _foreign(ctx, kinds=HEADS, day=day)
    outbound = ctx.rng.random() < 0.6
    if outbound:
        v = ctx.world.malian(ctx.rng, HEADS, day)
        h = ctx.world.holder(ctx.rng, (v.kind, *HEADS), iso, day)
        where = iso
    else:
        found = ctx.world.holder(ctx.rng, HEADS, iso, day)
        if found is None:
            return audience_home(ctx)
        v, h, where = found, ctx.world.malian(ctx.rng, (found.kind, *HEADS), day), MALI
    guest = person(ctx, v, with_state=not outbound)
    host = person(ctx, h, with_state=outbound) if h else None
    when = date_phrase(ctx, day)
    city = ctx.world.city(ctx.rng, where)
    forms = ctx.world.forms[where]
    ctx.facts.state(where)
    place = place_state = None
    if city and ctx.rng.random() < 0.7:
        evidence = ctx.rng.choice(
            [
                f"{cap(guest.mid)} est arrivé{_e(guest)} {when} à {city[0]} pour une visite officielle de "
                f"{ctx.rng.choice(['deux', 'trois', 'quatre'])} jours.",
                f"{cap(when)}, {guest.mid} s'est rendu{_e(guest)} à {city[0]} pour une visite de travail.",
            ]
        )
        place, place_state = city[1], where
    else:
        evidence = ctx.rng.choice(
            [
                f"{cap(guest.mid)} a effectué, {when}, une visite de travail {forms.in_}.",
                f"{cap(guest.mid)} a entamé {when} une visite officielle {forms.in_}.",
            ]
        )
    paragraphs = [evidence]
    if host is not None:
        paragraphs.append(f"À sa descente d'avion, {_il(guest)} a été accueilli{_e(guest)} par {host.text}.")
    meeting = _meeting(
        "visit", day, when, evidence, [v, h], [MALI, iso], hosts=[where], place=place, place_state=place_state
    )
    _with_topics(ctx, [meeting], paragraphs, 0.5)
    return Scene(paragraphs, f"{v.name} en visite officielle {forms.in_}", 1)


def multilateral(ctx: Ctx) -> Scene:
    """A ministerial meeting or summit of an organisation, with named delegations."""
    org_ids = [o for o in ORG_EVENTS if o in ctx.world.orgs]
    if not org_ids:
        return bilateral(ctx)
    org = ctx.rng.choice(org_ids)
    day = meeting_day(ctx)
    a = ctx.world.malian(ctx.rng, ("foreign_minister", "head_of_state"), day)
    others: list[str] = []
    for _ in range(ctx.rng.randint(1, 3)):
        iso = _foreign(ctx, ORG_MEMBERS[org])
        if iso not in others:
            others.append(iso)
    host_state = ctx.rng.choice([MALI, *others])
    at, place, place_state = _city(ctx, host_state)
    when = date_phrase(ctx, day)
    event = ctx.rng.choice(ORG_EVENTS[org])
    named = [ctx.world.holder(ctx.rng, (a.kind,), iso, day) for iso in others]
    if ctx.rng.random() < 0.7:
        me = person(ctx, a)
        segments = []
        for i, (iso, b) in enumerate(zip(others, named, strict=True)):
            seg = ctx.world.forms[iso].of_short
            ctx.facts.state(iso)
            if b is not None:
                name = printed_name(ctx, b)
                ctx.facts.person(b, name)
                seg += f", {name}"
            if i < len(others) - 1 and (b is not None or i < len(others) - 2):
                seg += ","
            segments.append(seg)
        who = segments[0] if len(segments) == 1 else " ".join(segments[:-1]) + " et " + segments[-1]
        word = "son homologue" if len(others) == 1 else "ses homologues"
        evidence = f"{cap(me.mid)} a pris part, {when}{at}, à {event} {of_org(ctx, org)}, aux côtés de {word} {who}."
        evidence = evidence.replace("à le ", "au ")
        people: list[Actor | None] = [a, *named]
    else:
        states = [ctx.world.forms[iso].of_short for iso in [MALI, *others]]
        for iso in [MALI, *others]:
            ctx.facts.state(iso)
        listed = states[0] if len(states) == 1 else ", ".join(states[:-1]) + " et " + states[-1]
        evidence = (
            f"Les ministres des Affaires étrangères {listed} se sont réunis {when}{at}, dans le cadre "
            f"{of_org(ctx, org)}."
        )
        people = []
    meeting = _meeting(
        "multilateral",
        day,
        when,
        evidence,
        people,
        [MALI, *others],
        hosts=[host_state],
        place=place,
        place_state=place_state,
        organisations=[org],
    )
    paragraphs = [evidence]
    _with_topics(ctx, [meeting], paragraphs, 0.6)
    return Scene(
        paragraphs,
        f"{ctx.facts.world.orgs[org].acronym or ctx.world.orgs[org].name} : le Mali prend part à la réunion{at}",
        1,
    )


def joint_commission(ctx: Ctx) -> Scene:
    """A session of a joint cooperation commission, co-chaired by both sides."""
    day = meeting_day(ctx)
    iso = _foreign(ctx, kinds=("foreign_minister",), day=day)
    a = ctx.world.malian(ctx.rng, ("foreign_minister", "minister"), day)
    b = ctx.world.holder(ctx.rng, ("foreign_minister", "minister"), iso, day)
    host_state = ctx.rng.choice([MALI, iso])
    at, place, place_state = _city(ctx, host_state)
    when = date_phrase(ctx, day)
    me = person(ctx, a)
    other = person(ctx, b, with_state=True) if b else NP(f"la délégation {demonym(ctx, iso, True) or 'étrangère'}")
    ctx.facts.state(iso)
    n = ordinal(ctx.rng.randint(2, 19))
    the = state_the(ctx, iso)
    evidence = ctx.rng.choice(
        [
            f"La {n} session de la commission mixte de coopération entre le Mali et {the} s'est tenue {when}{at}, "
            f"sous la coprésidence {of_the(me.mid)} et {of_the(other.text)}.",
            f"{cap(me.mid)} et {other.mid} ont coprésidé, {when}{at}, les travaux de la {n} session de la grande "
            f"commission mixte de coopération entre le Mali et {the}.",
        ]
    )
    meeting = _meeting(
        "joint_commission",
        day,
        when,
        evidence,
        [a, b],
        [MALI, iso],
        hosts=[host_state],
        place=place,
        place_state=place_state,
    )
    paragraphs = [evidence]
    _with_topics(ctx, [meeting], paragraphs, 0.9)
    return Scene(paragraphs, f"Commission mixte Mali-{ctx.world.states[iso].name} : les travaux s'ouvrent", 1)


def summons(ctx: Ctx) -> Scene:
    """An ambassador summoned to the ministry, or a written message handed over in person: type `other`."""
    day = meeting_day(ctx)
    iso = _foreign(ctx)
    a = ctx.world.malian(ctx.rng, ("foreign_minister", "head_of_state"), day)
    me = person(ctx, a)
    guest, guest_actor = envoy(ctx, iso, day, named=0.4, delegation=False)
    when = date_phrase(ctx, day)
    sender = ctx.world.holder(ctx.rng, ("head_of_state",), iso, day)
    if sender is not None and ctx.rng.random() < 0.5:
        s = person(ctx, sender, with_state=True)
        evidence = f"{cap(guest.mid)} a remis {when} {to(me.text)} un message écrit {of_the(s.text)}."
        headline = f"{a.name} reçoit un message {of_the(ctx.world.forms[iso].the)}"
    else:
        evidence = ctx.rng.choice(
            [
                f"{cap(guest.mid)} a été convoqué{_e(guest)} {when} au ministère des Affaires étrangères "
                f"{by(me.text)}.",
                f"{cap(me.mid)} a convoqué, {when}, {guest.text}, pour lui signifier la vive protestation du "
                "gouvernement malien.",
            ]
        )
        headline = f"Diplomatie : l'ambassadeur {ctx.world.forms[iso].of_short} convoqué à Bamako"
    meeting = _meeting("other", day, when, evidence, [a, guest_actor], [MALI, iso], hosts=[MALI])
    ctx.facts.meeting(meeting)
    return Scene([evidence], headline, 1)


def successive(ctx: Ctx) -> Scene:
    """Several envoys received one after the other: one meeting each, stated by one sentence."""
    day = meeting_day(ctx)
    a = ctx.world.malian(ctx.rng, HEADS, day)
    isos: list[str] = []
    for _ in range(ctx.rng.randint(2, 3)):
        iso = _foreign(ctx)
        if iso not in isos:
            isos.append(iso)
    if len(isos) < 2:
        return audience_home(ctx)
    me = person(ctx, a)
    when = date_phrase(ctx, day)
    at, place, place_state = _city(ctx, MALI, True) if ctx.rng.random() < 0.5 else ("", None, None)
    envoys = [ctx.world.envoy(ctx.rng, iso, day) if ctx.rng.random() < 0.6 else None for iso in isos]
    segments = []
    for i, (iso, b) in enumerate(zip(isos, envoys, strict=True)):
        seg = ctx.world.forms[iso].of_short
        ctx.facts.state(iso)
        if b is not None:
            name = printed_name(ctx, b)
            ctx.facts.person(b, name)
            seg += f", {name}"
        if i < len(isos) - 1 and (b is not None or i < len(isos) - 2):
            seg += ","
        segments.append(seg)
    listed = " ".join(segments[:-1]) + " et " + segments[-1]
    kind = ctx.rng.choice(["audience", "bilateral_meeting"])
    if kind == "audience":
        evidence = f"{cap(me.mid)} a reçu successivement en audience, {when}{at}, les ambassadeurs {listed}."
    else:
        evidence = (
            f"{cap(me.mid)} a eu successivement des rencontres bilatérales, {when}{at}, avec les ambassadeurs {listed}."
        )
    meetings = [
        _meeting(
            kind,
            day,
            when,
            evidence,
            [a, b],
            [MALI, iso],
            hosts=[MALI] if kind == "audience" else [],
            place=place,
            place_state=place_state,
        )
        for iso, b in zip(isos, envoys, strict=True)
    ]
    paragraphs = [evidence]
    _with_topics(ctx, meetings, paragraphs)
    return Scene(paragraphs, f"Diplomatie : ballet d'ambassadeurs chez {a.name}", len(meetings))


def organisation(ctx: Ctx) -> Scene:
    """A Malian official receives the representative of an international organisation."""
    day = meeting_day(ctx)
    b = ctx.world.org_holder(ctx.rng, day)
    if b is None or b.represents not in ctx.world.orgs:
        return audience_home(ctx)
    a = ctx.world.malian(ctx.rng, (*HEADS, "minister"), day)
    me = person(ctx, a)
    org = ctx.world.orgs[b.represents]
    printed = [f for f in (org.name, org.acronym, *org.aliases) if f and f in b.title]
    if printed:
        ctx.facts.org(org.id, printed[0])
        title = b.title
    else:
        title = f"{b.title} {of_org(ctx, org.id)}"
    name = printed_name(ctx, b)
    ctx.facts.person(b, name, title)
    guest = NP(f"{the_title(title, b.feminine)}, {name}", True)
    when = date_phrase(ctx, day)
    evidence = f"{cap(me.mid)} a reçu en audience, {when}, {guest.text}."
    meeting = _meeting("audience", day, when, evidence, [a, b], [MALI], hosts=[MALI], organisations=[org.id])
    paragraphs = [evidence]
    _with_topics(ctx, [meeting], paragraphs)
    return Scene(paragraphs, f"Coopération : {a.name} reçoit {b.name}", 1)


SCENES: tuple[tuple[Callable[[Ctx], Scene], float], ...] = (
    (audience_home, 0.24),
    (audience_abroad, 0.06),
    (phone_call, 0.12),
    (bilateral, 0.2),
    (visit, 0.12),
    (multilateral, 0.06),
    (joint_commission, 0.05),
    (summons, 0.05),
    (successive, 0.06),
    (organisation, 0.04),
)
SCENE_FUNCTIONS = [scene for scene, _ in SCENES]
SCENE_CUM_WEIGHTS = list(itertools.accumulate(weight for _, weight in SCENES))


def random_scene(ctx: Ctx) -> Scene:
    """A scene of a kind drawn with the weights of `SCENES`."""
    return ctx.rng.choices(SCENE_FUNCTIONS, cum_weights=SCENE_CUM_WEIGHTS)[0](ctx)
