"""`malikg ingest`: read articles (or ready extractions), extract, and write them into Neo4j idempotently.

Documents stream through bounded batches (extraction batches of 8, write transactions of `--batch-size`), so
memory does not grow with the corpus. A document the graph already holds with the same cleaned text is skipped
before the NLP (`malikg.unchanged`; `--reextract` turns that off). Exit codes: 0 all written, 1 some documents failed
(each named on stderr), 3 Neo4j unreachable or the database lost (at the start, or during the run: disk full, a
panic; then the documents of the unconfirmed batch are named on stderr and the run stops at once), 4 the run crashed
(a bug: the documents of the unconfirmed batch are named, then the traceback).
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from graph.writer import WriteResult
    from ingest.models import Document, Extraction, Failure
    from malikg.unchanged import UnchangedFilter

EXIT_FAILED_DOCUMENTS = 1
EXIT_NEO4J_UNREACHABLE = 3
EXIT_CRASHED = 4
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
    reextract: Annotated[
        bool, typer.Option("--reextract", help="extract unchanged documents again (after a change of the rules)")
    ] = False,
) -> None:
    """Extract facts from articles and write them into Neo4j; re-ingesting the same files changes nothing."""
    from neo4j.exceptions import AuthError, DatabaseError, DatabaseUnavailable, ServiceUnavailable, SessionExpired

    from core.settings import get_settings
    from graph.driver import open_driver
    from graph.schema import apply_schema
    from graph.writer import GraphWriter, WriteResult
    from ingest.curation import load_reference
    from malikg.unchanged import UnchangedFilter

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
            writer = GraphWriter(driver, settings.neo4j_database, load_reference())
            unchanged = None if reextract else UnchangedFilter(driver, settings.neo4j_database)
            with _progress(_count(inputs, from_extractions)) as advance:
                # progress counts documents as they are extracted (writes trail by at most one batch)
                stream = _stream(inputs, from_extractions, processes, unchanged, advance)
                extractions = tally.extractions(stream, advance)
                for outcome in writer.write_many(extractions, batch_size=batch_size):
                    total += outcome.result
                    tally.ok += len(outcome.written)
                    tally.in_flight.clear()
                    for failure in outcome.failures:
                        tally.fail(failure)
        except (ServiceUnavailable, SessionExpired, AuthError, DatabaseError, DatabaseUnavailable) as exc:
            reason = _first_line(exc)
            if tally.ok or tally.in_flight:
                tally.lost_connection(reason, settings.neo4j_uri, isinstance(exc, DatabaseError | DatabaseUnavailable))
                raise typer.Exit(code=EXIT_NEO4J_UNREACHABLE) from None
            typer.echo(
                f"malikg ingest: cannot reach Neo4j at {settings.neo4j_uri} ({reason}); "
                "start it with `malikg db start` or set NEO4J_URI",
                err=True,
            )
            raise typer.Exit(code=EXIT_NEO4J_UNREACHABLE) from None
        except Exception as exc:  # a bug: say what was written and what was not, then show the traceback
            tally.crashed(_first_line(exc))
            traceback.print_exc()
            raise typer.Exit(code=EXIT_CRASHED) from None
    typer.echo(_summary(tally, total, len(unchanged.skipped) if unchanged else 0))
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

    def lost_connection(self, reason: str, uri: str, database_failed: bool = False) -> None:
        """Name the documents of the batch in flight when Neo4j went away or its database failed (disk full), and
        say how to finish the run."""
        what = "the database failed" if database_failed else "the connection to Neo4j was lost"
        for doc_id in self.in_flight:
            print(f"{doc_id}: not confirmed written, {what} ({reason})", file=sys.stderr)
        after = f" and every document after {self.in_flight[-1]}" if self.in_flight else ""
        hint = (
            " Neo4j reported a failure of the database itself (a full disk?): free space, restart it (`malikg db"
            " stop`, `malikg db start`; if the start says the database cannot start, `malikg db recover`), then re-run"
            " the same command: ingest is idempotent."
            if database_failed
            else " Re-run the same command once Neo4j is back: ingest is idempotent."
        )
        print(
            f"malikg ingest: lost Neo4j at {uri} after {self.ok} documents were written; the documents above"
            f"{after} were not written.{hint}",
            file=sys.stderr,
            flush=True,
        )

    def crashed(self, reason: str) -> None:
        """Name the documents of the batch in flight when the run crashed."""
        for doc_id in self.in_flight:
            print(f"{doc_id}: not confirmed written, the run crashed ({reason})", file=sys.stderr)
        print(
            f"malikg ingest: the run crashed after {self.ok} documents were written ({reason}); the documents above"
            " and every later one were not written. This is a bug: please report it with the traceback below.",
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


def _first_line(exc: BaseException) -> str:
    """`Type: first line of the message` (`Neo.Code: message` for a Neo4j error)."""
    from neo4j.exceptions import Neo4jError

    if isinstance(exc, Neo4jError) and exc.code and exc.message:
        return f"{exc.code}: {exc.message.strip().splitlines()[0][:200]}"
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__


def _stream(
    inputs: Sequence[Path],
    from_extractions: Path | None,
    processes: int,
    unchanged: UnchangedFilter | None,
    advance: Callable[[int], None],
) -> Iterator[Extraction | Failure]:
    """Ready extractions first (if any), then the documents extracted lazily, in input order; documents the graph
    already holds with the same text are dropped by `unchanged` before the NLP (and counted as done)."""
    if from_extractions is not None:
        yield from _read_extractions(from_extractions)
    if inputs:
        from ingest.pipeline import extract_documents
        from ingest.readers import iter_documents

        documents = iter_documents(inputs)
        if unchanged is not None:
            documents = _counting_skips(unchanged, documents, advance)
        yield from extract_documents(documents, batch_size=8, n_process=processes)


def _counting_skips(
    unchanged: UnchangedFilter, documents: Iterable[Document | Failure], advance: Callable[[int], None]
) -> Iterator[Document | Failure]:
    """`unchanged(documents)`, advancing the progress bar by each skipped document."""
    reported = 0
    for item in unchanged(documents):
        if len(unchanged.skipped) > reported:
            advance(len(unchanged.skipped) - reported)
            reported = len(unchanged.skipped)
        yield item
    advance(len(unchanged.skipped) - reported)


def _read_extractions(path: Path) -> Iterator[Extraction | Failure]:
    """Lines of Extraction JSON; a broken line becomes a Failure named `file:line`."""
    from pydantic import ValidationError

    from ingest.models import Extraction, Failure
    from ingest.readers import invalid_fields

    with path.open("rb") as lines:  # bytes: pydantic reports a line that is not UTF-8 as that line's failure
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield Extraction.model_validate_json(line)
            except ValidationError as exc:
                yield Failure(source=f"{path}:{number}", reason=invalid_fields(exc))


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
        if not file.is_file():  # a FIFO would block
            continue
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


def _summary(tally: _Tally, total: WriteResult, unchanged: int) -> str:
    return (
        f"documents: {tally.ok} ok, {tally.failed} failed, {unchanged} unchanged (skipped before the NLP); "
        f"created {total.nodes_created} nodes and {total.relationships_created} relationships "
        f"({total.properties_set} properties set, {total.reposts} reposts recognised)"
    )
