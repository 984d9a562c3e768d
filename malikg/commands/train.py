"""`malikg train`: train the contact classifier on real gold sentences and write it as package data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the command to the root app."""
    app.command("train")(train)


def train(
    gold: Annotated[
        list[Path] | None,
        typer.Argument(
            help="folders of real gold JSON (default: tests/data/real/batch-*, ../shared/eval/dev2, ../shared/eval/dev)"
        ),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="model folder (default: the shipped package data)")] = None,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    epochs: Annotated[int, typer.Option("--epochs", min=1)] = 12,
    arch: Annotated[str, typer.Option("--arch", help="bow | ensemble")] = "bow",
) -> None:
    """Train the 'reports a contact' + meeting type sentence classifier (spaCy textcat, CPU, fixed seed)."""
    from collections import Counter

    from ingest.contact_classifier import MODEL_DIR
    from ingest.contact_training import ARCHITECTURES, labelled_sentences, load_articles, real_gold_dirs
    from ingest.contact_training import train as fit

    if arch not in ARCHITECTURES:
        raise typer.BadParameter(f"--arch must be one of {sorted(ARCHITECTURES)}")
    dirs = list(gold or real_gold_dirs(Path(".")))
    try:
        articles = load_articles(dirs)
    except (FileNotFoundError, ValueError) as exc:
        raise typer.BadParameter(str(exc)) from exc
    texts, labels = labelled_sentences(articles)
    if not texts:
        raise typer.BadParameter("no sentences in the gold folders")
    target = out or MODEL_DIR
    fit(texts, labels, target, seed=seed, epochs=epochs, arch=arch)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(Counter(labels).items()))
    typer.echo(f"trained on {len(articles)} articles, {len(texts)} sentences ({counts}) -> {target}")
