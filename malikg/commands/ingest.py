"""`malikg ingest`: read articles (or ready extractions), extract, and write them into Neo4j idempotently.

Documents stream through bounded batches (extraction batches of 8, write transactions of `--batch-size`), so
memory does not grow with the corpus. Exit codes: 0 all written, 1 some documents failed, 3 Neo4j unreachable
(at the start, or lost during the run: then the documents of the unconfirmed batch are named on stderr).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from graph.writer import WriteResult
    from ingest.models import Extraction, Failure

EXIT_FAILED_DOCUMENTS = 1
EXIT_NEO4J_UNREACHABLE = 3
_DOCUMENT_SUFFIXES = {".txt", ".html", ".htm"}


def register(app: typer.Typer) -> None:
    """Add the command to the root app."""
    app.command("ingest")(ingest)


def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help=".txt/.html/.jsonl files or folders")] = None,
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="JSONL of documents: {id, text, url?, ...}")] = None,
    from_extractions: Annotated[
        Path | None, typer.Option("--from-extractions", help="JSONL of ready Extractions (skips the NLP)")
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="documents per write transaction")] = 200,
    processes: Annotated[int, typer.Option("--processes", min=1, help="extraction worker processes")] = 1,
) -> None:
    """Extract facts from articles and write them into Neo4j; re-ingesting the same files changes nothing."""
    from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

    from core.settings import get_settings
    from graph.driver import open_driver
    from graph.schema import apply_schema
    from graph.writer import GraphWriter, WriteResult

    inputs = list(paths or []) + ([jsonl] if jsonl else [])
    if not inputs and from_extractions is None:
        raise typer.BadParameter("give PATH..., --jsonl FILE or --from-extractions FILE")
    missing = [str(p) for p in [*inputs, *([from_extractions] if from_extractions else [])] if not p.exists()]
    if missing:
        raise typer.BadParameter(f"no such file or folder: {', '.join(missing)}")

    settings = get_settings()
    tally = _Tally()
    total = WriteResult()
    with open_driver(settings) as driver:
        try:
            apply_schema(driver, settings.neo4j_database)
            writer = GraphWriter(driver, settings.neo4j_database)
            with _progress(_count(inputs, from_extractions)) as advance:
                # progress counts documents as they are extracted (writes trail by at most one batch)
                extractions = tally.extractions(_stream(inputs, from_extractions, processes), advance)
                for outcome in writer.write_many(extractions, batch_size=batch_size):
                    total += outcome.result
                    tally.ok += len(outcome.written)
                    tally.in_flight.clear()
                    for failure in outcome.failures:
                        tally.fail(failure)
        except (ServiceUnavailable, SessionExpired, AuthError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if tally.ok or tally.in_flight:
                tally.lost_connection(reason, settings.neo4j_uri)
                raise typer.Exit(code=EXIT_NEO4J_UNREACHABLE) from None
            typer.echo(
                f"malikg ingest: cannot reach Neo4j at {settings.neo4j_uri} ({reason}); "
                "start it with `malikg db start` or set NEO4J_URI",
                err=True,
            )
            raise typer.Exit(code=EXIT_NEO4J_UNREACHABLE) from None
    typer.echo(_summary(tally, total))
    if tally.failed:
        raise typer.Exit(code=EXIT_FAILED_DOCUMENTS)


class _Tally:
    """Counts documents, and names every failed one on stderr as soon as it is known."""

    def __init__(self) -> None:
        self.ok = 0
        self.failed = 0
        self.in_flight: list[str] = []  # ids handed to the writer whose batch has not been confirmed yet

    def fail(self, failure: Failure) -> None:
        self.failed += 1
        print(f"{failure.source}: {failure.reason}", file=sys.stderr, flush=True)

    def lost_connection(self, reason: str, uri: str) -> None:
        """Name the documents of the batch in flight when Neo4j went away, and say how to finish the run."""
        for doc_id in self.in_flight:
            print(f"{doc_id}: not confirmed written, the connection to Neo4j was lost ({reason})", file=sys.stderr)
        after = f" and every document after {self.in_flight[-1]}" if self.in_flight else ""
        print(
            f"malikg ingest: lost Neo4j at {uri} after {self.ok} documents were written; the documents above"
            f"{after} were not written. Re-run the same command once Neo4j is back: ingest is idempotent.",
            file=sys.stderr,
            flush=True,
        )

    def extractions(
        self, items: Iterable[Extraction | Failure], advance: Callable[[int], None]
    ) -> Iterator[Extraction]:
        """The extractions of `items`; failures are reported on the way. Calls `advance(1)` per document."""
        from ingest.models import Failure

        for item in items:
            advance(1)
            if isinstance(item, Failure):
                self.fail(item)
            else:
                self.in_flight.append(item.id)
                yield item


def _stream(inputs: Sequence[Path], from_extractions: Path | None, processes: int) -> Iterator[Extraction | Failure]:
    """Ready extractions first (if any), then the documents extracted lazily, in input order."""
    if from_extractions is not None:
        yield from _read_extractions(from_extractions)
    if inputs:
        from ingest.pipeline import extract_documents
        from ingest.readers import iter_documents

        yield from extract_documents(iter_documents(inputs), batch_size=8, n_process=processes)


def _read_extractions(path: Path) -> Iterator[Extraction | Failure]:
    """Lines of Extraction JSON; a broken line becomes a Failure named `file:line`."""
    from pydantic import ValidationError

    from ingest.models import Extraction, Failure

    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield Extraction.model_validate_json(line)
            except ValidationError as exc:
                yield Failure(source=f"{path}:{number}", reason=str(exc).splitlines()[0])


def _count(inputs: Sequence[Path], from_extractions: Path | None) -> int | None:
    """How many documents there are (for the ETA), when stderr is a terminal; cheap: counts files and lines."""
    if not sys.stderr.isatty():
        return None
    total = 0
    files = [from_extractions] if from_extractions else []
    for path in inputs:
        files.extend(sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path])
    for file in files:
        suffix = file.suffix.lower()
        if suffix == ".jsonl" or file == from_extractions:
            with file.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        elif suffix in _DOCUMENT_SUFFIXES:
            total += 1
    return total


@contextmanager
def _progress(total: int | None) -> Iterator[Callable[[int], None]]:
    """A rich progress bar (documents, rate, ETA) on a terminal; a no-op otherwise."""
    if total is None:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    started = time.monotonic()
    with Progress(*columns, console=Console(stderr=True)) as progress:
        task = progress.add_task("ingest", total=total, rate="-")

        def advance(n: int) -> None:
            done = progress.tasks[0].completed + n
            progress.update(task, advance=n, rate=f"{done / max(time.monotonic() - started, 1e-6):.1f}")

        yield advance


def _summary(tally: _Tally, total: WriteResult) -> str:
    return (
        f"documents: {tally.ok} ok, {tally.failed} failed; "
        f"created {total.nodes_created} nodes and {total.relationships_created} relationships "
        f"({total.properties_set} properties set, {total.reposts} reposts recognised)"
    )
