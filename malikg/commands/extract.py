"""`malikg extract` and `malikg eval`: run the NLP extraction, and score it against gold annotations.

`malikg extract` exits 0 when every document was extracted, 1 when some failed (each named on stderr), 4 when the
run crashed (a bug: the last document written is named, then the traceback).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

EXIT_FAILED_DOCUMENTS = 1
EXIT_CRASHED = 4


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
    from ingest.models import Failure, contract_json
    from ingest.pipeline import extract_documents
    from ingest.readers import iter_documents

    inputs = list(paths or []) + ([jsonl] if jsonl else [])
    if not inputs:
        raise typer.BadParameter("give PATH... or --jsonl FILE")
    failed = 0
    last = None
    sink = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for item in extract_documents(iter_documents(inputs), batch_size=batch_size, n_process=processes):
            if isinstance(item, Failure):
                failed += 1
                print(f"{item.source}: {item.reason}", file=sys.stderr)
                continue
            sink.write(contract_json(item) + "\n")
            sink.flush()
            last = item.id
    except Exception as exc:  # a bug: say how far the run got, then show the traceback
        after = f"after {last}" if last is not None else "before the first document"
        print(
            f"malikg extract: the run crashed {after} ({type(exc).__name__}: {exc}); please report it", file=sys.stderr
        )
        traceback.print_exc()
        raise typer.Exit(code=EXIT_CRASHED) from None
    finally:
        if out:
            sink.close()
    if failed:
        raise typer.Exit(code=EXIT_FAILED_DOCUMENTS)


def evaluate(
    gold_dirs: Annotated[list[Path], typer.Argument(help="folders of gold JSON files (pooled)")],
    pred: Annotated[Path | None, typer.Option("--pred", help="predictions JSONL (else extraction is run)")] = None,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="print misses")] = False,
    folds: Annotated[
        str | None, typer.Option("--folds", help="leave-one-group-out over 'outlet' or 'year' (pooled figures)")
    ] = None,
) -> None:
    """Score extraction output against gold annotations (P/R/F1 for people, states, organisations, meetings)."""
    from ingest.crossval import cross_validate, rules_predictor
    from ingest.models import Failure
    from ingest.scoring import load_gold, predict, render, score

    golds = {}
    for gold_dir in gold_dirs:
        golds.update(load_gold(gold_dir))
    failures: list[Failure] = []
    preds = predict(golds, failures) if pred is None else _read_preds(pred)
    for failure in failures:
        typer.echo(f"{failure.source}: {failure.reason}", err=True)
    if folds is None:
        typer.echo(render(score(golds, preds), verbose=verbose))
    else:
        try:
            cv = cross_validate(golds, folds, rules_predictor(preds))
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--folds") from exc
        f1s = cv.fold_f1()
        typer.echo(render(cv.pooled, verbose=verbose))
        if f1s:
            typer.echo(
                f"leave-one-{folds}-out: {len(cv.folds)} folds ({len(f1s)} with meetings), meeting F1 per fold "
                f"min {min(f1s.values()):.3f}, mean {sum(f1s.values()) / len(f1s):.3f}; pooled above"
            )
    typer.echo(f"failures {len(failures)}")
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
