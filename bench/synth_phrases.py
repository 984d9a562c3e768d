"""Noun phrases and date phrases for the synthetic corpus: how a person, an unnamed envoy, a date or a list of
sectors is written, recording in `Facts` whatever the phrase mentions.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from bench.synth_facts import Facts
from bench.synth_french import (
    VOWELS,
    bare_sector,
    day_month,
    elide_de,
    full_date,
    join_and,
    of_the,
    org_the,
    sector_phrase,
    weekday,
)
from bench.synth_world import Actor, World

_STATE_FIRST_WORDS = ("ministre", "président", "présidente", "ambassadeur", "ambassadrice", "chef", "vice-président")


@dataclass
class Ctx:
    """Everything a scene needs to write one article."""

    rng: random.Random
    world: World
    facts: Facts
    published: dt.date
    day_known: bool  # the page tells its publication day, so relative dates can be resolved
    caps_names: bool  # this page prints surnames in capitals ("Abdoulaye DIOP")


@dataclass(frozen=True)
class NP:
    """A noun phrase; an appositive one needs a closing comma when the sentence goes on."""

    text: str
    appositive: bool = False
    feminine: bool = False

    @property
    def mid(self) -> str:
        return self.text + ("," if self.appositive else "")


def to(np_text: str) -> str:
    """'à' + noun phrase, contracted: 'au ministre', 'à l'ambassadeur'."""
    if np_text.startswith("le "):
        return "au " + np_text[3:]
    if np_text.startswith("les "):
        return "aux " + np_text[4:]
    return "à " + np_text


def by(np_text: str) -> str:
    return "par " + np_text


def the_title(title: str, feminine: bool) -> str:
    if title.startswith(VOWELS):
        return "l'" + title
    return ("la " if feminine else "le ") + title


def demonym(ctx: Ctx, iso3: str, feminine: bool = False) -> str | None:
    forms = ctx.world.states[iso3].demonyms if iso3 in ctx.world.states else []
    if not forms:
        return None
    if feminine:
        for form in forms:
            if form.endswith("e") and form != forms[0]:
                return form
    return forms[0]


def printed_name(ctx: Ctx, actor: Actor) -> str:
    if not ctx.caps_names:
        return actor.name
    parts = actor.name.split()
    return " ".join([*parts[:-1], parts[-1].upper()])


def _names_state(ctx: Ctx, title: str, iso3: str) -> bool:
    state = ctx.world.states.get(iso3)
    if state is None:
        return True
    words = [state.name, *state.long_forms, *state.demonyms, *state.capitals]
    lowered = title.lower()
    return any(w.lower() in lowered for w in words if w)


def title_for(ctx: Ctx, actor: Actor, with_state: bool) -> str:
    """The actor's title, made to name the state when the reader could not otherwise tell it."""
    title = actor.title
    if not with_state or actor.represents not in ctx.world.states or _names_state(ctx, title, actor.represents):
        return title
    dem = demonym(ctx, actor.represents)
    first = title.split()[0]
    if first.lower().startswith("président"):  # "président de la République du Bénin", not "président béninois de"
        dem = None
    if dem is not None and title.startswith("Premier ministre"):
        return f"Premier ministre {dem}{title[len('Premier ministre') :]}"
    if dem is not None and first.lower() in _STATE_FIRST_WORDS and ctx.rng.random() < 0.6:
        return f"{first} {dem}{title[len(first) :]}"
    return f"{title} {ctx.world.forms[actor.represents].of_short}"


def person(ctx: Ctx, actor: Actor, with_state: bool | None = None, style: str | None = None) -> NP:
    """A named person with an apposition ('le ministre ..., Abdoulaye Diop' and variants)."""
    if with_state is None:
        with_state = actor.represents != "MLI"
    name = printed_name(ctx, actor)
    title = title_for(ctx, actor, with_state)
    style = style or ctx.rng.choice(("title_comma_name", "title_comma_name", "name_comma_title", "title_name"))
    if style == "title_name" and len(title) > 45:
        style = "title_comma_name"
    ctx.facts.person(actor, name, title if style != "name" else None)
    if style == "name":
        return NP(name, False, actor.feminine)
    if style == "name_comma_title":
        return NP(f"{name}, {title}", True, actor.feminine)
    if style == "title_name":
        return NP(f"{the_title(title, actor.feminine)} {name}", False, actor.feminine)
    return NP(f"{the_title(title, actor.feminine)}, {name}", True, actor.feminine)


def counterpart(ctx: Ctx, actor: Actor) -> NP:
    """'son homologue russe, Sergueï Lavrov' when the state has a demonym, else a plain apposition."""
    dem = demonym(ctx, actor.represents, actor.feminine)
    if dem is None:
        return person(ctx, actor, with_state=True)
    name = printed_name(ctx, actor)
    ctx.facts.person(actor, name)
    ctx.facts.state(actor.represents)
    return NP(f"son homologue {dem}, {name}", True, actor.feminine)


def unnamed_envoy(ctx: Ctx, iso3: str, delegation: bool = True) -> NP:
    """An unnamed representative of a state: 'l'ambassadeur de Turquie au Mali'."""
    ctx.facts.state(iso3)
    forms = ctx.world.forms[iso3]
    dem = demonym(ctx, iso3, feminine=True)
    options = [
        f"l'ambassadeur {forms.of_short} au Mali",
        f"l'ambassadeur {forms.of_short} à Bamako",
        f"le chargé d'affaires de l'ambassade {forms.of}",
        f"l'ambassadeur {forms.of}",
    ]
    if dem is not None and delegation:
        options.append(f"une délégation {dem} de haut niveau")
    text = ctx.rng.choice(options)
    return NP(text, False, text.startswith("une "))


def envoy(ctx: Ctx, iso3: str, day: dt.date, named: float = 0.6, delegation: bool = True) -> tuple[NP, Actor | None]:
    """The ambassador of `iso3`, named when the world knows or invents one (with probability `named`)."""
    actor = ctx.world.envoy(ctx.rng, iso3, day) if ctx.rng.random() < named else None
    if actor is None:
        return unnamed_envoy(ctx, iso3, delegation), None
    return person(ctx, actor, with_state=True), actor


def state_the(ctx: Ctx, iso3: str) -> str:
    ctx.facts.state(iso3)
    return ctx.world.forms[iso3].the


def org_label(ctx: Ctx, org_id: str) -> str:
    """An organisation as printed: its acronym or its name (recorded as mentioned)."""
    org = ctx.world.orgs[org_id]
    choices = [org.name] + ([org.acronym] if org.acronym else []) * 2
    label = ctx.rng.choice(choices)
    ctx.facts.org(org_id, label)
    return label


def of_org(ctx: Ctx, org_id: str) -> str:
    return of_the(org_the(org_label(ctx, org_id)))


def meeting_day(ctx: Ctx) -> dt.date:
    """A day shortly before publication: same day, yesterday, this week, or a few weeks back."""
    r = ctx.rng.random()
    back = 0 if r < 0.2 else 1 if r < 0.5 else ctx.rng.randint(2, 6) if r < 0.8 else ctx.rng.randint(7, 30)
    return ctx.published - dt.timedelta(days=back)


def date_phrase(ctx: Ctx, day: dt.date) -> str:
    """How the article writes `day`: relative to publication when the page tells its day, absolute otherwise."""
    absolute = [f"le {full_date(day)}", f"le {full_date(day, False)}", full_date(day)]
    if not ctx.day_known:
        return ctx.rng.choice(absolute)
    back = (ctx.published - day).days
    wd, dm = weekday(day), day_month(day)
    options = list(absolute)
    if back == 0:
        options += [f"ce {wd} {dm}", f"ce {wd} {dm}", f"ce {wd}"]
    elif back == 1:
        options += ["hier", "hier", f"hier {wd}", f"ce {wd} {dm}", f"{wd} {dm}"]
    elif back <= 6:
        options += [f"{wd} dernier", f"ce {wd} {dm}", f"le {wd} {dm}", wd]
    else:
        options += [f"le {dm}", f"le {dm} dernier", f"le {wd} {dm}"]
    return ctx.rng.choice(options)


def topics_sentence(ctx: Ctx, plural: bool = False) -> tuple[str, list[str]]:
    """A sentence naming the sectors discussed, and those sectors."""
    sectors = ctx.rng.sample(ctx.world.sectors, k=min(len(ctx.world.sectors), ctx.rng.randint(1, 4)))
    definite = [sector_phrase(s) for s in sectors]
    bare = [bare_sector(s) for s in sectors]
    with_de = [of_the(p) for p in definite]
    in_matters = "en matière " + join_and([elide_de(b) for b in bare])
    subject = "Les échanges avec ces différentes personnalités" if plural else "Les échanges"
    templates = [
        f"{subject} ont porté sur la coopération dans les domaines {join_and(with_de)}.",
        f"Les deux parties ont passé en revue l'état de la coopération bilatérale, notamment {in_matters}.",
        f"Il a été question {join_and(with_de)}.",
        f"Au menu des discussions : {join_and(definite)}.",
        f"{subject} ont essentiellement porté sur le renforcement de la coopération {in_matters}.",
    ]
    sentence = ctx.rng.choice(templates)
    return sentence, sectors
