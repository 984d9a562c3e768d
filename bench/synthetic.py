"""Synthetic French news about Mali's foreign relations, with exact ground truth.

    python bench/synthetic.py --n 1000 --seed 42 --out corpus.jsonl [--gold-dir DIR] [--extractions FILE]

Writes the extraction input (JSONL: id, text, url, published?, title, outlet), optionally one gold file per
article in the format of ../shared/eval/dev/*.json, and optionally the ground truth as `Extraction` JSON lines so
ingestion, RDF and API benchmarks can skip NLP. Article i depends only on (seed, i): output is identical for a
seed, and the first k articles of a larger run are the k articles of a smaller one. Actors, states, places,
organisations and sectors come from the project's gazetteers, read at run time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth_facts import Facts
from bench.synth_names import OUTLETS
from bench.synth_negatives import NEGATIVES, quote, some_state
from bench.synth_page import Page, TeaserPool, journalist, render
from bench.synth_phrases import Ctx
from bench.synth_scenes import random_scene
from bench.synth_world import MALI, World
from ingest.gazetteer import Gazetteer, load_gazetteer
from ingest.models import Extraction

FIRST_DAY = dt.date(2021, 6, 1)
LAST_DAY = dt.date(2025, 12, 31)
NO_MEETING_SHARE = 0.1
SECTIONS = ("politique", "diplomatie", "international", "actualite")
_NO_MEETING_TITLES = (
    "{The} : vers un renforcement de la coopération avec le Mali",
    "Diplomatie : {the} réaffirme son soutien au Mali",
    "Mali : un partenariat en construction avec {the}",
)


@dataclass(frozen=True)
class SyntheticArticle:
    """One generated article: its page text and metadata, and the facts its body states."""

    id: str
    url: str
    outlet: str
    title: str
    text: str
    published: str | None  # the publication day, when the page or its metadata tells it
    metadata_published: bool  # whether the extraction input carries `published`
    facts: Facts

    def input_row(self) -> dict[str, Any]:
        """A line of `malikg extract --jsonl` input."""
        row: dict[str, Any] = {"id": self.id, "text": self.text, "url": self.url}
        if self.metadata_published and self.published is not None:
            row["published"] = self.published
        row.update(title=self.title, outlet=self.outlet)
        return row

    def gold_record(self) -> dict[str, Any]:
        """A gold file in the format of ../shared/eval/dev/*.json."""
        return {
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "title": self.title,
            "text": self.text,
            "gold": self.facts.gold(),
        }

    def extraction(self) -> Extraction:
        """The ground truth as the extraction contract."""
        return self.facts.extraction(self.id, self.url, self.title, self.outlet, self.published)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80]


def make_article(world: World, seed: int, index: int, pool: TeaserPool | None = None) -> SyntheticArticle:
    """Article number `index` of the corpus of `seed`."""
    rng = random.Random(f"malikg-synthetic:{seed}:{index}")
    pool = pool if pool is not None else TeaserPool(world, seed)
    outlet = rng.choice(OUTLETS)
    published = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    show_publication = outlet.publication_line != "none" and rng.random() < 0.85
    metadata = rng.random() < 0.6
    day_known = show_publication or outlet.dated_urls or metadata
    facts = Facts(world)
    ctx = Ctx(rng, world, facts, published, day_known, caps_names=rng.random() < 0.15)
    body: list[str] = []
    title = ""
    if rng.random() >= NO_MEETING_SHARE:
        for n_scene in range(1 if rng.random() < 0.85 else 2):
            scene = random_scene(ctx)
            body += scene.paragraphs
            title = title or scene.headline
            speakers = [a for a in facts.meetings[-1].participants] if facts.meetings else []
            if n_scene == 0 and speakers and rng.random() < 0.3:
                body.append(quote(ctx, rng.choice(speakers)))
    negatives = rng.randint(2, 3) if not body else rng.choice((0, 1, 1, 2))
    for _ in range(negatives):
        foreign = [s for s in facts.states if s != MALI]
        iso = rng.choice(foreign) if foreign and rng.random() < 0.7 else some_state(ctx)
        body.append(rng.choice(NEGATIVES)(ctx, iso))
    if not title:
        named = [s for s in facts.states if s != MALI] or [some_state(ctx)]
        facts.state(named[0])
        the = world.forms[named[0]].the
        title = rng.choice(_NO_MEETING_TITLES).format(the=the, The=the[:1].upper() + the[1:])
    for fact in facts.people.values():  # names printed in the headline are printed forms too
        if fact.actor.name in title and fact.actor.name not in fact.aliases:
            fact.aliases.append(fact.actor.name)
    page = Page(outlet, title, published, show_publication, journalist(ctx))
    text = render(ctx, page, body, pool)
    if outlet.dated_urls:
        url = f"https://{outlet.domain}/{published:%Y/%m/%d}/{_slug(title)}-{index}"
    else:
        url = f"https://www.{outlet.domain}/{rng.choice(SECTIONS)}/{_slug(title)}-{index}.html"
    return SyntheticArticle(
        id=f"syn-{seed}-{index:07d}",
        url=url,
        outlet=outlet.name,
        title=title,
        text=text,
        published=published.isoformat() if day_known else None,
        metadata_published=metadata,
        facts=facts,
    )


def generate(n: int, seed: int, gazetteer: Gazetteer | None = None) -> Iterator[SyntheticArticle]:
    """Stream `n` synthetic articles for `seed`, drawing on `gazetteer` (the project's by default)."""
    world = World(gazetteer if gazetteer is not None else load_gazetteer())
    pool = TeaserPool(world, seed)
    for index in range(n):
        yield make_article(world, seed, index, pool)


def _line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def write_corpus(
    n: int, seed: int, out: IO[str], gold_dir: Path | None = None, extractions: IO[str] | None = None
) -> int:
    """Write the input JSONL (and gold files, extraction lines) for `n` articles; return the count."""
    if gold_dir is not None:
        gold_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    for article in generate(n, seed):
        out.write(_line(article.input_row()))
        if gold_dir is not None:
            text = json.dumps(article.gold_record(), ensure_ascii=False, indent=1)
            (gold_dir / f"{article.id}.json").write_text(text + "\n", encoding="utf-8")
        if extractions is not None:
            extractions.write(article.extraction().model_dump_json(exclude_none=True) + "\n")
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100, help="number of articles (default 100)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--out", default="-", help="input JSONL file, '-' for stdout (default)")
    parser.add_argument("--gold-dir", type=Path, help="also write one gold JSON file per article here")
    parser.add_argument("--extractions", type=Path, help="also write the ground truth as Extraction JSONL here")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("--n must be >= 0")
    started = time.perf_counter()
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")  # noqa: SIM115
    extractions = open(args.extractions, "w", encoding="utf-8") if args.extractions else None  # noqa: SIM115
    try:
        count = write_corpus(args.n, args.seed, out, args.gold_dir, extractions)
    finally:
        if out is not sys.stdout:
            out.close()
        if extractions is not None:
            extractions.close()
    seconds = time.perf_counter() - started
    print(f"{count} articles in {seconds:.1f} s ({count / max(seconds, 1e-9):.0f}/s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
