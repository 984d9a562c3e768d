"""Page boilerplate around a synthetic article, as captured from real news sites: menus, repeated headline,
publication line, "Lire aussi" teasers with their own stories, bylines, share buttons, author pages, footers.

Teasers are written with the same scene code as article bodies but into a `Facts` that records nothing, so
they read like real reports of meetings that the gold must ignore.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from bench.synth_facts import Facts
from bench.synth_french import full_date
from bench.synth_names import JOURNALIST_GIVEN, JOURNALIST_SURNAMES, SHARE_LINES, Outlet
from bench.synth_phrases import Ctx
from bench.synth_scenes import random_scene
from bench.synth_world import World

DOMESTIC_STORIES = (
    (
        "Sécurité : les FAMa neutralisent plusieurs terroristes dans la région de Ségou",
        "Les Forces armées maliennes (FAMa) ont mené des frappes aériennes sur des positions ennemies.",
    ),
    (
        "Hivernage : les autorités appellent à la vigilance face aux risques d'inondation",
        "La direction nationale de l'hydraulique a publié un bulletin d'alerte.",
    ),
    (
        "Éducation : le calendrier des examens de fin d'année dévoilé",
        "Le ministère de l'Éducation nationale a rendu public le calendrier des examens.",
    ),
    (
        "Football : les Aigles du Mali en stage de préparation à Bamako",
        "Le sélectionneur national a publié une liste de vingt-six joueurs.",
    ),
)


@dataclass(frozen=True)
class Page:
    """Where the page says what: the publication line is shown only when the page prints one."""

    outlet: Outlet
    title: str
    published: dt.date
    show_publication: bool
    journalist: str


def journalist(ctx: Ctx) -> str:
    return f"{ctx.rng.choice(JOURNALIST_GIVEN)} {ctx.rng.choice(JOURNALIST_SURNAMES)}"


def _publication_line(outlet: Outlet, day: dt.date, minutes: int) -> str:
    if outlet.publication_line == "pipe":
        return f"{full_date(day, weekday=False)} | {outlet.name}"
    return f"Publié {full_date(day)} à {minutes // 60:02d}:{minutes % 60:02d}"


def _menu(ctx: Ctx, outlet: Outlet) -> str:
    if ctx.rng.random() < 0.5:
        return "\n".join(f"  • {item}" for item in outlet.menu)
    return " | ".join(outlet.menu)


class TeaserPool:
    """Other stories of the site, for teasers: a fixed set per month of the corpus, written once and reused.

    Story k of a month depends only on (seed, month, k), so articles stay independent of generation order, and
    teasers cost nothing once written. Its day falls in the article's month, before or after the article, as in
    pages captured some time after publication.
    """

    PER_MONTH = 64

    def __init__(self, world: World, seed: int) -> None:
        self.world = world
        self.seed = seed
        self._stories: dict[tuple[str, int], tuple[str, str, dt.date]] = {}

    def story(self, rng: random.Random, near: dt.date) -> tuple[str, str, dt.date]:
        """(headline, summary, day) of a story published in the month of `near`."""
        key = (near.isoformat()[:7], rng.randrange(self.PER_MONTH))
        found = self._stories.get(key)
        if found is None:
            found = self._stories[key] = self._write(key)
        return found

    def _write(self, key: tuple[str, int]) -> tuple[str, str, dt.date]:
        rng = random.Random(f"malikg-teaser:{self.seed}:{key[0]}:{key[1]}")
        day = dt.date.fromisoformat(key[0] + "-01") + dt.timedelta(days=rng.randrange(28))
        if rng.random() < 0.25:
            headline, summary = rng.choice(DOMESTIC_STORIES)
            return headline, summary, day
        silent = Ctx(rng, self.world, Facts(self.world, record=False), day, day_known=True, caps_names=False)
        scene = random_scene(silent)
        summary = scene.paragraphs[0]
        if rng.random() < 0.4:
            summary = summary[: max(40, int(len(summary) * 0.7))].rstrip() + "..."
        return scene.headline, summary, day


def render(ctx: Ctx, page: Page, body: list[str], pool: TeaserPool) -> str:
    """The whole captured page around the article body."""
    rng, outlet = ctx.rng, page.outlet
    minutes = rng.randint(6 * 60, 23 * 60)
    parts: list[str] = []
    if rng.random() < 0.7:
        parts += [outlet.name.upper(), _menu(ctx, outlet)]
        if rng.random() < 0.3:
            parts.append("Pas de resultats\nVoir tous les resultats")
    if rng.random() < 0.3:
        parts.append(f"Accueil > {rng.choice(outlet.menu[1:])} > {page.title}")
    parts.append(page.title)
    if page.show_publication:
        parts.append(_publication_line(outlet, page.published, minutes))
    if rng.random() < 0.5:
        parts.append(page.title)
    teasers = [pool.story(rng, page.published) for _ in range(rng.randint(1, 3))]
    inline = rng.random() < 0.35 and len(body) > 1
    for i, paragraph in enumerate(body):
        parts.append(paragraph)
        if inline and i == 0:
            parts.append(f"Lire aussi : {teasers[0][0]}")
    if outlet.bylines == "par":
        given, surname = page.journalist.split(" ", 1)
        parts.append(f"Par {given} {surname.upper()}")
    elif outlet.bylines == "redaction":
        parts.append(f"Rédaction {outlet.name}")
    else:
        parts.append(f"Source : {rng.choice(['MAECI', 'Primature', 'CICB'])}\n{page.journalist}")
    parts.append(rng.choice(SHARE_LINES))
    heading = rng.choice(["Lire aussi :", "Autres articles", "Articles similaires", "Les articles de l'auteur"])
    if heading != "Lire aussi :":
        parts.append(heading)
    for headline, summary, day in teasers[1 if inline else 0 :]:
        block = [f"Lire aussi : {headline}" if heading == "Lire aussi :" else headline, summary]
        if heading == "Les articles de l'auteur":
            block.append(f"Par {page.journalist}\n\n{_publication_line(outlet, day, rng.randint(360, 1380))}")
        elif rng.random() < 0.5:
            block.append(full_date(day, weekday=False))
        parts.append("\n\n".join(block))
    parts.append(f"© {outlet.name} {page.published.year} - Tous droits réservés")
    if rng.random() < 0.5:
        parts.append(f"À propos de nous\n{_menu(ctx, outlet)}")
    separator = "\n\n" if rng.random() < 0.7 else "\n"
    return separator.join(parts)
