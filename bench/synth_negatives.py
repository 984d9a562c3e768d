"""Sentences that name people and states but report no contact: announced visits, communiqués, statements,
background and quotes. They are the hard negatives of the corpus (the gold lists their mentions, no meeting).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from bench.synth_french import MONTHS, day_month, month_year, of_the, sector_phrase
from bench.synth_french import capitalise as cap
from bench.synth_phrases import Ctx, date_phrase, person, printed_name, state_the
from bench.synth_world import MALI, Actor


def _someone(ctx: Ctx, iso3: str) -> Actor | None:
    return ctx.world.holder(ctx.rng, ("head_of_state", "head_of_government", "foreign_minister"), iso3, ctx.published)


def announced_visit(ctx: Ctx, iso3: str) -> str:
    """A visit still to come."""
    later = ctx.published + dt.timedelta(days=ctx.rng.randint(3, 60))
    when = ctx.rng.choice(
        [
            "dans les prochains jours",
            "la semaine prochaine",
            f"le {day_month(later)} prochain",
            f"en {MONTHS[later.month - 1]} prochain",
        ]
    )
    actor = _someone(ctx, iso3)
    ctx.facts.state(MALI)
    if actor is None:
        ctx.facts.state(iso3)
        return f"Une délégation {ctx.world.forms[iso3].of} est attendue à Bamako {when}."
    np = person(ctx, actor, with_state=True)
    e = "e" if actor.feminine else ""
    return ctx.rng.choice(
        [
            f"{cap(np.mid)} est attendu{e} à Bamako {when} pour une visite officielle.",
            f"{cap(np.mid)} devrait se rendre au Mali {when}.",
        ]
    )


def next_commission(ctx: Ctx, iso3: str) -> str:
    ctx.facts.state(MALI)  # every one of these sentences names Mali
    later = ctx.published + dt.timedelta(days=ctx.rng.randint(60, 300))
    return (
        f"La prochaine session de la commission mixte entre le Mali et {state_the(ctx, iso3)} se tiendra "
        f"en {month_year(later)}."
    )


def communique(ctx: Ctx, iso3: str) -> str:
    ctx.facts.state(MALI)  # every one of these sentences names Mali
    when = date_phrase(ctx, ctx.published - dt.timedelta(days=ctx.rng.randint(0, 3)))
    of = ctx.world.forms[iso3].of
    ctx.facts.state(iso3)
    return ctx.rng.choice(
        [
            f"Dans un communiqué publié {when}, le ministère des Affaires étrangères {of} a salué "
            "la qualité des relations avec le Mali.",
            f"Dans une déclaration rendue publique {when}, les autorités {of} ont réaffirmé leur "
            "soutien à la transition malienne.",
        ]
    )


def statement(ctx: Ctx, iso3: str) -> str:
    ctx.facts.state(MALI)  # every one of these sentences names Mali
    actor = _someone(ctx, iso3)
    if actor is None:
        return communique(ctx, iso3)
    np = person(ctx, actor, with_state=True)
    return f"{cap(np.mid)} a salué, dans un message publié sur les réseaux sociaux, « l'engagement constant » du Mali."


def background(ctx: Ctx, iso3: str) -> str:
    ctx.facts.state(MALI)  # every one of these sentences names Mali
    the = state_the(ctx, iso3)
    sector = ctx.rng.choice(ctx.world.sectors) if ctx.world.sectors else None
    year = ctx.rng.randint(1960, 1995)
    options = [f"Pour rappel, le Mali et {the} ont établi leurs relations diplomatiques en {year}."]
    if sector is not None:
        options.append(
            f"Il faut rappeler que le Mali entretient aujourd'hui d'excellents rapports avec {the}, "
            f"notamment dans le domaine {of_the(sector_phrase(sector))}."
        )
    return ctx.rng.choice(options)


def quote(ctx: Ctx, speaker: Actor) -> str:
    """A quotation by someone already introduced."""
    name = printed_name(ctx, speaker).split()[-1]
    form = f"{'Mme' if speaker.feminine else 'M.'} {name}"
    ctx.facts.person(speaker, form)
    said = ctx.rng.choice(
        [
            "Nos deux pays partagent une longue histoire d'amitié et de solidarité",
            "Nous sommes déterminés à donner un contenu concret à ce partenariat",
            "Le Mali reste ouvert à tous les partenaires qui respectent sa souveraineté",
        ]
    )
    return f"« {said} », a déclaré {form}."


NEGATIVES: tuple[Callable[[Ctx, str], str], ...] = (announced_visit, next_commission, communique, statement, background)


def some_state(ctx: Ctx) -> str:
    return ctx.rng.choice(ctx.world.foreign).iso3 if ctx.world.foreign else MALI
