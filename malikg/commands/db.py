"""`malikg db`: build, start, inspect and stop the local Neo4j server, and create the graph schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated
from urllib.parse import urlparse

import typer
from neo4j.exceptions import AuthError

from core.settings import get_settings
from graph import local_auth, local_server, neo4j_build
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
        browser_commands=local_server.browser_commands(f"http://localhost:{settings.malikg_api_port}"),
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
    """Start the local Neo4j server in the background and wait until Bolt answers.

    The first start generates the password of user neo4j and prints it once; malikg reads it from the data dir."""
    config = _config(bolt_port, http_port, data_dir)
    first_password = not config.password_file.exists()
    try:
        info, started = local_server.start(config, timeout_s=timeout)
    except LocalServerError as error:
        raise _fail(error) from error
    verb = "started" if started else "already running"
    typer.echo(f"Neo4j {verb} (pid {info.pid}, data {info.data_dir})")
    typer.echo(f"  Bolt    : {info.bolt_uri}  (user {local_auth.USER}, password in {config.password_file})")
    typer.echo(f"  Browser : {info.browser_url}")
    typer.echo(f"  Log     : {config.log_file}")
    if first_password:
        _show_password(config.password(), "generated")


def _show_password(password: str, what: str) -> None:
    typer.echo(f"\nPassword of user {local_auth.USER} ({what}; shown this once): {password}")
    typer.echo(
        "  Neo4j Browser asks for it once (open the Browser URL, paste it, Connect). malikg commands, the API and\n"
        "  the tests read it from the password file (mode 0600) when NEO4J_PASSWORD is not set;\n"
        "  `malikg db password` replaces it."
    )


@app.command("status")
def status_command(bolt_port: BoltPort = None, http_port: HttpPort = None, data_dir: DataDir = None) -> None:
    """Say whether the local server runs (exit 0) or not (exit 1), with its pid, ports and Neo4j version."""
    config = _config(bolt_port, http_port, data_dir)
    info = local_server.status(config)
    if info is None:
        typer.echo(f"Neo4j is not running (data {config.data_dir})")
        raise typer.Exit(1)
    password = config.password()
    try:
        answers = local_server.bolt_answers(info.bolt_uri, password)
    except AuthError:
        typer.echo(f"malikg: Neo4j (pid {info.pid}) refused the password in {config.password_file}", err=True)
        raise typer.Exit(1) from None
    version = local_server.server_version(info, password) if answers else "not answering yet"
    typer.echo(f"Neo4j is running (pid {info.pid}, version {version}, data {info.data_dir})")
    typer.echo(f"  Bolt    : {info.bolt_uri}")
    typer.echo(f"  Browser : {info.browser_url}")


@app.command("stop")
def stop_command(
    bolt_port: BoltPort = None,
    http_port: HttpPort = None,
    data_dir: DataDir = None,
    timeout: Annotated[
        float | None, typer.Option(help="Give up after this many seconds (default: wait for Neo4j's own shutdown).")
    ] = None,
) -> None:
    """Stop the local server (SIGTERM, then wait for its clean shutdown, however long Neo4j takes)."""
    config = _config(bolt_port, http_port, data_dir)

    def tell_slow(info: local_server.ServerInfo) -> None:
        typer.echo(
            f"Neo4j (pid {info.pid}) is still shutting down (checkpointing its store); waiting for it, "
            f"see {config.log_file}",
            err=True,
        )

    try:
        info = local_server.stop(config, timeout_s=timeout, on_slow=tell_slow)
    except LocalServerError as error:
        raise _fail(error) from error
    typer.echo("Neo4j was not running" if info is None else f"Neo4j stopped (pid {info.pid})")


@app.command("recover")
def recover_command(
    bolt_port: BoltPort = None,
    http_port: HttpPort = None,
    data_dir: DataDir = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for each start.")] = 300.0,
) -> None:
    """Bring back a database whose transaction log tail a full disk cut (`db start` says when), keeping every
    acknowledged write; then re-run your last ingest. See docs/reliability.md, "Disk full"."""
    config = _config(bolt_port, http_port, data_dir)
    typer.echo(f"recovering the store in {config.data_dir} (two starts and a stop; this takes a minute)", err=True)
    try:
        recovery = local_server.recover(config, timeout_s=timeout)
    except LocalServerError as error:
        raise _fail(error) from error
    for note in recovery.notes:
        typer.echo(f"  neo4j| {note[:300]}")
    info = recovery.info
    typer.echo(f"Neo4j recovered and running (pid {info.pid}, data {info.data_dir}, Bolt {info.bolt_uri})")
    typer.echo(
        "Every acknowledged write is kept; a write cut by the full disk was never acknowledged. Re-run the ingest "
        "that failed (the same command: ingest is idempotent) to write the documents it named."
    )


@app.command("password")
def password_command(
    bolt_port: BoltPort = None,
    http_port: HttpPort = None,
    data_dir: DataDir = None,
    from_stdin: Annotated[
        bool, typer.Option("--from-stdin", help="Read the new password (8+ characters) from stdin.")
    ] = False,
) -> None:
    """Replace the password of user neo4j (a new random one unless --from-stdin): at once on a running server,
    at the next start otherwise; prints a generated password once."""
    config = _config(bolt_port, http_port, data_dir)
    wanted = sys.stdin.readline().strip() if from_stdin else None
    try:
        password, live = local_server.change_password(config, wanted)
    except LocalServerError as error:
        raise _fail(error) from error
    when = "now" if live else "at the next `malikg db start`"
    typer.echo(f"password of user {local_auth.USER} changed (used {when}); stored in {config.password_file}")
    if wanted is None:
        _show_password(password, "new")


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
