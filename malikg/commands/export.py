"""`malikg export`: the graph as RDF (Turtle, JSON-LD, N-Triples), and SHACL validation of an export."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import Annotated, Any, Literal, TextIO

import typer

app = typer.Typer(help="Export the graph (RDF, CSV, GEXF, GraphML) and validate exports.", no_args_is_help=True)

RdfFormat = Literal["turtle", "json-ld", "nt"]
NetworkFormat = Literal["gexf", "graphml"]


@app.command("rdf")
def rdf_command(
    fmt: Annotated[RdfFormat, typer.Option("--format", "-f", help="turtle, json-ld or nt (N-Triples).")] = "turtle",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: stdout).")] = None,
    entity: Annotated[
        str | None,
        typer.Option(help="Only meetings involving this person, state or organisation: id, ISO3 or any name."),
    ] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, max=100_000, help="Nodes read per transaction.")] = 1000,
    ontology: Annotated[
        bool, typer.Option(help="Include the project ontology (meeting types and sectors labelled in fr/en).")
    ] = False,
) -> None:
    """Stream the graph (or the meetings matching the filters and what they reference) as RDF in public
    vocabularies: SEM, W3C ORG, FOAF, schema.org, PROV-O, dcterms, SKOS, owl:sameAs Wikidata."""
    from neo4j.exceptions import DriverError, Neo4jError

    from core.settings import get_settings
    from graph.driver import open_driver
    from graph.rdf.errors import InvalidFilterError
    from graph.rdf.export import ExportStats, write_export
    from graph.rdf.filters import ExportFilter
    from ingest.curation import load_reference
    from malikg.entities import resolve_or_exit

    try:
        export_filter = ExportFilter.parse(entity=entity, date_from=date_from, date_to=date_to)
    except InvalidFilterError as error:
        typer.echo(f"malikg: {error}", err=True)
        raise typer.Exit(2) from error
    settings = get_settings()
    started = time.monotonic()

    def progress(stats: ExportStats) -> None:
        if out is not None and sys.stderr.isatty():
            rate = stats.triples / max(time.monotonic() - started, 1e-6)
            typer.echo(f"\r{stats.triples:,} triples ({rate:,.0f}/s)", err=True, nl=False)

    try:
        with open_driver(settings) as driver:
            if export_filter.entity is not None:
                ref = resolve_or_exit(
                    driver, settings.neo4j_database, settings.malikg_query_timeout_s, export_filter.entity
                )
                export_filter = replace(export_filter, entity=ref.id)
            if out is None:
                stats = write_export(
                    driver,
                    settings.neo4j_database,
                    fmt,
                    sys.stdout,
                    load_reference(),
                    export_filter,
                    batch_size,
                    include_ontology=ontology,
                )
            else:
                with atomic_text_file(out) as stream:
                    stats = write_export(
                        driver,
                        settings.neo4j_database,
                        fmt,
                        stream,
                        load_reference(),
                        export_filter,
                        batch_size,
                        progress,
                        include_ontology=ontology,
                    )
    except BrokenPipeError:
        # The reader went away (`malikg export rdf | head`): stop quietly, without a traceback at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(141) from None
    except (DriverError, Neo4jError) as error:
        typer.echo(
            f"\nmalikg: cannot read the graph at {settings.neo4j_uri}: {error} (is it running? `malikg db status`)",
            err=True,
        )
        raise typer.Exit(1) from error
    if out is not None:
        elapsed = time.monotonic() - started
        typer.echo(f"\rwrote {stats.triples:,} triples to {out} in {elapsed:.1f}s", err=True)


@app.command("validate")
def validate_command(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="An export (.ttl, .jsonld or .nt).")],
    fmt: Annotated[RdfFormat | None, typer.Option("--format", "-f", help="(default: from the file extension)")] = None,
) -> None:
    """Validate an export against the project's SHACL shapes (graph/rdf/shapes.ttl); exit 1 when it does not conform,
    does not parse, or lacks the completeness marker every export ends with (it was cut short)."""
    from rdflib import Graph

    from graph.rdf.validate import is_complete, validate_graph

    by_suffix: dict[str, RdfFormat] = {".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt"}
    chosen = fmt or by_suffix.get(path.suffix.lower())
    if chosen is None:
        typer.echo(f"malikg: cannot tell the format of {path}; pass --format turtle|json-ld|nt", err=True)
        raise typer.Exit(2)
    try:
        graph = Graph().parse(path, format=chosen)
    except Exception as error:  # rdflib raises many types for a syntax error; any of them means "not valid"
        typer.echo(f"malikg: {path} is not valid {chosen} (cut short?): {str(error).splitlines()[0][:300]}", err=True)
        raise typer.Exit(1) from None
    report = validate_graph(graph)
    typer.echo(report.text)
    complete = is_complete(graph)
    if not complete:
        typer.echo(
            f"malikg: {path} is incomplete: it lacks the completeness marker every export ends with "
            "(<https://malikg.org/id/export> a mko:CompleteExport); the export was cut short",
            err=True,
        )
    raise typer.Exit(0 if report.conforms and complete else 1)


@contextmanager
def atomic_text_file(path: Path) -> Iterator[TextIO]:
    """A text stream whose content replaces `path` only once it is complete (a temporary file in the same folder,
    flushed to disk, then renamed over `path`); on any failure `path` is left as it was and the temporary file
    removed."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)  # mkstemp makes it 0600; an export is an ordinary file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _filtered_pages(
    entity: str | None, date_from: str | None, date_to: str | None
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """The export core's pages for these filters; a bad filter exits 2, an unknown entity 1, no graph 1."""
    from neo4j.exceptions import DriverError, Neo4jError

    from core.settings import get_settings
    from graph.driver import open_driver
    from graph.export.core import iter_records
    from graph.rdf.errors import InvalidFilterError
    from graph.rdf.filters import ExportFilter
    from malikg.entities import resolve_or_exit

    try:
        export_filter = ExportFilter.parse(entity=entity, date_from=date_from, date_to=date_to)
    except InvalidFilterError as error:
        typer.echo(f"malikg: {error}", err=True)
        raise typer.Exit(2) from error
    settings = get_settings()
    try:
        with open_driver(settings) as driver:
            if export_filter.entity is not None:
                ref = resolve_or_exit(
                    driver, settings.neo4j_database, settings.malikg_query_timeout_s, export_filter.entity
                )
                export_filter = replace(export_filter, entity=ref.id)
            yield from iter_records(driver, settings.neo4j_database, export_filter)
    except (DriverError, Neo4jError) as error:
        typer.echo(f"malikg: cannot read the graph at {settings.neo4j_uri}: {error} (`malikg db status`)", err=True)
        raise typer.Exit(1) from error


def _primed(pages: Iterator[tuple[str, list[dict[str, Any]]]]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Read the first page now, so an unknown entity or an unreachable graph fails before anything is written."""
    first = next(pages, None)
    return chain([] if first is None else [first], pages)


_ENTITY = typer.Option("--entity", help="Only meetings involving this person, state or organisation (any name).")
_FROM = typer.Option("--from", help="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.")
_TO = typer.Option("--to", help="Latest date: YYYY, YYYY-MM or YYYY-MM-DD.")


@app.command("csv")
def csv_command(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: stdout).")] = None,
    entity: Annotated[str | None, _ENTITY] = None,
    date_from: Annotated[str | None, _FROM] = None,
    date_to: Annotated[str | None, _TO] = None,
) -> None:
    """One row per meeting (date, precision, type, place, participants with roles, states with host, sectors,
    organisations, sources' URL and outlet, evidence, confidence), for pandas and spreadsheets."""
    from graph.export.table import write_csv

    pages = _primed(_filtered_pages(entity, date_from, date_to))
    if out is None:
        rows = write_csv(pages, sys.stdout)
    else:
        with out.open("w", encoding="utf-8", newline="") as stream:
            rows = write_csv(pages, stream)
        typer.echo(f"wrote {rows:,} meetings to {out}", err=True)


def _write_network(
    out: Path, fmt: NetworkFormat, entity: str | None, date_from: str | None, date_to: str | None
) -> None:
    from graph.export.network import build_network, write_network

    graph = build_network(_primed(_filtered_pages(entity, date_from, date_to)))
    write_network(graph, fmt, str(out))
    typer.echo(f"wrote {graph.number_of_nodes():,} actors and {graph.number_of_edges():,} ties to {out}", err=True)


@app.command("gexf")
def gexf_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file.")],
    entity: Annotated[str | None, _ENTITY] = None,
    date_from: Annotated[str | None, _FROM] = None,
    date_to: Annotated[str | None, _TO] = None,
) -> None:
    """The actors' network as GEXF 1.2 (Gephi)."""
    _write_network(out, "gexf", entity, date_from, date_to)


@app.command("graphml")
def graphml_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file.")],
    entity: Annotated[str | None, _ENTITY] = None,
    date_from: Annotated[str | None, _FROM] = None,
    date_to: Annotated[str | None, _TO] = None,
) -> None:
    """The actors' network as GraphML (networkx, yEd)."""
    _write_network(out, "graphml", entity, date_from, date_to)
