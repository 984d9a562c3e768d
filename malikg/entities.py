"""The CLI's `--entity` options resolved by the API's one resolver (api/resolve.py): any name, acronym, English
name or accent-free id; an unknown or ambiguous name ends the command with exit 1 and suggestions."""

from __future__ import annotations

import typer
from neo4j import Driver

from api.errors import ApiError
from api.reads import GraphReader
from api.resolve import resolve_entity
from api.schemas.common import EntityRef


def resolve_or_exit(driver: Driver, database: str, timeout_s: float, text: str) -> EntityRef:
    """The entity `text` designates; otherwise print why (with suggestions or candidates) and exit 1."""
    reader = GraphReader(driver, database, timeout_s)
    try:
        return resolve_entity(reader, text)
    except ApiError as error:
        others = error.extra.get("suggestions") or error.extra.get("candidates") or []
        hint = "; ".join(f"{o['name']} ({o['kind']} {o['id']})" for o in others)
        typer.echo(f"malikg: {error.detail}" + (f" Did you mean: {hint}?" if hint else ""), err=True)
        raise typer.Exit(1) from error
    finally:
        reader.close()
