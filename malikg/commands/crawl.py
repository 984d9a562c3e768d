"""`malikg crawl`: follow feeds, sitemaps and URL lists and write new or changed articles into Neo4j (docs/crawl.md).

Exit codes: 0 the round ran and nothing failed (or, with `--every`, the crawler was stopped by SIGINT/SIGTERM);
1 the round ran but some listings or pages failed (each named on stderr, counted in the summary); 2 bad usage or
sources file; 3 Neo4j unreachable (with `--every` the crawler reports it and tries again next round).
"""

from __future__ import annotations

import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from crawl.sources import SourcesFile

EXIT_FAILURES = 1
EXIT_USAGE = 2
EXIT_NEO4J_UNREACHABLE = 3
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)(s|m|h|d)$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def register(app: typer.Typer) -> None:
    """Add the command to the root app."""
    app.command("crawl")(crawl)


def parse_duration(text: str) -> float:
    """Seconds in "90s", "15m", "1.5h", "1d"."""
    match = _DURATION.match(text.strip())
    if match is None:
        raise typer.BadParameter(f"{text!r} is not a duration such as 30s, 15m, 2h or 1d")
    return float(match[1]) * _SECONDS[match[2]]


def crawl(
    sources: Annotated[
        Path | None, typer.Option("--sources", help="sources file (YAML); default: the shipped list")
    ] = None,
    feed: Annotated[list[str] | None, typer.Option("--feed", help="an RSS/Atom feed URL (repeatable)")] = None,
    sitemap: Annotated[list[str] | None, typer.Option("--sitemap", help="a sitemap URL (repeatable)")] = None,
    urls: Annotated[list[Path] | None, typer.Option("--urls", help="a file of page URLs, one a line")] = None,
    state: Annotated[
        Path | None, typer.Option("--state", help="crawl state file; default: $MALIKG_DATA_DIR/crawl/state.sqlite")
    ] = None,
    every: Annotated[str | None, typer.Option("--every", help="run a round every 30s/15m/2h/1d until stopped")] = None,
    max_pages: Annotated[int | None, typer.Option("--max-pages", min=1, help="pages fetched per round")] = None,
    delay: Annotated[float | None, typer.Option("--delay", min=0, help="seconds between requests to a host")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="documents per write transaction")] = 50,
    processes: Annotated[int, typer.Option("--processes", min=1, help="extraction worker processes")] = 1,
) -> None:
    """Fetch new and changed pages of news feeds, sitemaps and URL lists, politely, and ingest them."""
    from core.settings import get_settings
    from crawl.errors import SourcesError

    interval = parse_duration(every) if every is not None else None
    try:
        config = _configuration(sources, feed or [], sitemap or [], urls or [])
    except SourcesError as exc:
        typer.echo(f"malikg crawl: {exc}", err=True)
        raise typer.Exit(code=EXIT_USAGE) from None
    overrides = {k: v for k, v in (("max_pages", max_pages), ("delay_s", delay)) if v is not None}
    config.politeness = config.politeness.model_copy(update=overrides)
    settings = get_settings()
    state_path = state or settings.malikg_data_dir / "crawl" / "state.sqlite"
    stop = threading.Event()
    with _stopping_on_signals(stop):
        code = _run(config, state_path, interval, stop, batch_size, processes)
    raise typer.Exit(code=code)


def _configuration(sources: Path | None, feeds: list[str], sitemaps: list[str], url_files: list[Path]) -> SourcesFile:
    from pydantic import ValidationError

    from crawl.errors import SourcesError
    from crawl.sources import Source, SourcesFile, load_sources, url_list

    given = bool(feeds or sitemaps or url_files)
    config = load_sources(sources) if sources is not None or not given else SourcesFile()
    try:
        extra = [Source(feed=u) for u in feeds] + [Source(sitemap=u) for u in sitemaps]
    except ValidationError as exc:
        raise SourcesError(str(exc.errors()[0]["msg"])) from None
    for path in url_files:
        extra += url_list(path)
    config.sources = [*config.sources, *extra]
    if not config.sources:
        raise SourcesError("no source to follow: give --sources FILE, --feed URL, --sitemap URL or --urls FILE")
    return config


def _run(
    config: SourcesFile,
    state_path: Path,
    interval: float | None,
    stop: threading.Event,
    batch_size: int,
    processes: int,
) -> int:
    from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

    from core.settings import get_settings
    from crawl.rounds import Round
    from crawl.state import CrawlState
    from graph.driver import open_driver
    from graph.schema import apply_schema

    settings = get_settings()
    number = 0
    code = 0
    with open_driver(settings) as driver, CrawlState(state_path) as crawl_state:
        schema_ready = False
        while not stop.is_set():
            number += 1
            started = time.monotonic()
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            try:
                if not schema_ready:
                    apply_schema(driver, settings.neo4j_database)
                    schema_ready = True
                runner = Round(
                    config.sources,
                    config.politeness,
                    crawl_state,
                    driver,
                    settings.neo4j_database,
                    stop=stop,
                    batch_size=batch_size,
                    processes=processes,
                )
                with _progress(number) as (on_total, advance):
                    summary = runner.run(on_total, advance)
            except (ServiceUnavailable, SessionExpired, AuthError) as exc:
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                typer.echo(
                    f"malikg crawl: round {number}: cannot reach Neo4j at {settings.neo4j_uri} ({reason}); pages not "
                    "written are fetched again next round",
                    err=True,
                )
                if interval is None:
                    return EXIT_NEO4J_UNREACHABLE
            else:
                typer.echo(f"round {number} ({stamp}, {time.monotonic() - started:.1f} s):")
                for line in summary.lines():
                    typer.echo(f"  {line}")
                sys.stdout.flush()
                code = EXIT_FAILURES if summary.failed else 0
            if interval is None:
                return code
            stop.wait(max(0.0, interval - (time.monotonic() - started)))
    return 0


@contextmanager
def _stopping_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT/SIGTERM set `stop`: no new request starts, the batch in hand is written, the round ends cleanly.
    A second signal ends the process at once (exit 130), like an impatient second Ctrl-C."""

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise SystemExit(130)
        stop.set()
        print("malikg crawl: stopping after the batch in hand (signal again to quit now)", file=sys.stderr, flush=True)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


@contextmanager
def _progress(number: int) -> Iterator[tuple[Callable[[int], None], Callable[[], None]]]:
    """A progress bar of the round's due pages on a terminal; no-ops otherwise."""
    if not sys.stderr.isatty():
        yield (lambda n: None), (lambda: None)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn(f"crawl round {number}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("pages", total=None)
        yield (lambda n: progress.update(task, total=n)), (lambda: progress.advance(task))
