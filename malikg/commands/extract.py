"""`malikg extract` and `malikg eval`: run the NLP extraction, and score it against gold annotations."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the commands to the root app."""
    app.command("extract")(extract)
    app.command("eval")(evaluate)


def extract(
    paths: Annotated[list[Path] | None, typer.Argument(help=".txt/.html/.jsonl files or folders")] = None,
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="JSONL input: {id, text, url?, published?}")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="write JSONL here instead of stdout")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = 8,
    processes: Annotated[int, typer.Option("--processes", min=1)] = 1,
) -> None:
    """Extract people, states, organisations and meetings from articles; one JSON line per document."""
    from ingest.models import Failure
    from ingest.pipeline import extract_documents
    from ingest.readers import iter_documents

    inputs = list(paths or []) + ([jsonl] if jsonl else [])
    if not inputs:
        raise typer.BadParameter("give PATH... or --jsonl FILE")
    failed = 0
    sink = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for item in extract_documents(iter_documents(inputs), batch_size=batch_size, n_process=processes):
            if isinstance(item, Failure):
                failed += 1
                print(f"{item.source}: {item.reason}", file=sys.stderr)
                continue
            sink.write(item.model_dump_json() + "\n")
            sink.flush()
    finally:
        if out:
            sink.close()
    if failed:
        raise typer.Exit(code=1)


def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="folder of gold JSON files")],
    pred: Annotated[Path | None, typer.Option("--pred", help="predictions JSONL (else extraction is run)")] = None,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="print misses")] = False,
) -> None:
    """Score extraction output against gold annotations (P/R/F1 for people, states, organisations, meetings)."""
    from ingest.models import Failure
    from ingest.scoring import load_gold, predict, render, score

    golds = load_gold(gold_dir)
    failures: list[Failure] = []
    preds = predict(golds, failures) if pred is None else _read_preds(pred)
    report = score(golds, preds)
    typer.echo(render(report, verbose=verbose))
    typer.echo(f"failures {len(failures)}")
    for failure in failures:
        typer.echo(f"{failure.source}: {failure.reason}", err=True)
    if failures:
        raise typer.Exit(code=1)


def _read_preds(path: Path) -> dict[str, dict[str, object]]:
    import json

    out: dict[str, dict[str, object]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[str(row.get("id"))] = row
    return out
