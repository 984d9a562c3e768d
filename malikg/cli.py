"""The `malikg` console script: wires the subcommands of each package together.

Each command module registers its own commands and imports heavy libraries (spaCy, rdflib, uvicorn)
only inside the command body, so `malikg --help` stays fast.
"""

from __future__ import annotations

import typer
from pydantic import ValidationError

from malikg.commands import crawl, db, export, extract, ingest, review, serve, train

app = typer.Typer(
    name="malikg",
    help="Knowledge graph of Mali's foreign relations from French-language news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(db.app, name="db")
app.add_typer(export.app, name="export")
extract.register(app)
ingest.register(app)
crawl.register(app)
serve.register(app)
train.register(app)
review.register(app)  # trust: judgements and retraction


def main() -> None:
    """Entry point of the console script; a bad setting (e.g. an http:// NEO4J_URI) is one line, exit 2."""
    try:
        app()
    except ValidationError as error:
        for problem in error.errors():
            name = str(problem["loc"][0]).upper() if problem["loc"] else error.title
            typer.echo(f"malikg: invalid setting {name}: {problem['msg'].removeprefix('Value error, ')}", err=True)
        raise SystemExit(2) from None
