"""`malikg export`: the graph as RDF (Turtle, JSON-LD, N-Triples), and SHACL validation of an export."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Annotated, Literal

import typer

app = typer.Typer(help="Export the graph (RDF) and validate exports.", no_args_is_help=True)

RdfFormat = Literal["turtle", "json-ld", "nt"]


@app.command("rdf")
def rdf_command(
    fmt: Annotated[RdfFormat, typer.Option("--format", "-f", help="turtle, json-ld or nt (N-Triples).")] = "turtle",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: stdout).")] = None,
    entity: Annotated[
        str | None, typer.Option(help="Only meetings involving this person id, state ISO3 or organisation id.")
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
            if out is None:
                stats = write_export(
                    driver,
                    settings.neo4j_database,
                    fmt,
                    sys.stdout,
                    export_filter,
                    batch_size,
                    include_ontology=ontology,
                )
            else:
                with out.open("w", encoding="utf-8", newline="\n") as stream:
                    stats = write_export(
                        driver,
                        settings.neo4j_database,
                        fmt,
                        stream,
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
    """Validate an export against the project's SHACL shapes (graph/rdf/shapes.ttl); exit 1 when it does not conform."""
    from rdflib import Graph

    from graph.rdf.validate import validate_graph

    by_suffix: dict[str, RdfFormat] = {".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt"}
    chosen = fmt or by_suffix.get(path.suffix.lower())
    if chosen is None:
        typer.echo(f"malikg: cannot tell the format of {path}; pass --format turtle|json-ld|nt", err=True)
        raise typer.Exit(2)
    report = validate_graph(Graph().parse(path, format=chosen))
    typer.echo(report.text)
    raise typer.Exit(0 if report.conforms else 1)
