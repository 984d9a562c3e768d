"""`malikg db`: build, start, inspect and stop the local Neo4j server, and create the graph schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlparse

import typer

from core.settings import get_settings
from graph import local_server, neo4j_build
from graph.local_errors import LocalServerError, ToolMissingError

app = typer.Typer(help="The local Neo4j server and the graph schema.", no_args_is_help=True)

BoltPort = Annotated[
    int | None, typer.Option("--bolt-port", help="Bolt port (default: the port of NEO4J_URI, else 7687)")
]
HttpPort = Annotated[
    int | None, typer.Option("--http-port", help="HTTP and Browser port (default: NEO4J_HTTP_PORT, else 7474)")
]
DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Server home and store (default: $MALIKG_DATA_DIR/neo4j, else data/neo4j)"),
]


def _config(bolt_port: int | None, http_port: int | None, data_dir: Path | None) -> local_server.ServerConfig:
    settings = get_settings()
    return local_server.ServerConfig(
        data_dir=(data_dir or settings.malikg_data_dir / "neo4j").resolve(),
        bolt_port=bolt_port or urlparse(settings.neo4j_uri).port or 7687,
        http_port=http_port or settings.neo4j_http_port,
        heap=settings.malikg_neo4j_heap,
        pagecache=settings.malikg_neo4j_pagecache,
    )


def _fail(error: LocalServerError) -> typer.Exit:
    """Print the error as `malikg: ...` on stderr; exit 2 for a missing prerequisite, else 1."""
    typer.echo(f"malikg: {error}", err=True)
    return typer.Exit(2 if isinstance(error, ToolMissingError) else 1)


@app.command("build")
def build_command(force: Annotated[bool, typer.Option(help="Rebuild even when up to date.")] = False) -> None:
    """Build graph/neo4j-local with Maven (skipped when the build is newer than its sources)."""
    try:
        neo4j_build.require_java()
        neo4j_build.require_tool("mvn")
        built = neo4j_build.build(force=force)
    except LocalServerError as error:
        raise _fail(error) from error
    typer.echo("local Neo4j server built" if built else "local Neo4j server is up to date")


@app.command("start")
def start_command(
    bolt_port: BoltPort = None,
    http_port: HttpPort = None,
    data_dir: DataDir = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for Bolt to answer.")] = 120.0,
) -> None:
    """Start the local Neo4j server in the background and wait until Bolt answers."""
    config = _config(bolt_port, http_port, data_dir)
    try:
        info, started = local_server.start(config, timeout_s=timeout)
    except LocalServerError as error:
        raise _fail(error) from error
    verb = "started" if started else "already running"
    typer.echo(f"Neo4j {verb} (pid {info.pid}, data {info.data_dir})")
    typer.echo(f"  Bolt    : {info.bolt_uri}  (no authentication)")
    typer.echo(f"  Browser : {info.browser_url}")
    typer.echo(f"  Log     : {config.log_file}")


@app.command("status")
def status_command(bolt_port: BoltPort = None, http_port: HttpPort = None, data_dir: DataDir = None) -> None:
    """Say whether the local server runs (exit 0) or not (exit 1), with its pid, ports and Neo4j version."""
    config = _config(bolt_port, http_port, data_dir)
    info = local_server.status(config)
    if info is None:
        typer.echo(f"Neo4j is not running (data {config.data_dir})")
        raise typer.Exit(1)
    version = local_server.server_version(info) if local_server.bolt_answers(info.bolt_uri) else "not answering yet"
    typer.echo(f"Neo4j is running (pid {info.pid}, version {version}, data {info.data_dir})")
    typer.echo(f"  Bolt    : {info.bolt_uri}")
    typer.echo(f"  Browser : {info.browser_url}")


@app.command("stop")
def stop_command(
    bolt_port: BoltPort = None,
    http_port: HttpPort = None,
    data_dir: DataDir = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a clean shutdown.")] = 60.0,
) -> None:
    """Stop the local server (SIGTERM, then wait for its clean shutdown)."""
    config = _config(bolt_port, http_port, data_dir)
    try:
        info = local_server.stop(config, timeout_s=timeout)
    except LocalServerError as error:
        raise _fail(error) from error
    typer.echo("Neo4j was not running" if info is None else f"Neo4j stopped (pid {info.pid})")


@app.command("schema")
def schema_command() -> None:
    """Create the graph's constraints and indexes in NEO4J_DATABASE (idempotent), and list them."""
    from neo4j.exceptions import Neo4jError, ServiceUnavailable

    from graph.driver import open_driver
    from graph.schema import apply_schema, schema_names

    settings = get_settings()
    try:
        with open_driver(settings) as driver:
            apply_schema(driver, settings.neo4j_database)
            constraints, indexes = schema_names(driver, settings.neo4j_database)
    except ServiceUnavailable as error:
        typer.echo(
            f"malikg: cannot reach Neo4j at {settings.neo4j_uri} ({error}); start it with `malikg db start`", err=True
        )
        raise typer.Exit(1) from error
    except Neo4jError as error:
        typer.echo(f"malikg: Neo4j refused the schema: {error.message}", err=True)
        raise typer.Exit(1) from error
    typer.echo(f"schema applied to {settings.neo4j_uri} database {settings.neo4j_database}")
    typer.echo(f"  constraints ({len(constraints)}): {', '.join(constraints)}")
    typer.echo(f"  indexes ({len(indexes)}): {', '.join(indexes)}")
