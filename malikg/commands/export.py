"""`malikg export` commands."""

from __future__ import annotations

import typer

app = typer.Typer(help="export commands", no_args_is_help=True)
