"""`malikg review ...`: researchers' judgements (reject, fix, merge, split, tell apart) and `malikg retract`.

Every judgement names its author (--author, default $MALIKG_AUTHOR or the login name) and a reason; it is stored
in the graph and applied at once, and again by the writer on every later ingest. Exit codes: 0 done, 2 invalid
input, 3 Neo4j unreachable, 4 refused (contradicts a stored judgement), 5 a named meeting, person or article is
not in the graph.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    import neo4j

    from graph.judgements import Judgement

EXIT_UNREACHABLE = 3
EXIT_CONFLICT = 4
EXIT_NOT_FOUND = 5

app = typer.Typer(help="Judge the graph's facts: reject, fix, merge, split; list, export and import judgements.")

Reason = Annotated[str, typer.Option("--reason", "-r", help="Why (kept with the judgement).")]
Author = Annotated[
    str | None, typer.Option("--author", "-a", help="Who judges (default: $MALIKG_AUTHOR, else the login name).")
]


def register(root: typer.Typer) -> None:
    """Add `review` and `retract` to the root app."""
    root.add_typer(app, name="review")
    root.command("retract")(retract)


@contextmanager
def _driver() -> Iterator[tuple[neo4j.Driver, str]]:
    from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

    from core.settings import get_settings
    from graph.driver import open_driver

    settings = get_settings()
    try:
        with open_driver(settings) as driver:
            yield driver, settings.neo4j_database
    except (ServiceUnavailable, SessionExpired, AuthError) as exc:
        typer.echo(f"malikg: cannot reach Neo4j at {settings.neo4j_uri} ({exc})", err=True)
        raise typer.Exit(EXIT_UNREACHABLE) from None


def _author(author: str | None) -> str:
    return author or os.environ.get("MALIKG_AUTHOR") or getpass.getuser()


def _describe(j: Judgement) -> str:
    fields = {k: v for k, v in j.model_dump(exclude_none=True).items() if k not in ("id", "kind", "author", "reason")}
    fields.pop("created_at", None)
    detail = " ".join(f"{k}={','.join(v) if isinstance(v, list) else v}" for k, v in fields.items() if v != [])
    return f"{j.id} {j.created_at} {j.kind} {detail} by {j.author}: {j.reason}"


def _judge(kind: str, author: str | None, reason: str, **fields: Any) -> None:
    from pydantic import ValidationError

    from graph.judgements import JudgementIn
    from graph.review import JudgementConflictError, TargetNotFoundError, record

    try:
        data = JudgementIn(kind=kind, author=_author(author), reason=reason, **fields)
    except ValidationError as exc:
        typer.echo(f"malikg review: {exc.errors()[0]['msg']}", err=True)
        raise typer.Exit(2) from None
    with _driver() as (driver, database):
        try:
            judgement = record(driver, database, data)
        except JudgementConflictError as exc:
            typer.echo(f"malikg review: refused, it contradicts {', '.join(exc.judgements)}: {exc}", err=True)
            raise typer.Exit(EXIT_CONFLICT) from None
        except TargetNotFoundError as exc:
            typer.echo(f"malikg review: {exc}", err=True)
            raise typer.Exit(EXIT_NOT_FOUND) from None
    typer.echo(f"recorded {_describe(judgement)}")


def _command(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return app.command(name)


@_command("reject")
def reject(meeting: str, reason: Reason, author: Author = None) -> None:
    """Reject a spurious meeting: it leaves every answer, and later reports of it are absorbed."""
    _judge("reject_meeting", author, reason, meeting=meeting)


@_command("set-type")
def set_type(
    meeting: str, meeting_type: Annotated[str, typer.Argument(metavar="TYPE")], reason: Reason, author: Author = None
) -> None:
    """Fix a meeting's type (bilateral_meeting, audience, phone_call, visit, multilateral, ...)."""
    _judge("set_type", author, reason, meeting=meeting, type=meeting_type)


@_command("set-date")
def set_date(
    meeting: str,
    date: Annotated[str, typer.Argument(help="YYYY, YYYY-MM or YYYY-MM-DD")],
    reason: Reason,
    author: Author = None,
) -> None:
    """Fix a meeting's date; its precision follows the form (year, month or day)."""
    _judge("set_date", author, reason, meeting=meeting, date=date)


@_command("set-place")
def set_place(
    meeting: str,
    place: str,
    reason: Reason,
    author: Author = None,
    state: Annotated[str | None, typer.Option(help="ISO3 of the place's state")] = None,
) -> None:
    """Fix where a meeting was held."""
    _judge("set_place", author, reason, meeting=meeting, place=place, place_state=state)


@_command("set-host")
def set_host(
    meeting: str,
    state: Annotated[str, typer.Argument(help="ISO3 of the host state")],
    reason: Reason,
    author: Author = None,
) -> None:
    """Fix which state hosted a meeting (the only host afterwards)."""
    _judge("set_host", author, reason, meeting=meeting, state=state)


@_command("remove-participant")
def remove_participant(meeting: str, person: str, reason: Reason, author: Author = None) -> None:
    """Say a person did not take part in a meeting."""
    _judge("remove_participant", author, reason, meeting=meeting, person=person)


@_command("add-participant")
def add_participant(
    meeting: str,
    person: str,
    reason: Reason,
    author: Author = None,
    role: Annotated[str | None, typer.Option(help="title held at the meeting")] = None,
) -> None:
    """Add a person (already in the graph) to a meeting."""
    _judge("add_participant", author, reason, meeting=meeting, person=person, role=role)


@_command("merge-meetings")
def merge_meetings(meeting: str, into: str, reason: Reason, author: Author = None) -> None:
    """Merge MEETING into INTO: they are one meeting."""
    _judge("merge_meetings", author, reason, meeting=meeting, into=into)


@_command("split")
def split(
    meeting: str,
    articles: Annotated[list[str], typer.Argument(help="article ids whose reports move")],
    reason: Reason,
    author: Author = None,
) -> None:
    """Split a meeting that is two: the reports of ARTICLES become a meeting of their own."""
    _judge("split_meeting", author, reason, meeting=meeting, articles=articles)


@_command("merge-people")
def merge_people(person: str, into: str, reason: Reason, author: Author = None) -> None:
    """Merge PERSON into INTO: two spellings or ids of one person (PERSON's names become aliases)."""
    _judge("merge_people", author, reason, person=person, into=into)


@_command("distinct-people")
def distinct_people(person: str, other: str, reason: Reason, author: Author = None) -> None:
    """Record that two people are different (a later merge of them is refused)."""
    _judge("distinct_people", author, reason, person=person, other=other)


@_command("list")
def list_command(
    meeting: Annotated[str | None, typer.Option(help="only judgements naming this meeting")] = None,
    person: Annotated[str | None, typer.Option(help="only judgements naming this person")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per line")] = False,
) -> None:
    """The judgements, oldest first."""
    from graph.review import list_judgements

    with _driver() as (driver, database):
        judgements = list_judgements(driver, database, meeting=meeting, person=person)
    for j in judgements:
        typer.echo(j.model_dump_json(exclude_none=True) if as_json else _describe(j))


@_command("withdraw")
def withdraw_command(judgement: str) -> None:
    """Delete a judgement (what it changed stays until the graph is rebuilt)."""
    from graph.review import withdraw

    with _driver() as (driver, database):
        if not withdraw(driver, database, judgement):
            typer.echo(f"malikg review: no judgement {judgement}", err=True)
            raise typer.Exit(EXIT_NOT_FOUND)
    typer.echo(f"withdrew {judgement}")


@_command("export")
def export_command(path: Path) -> None:
    """Write every judgement to one JSON file (to give a rebuilt graph its judgements back)."""
    from graph.review import export_judgements

    with _driver() as (driver, database):
        count = export_judgements(driver, database, path)
    typer.echo(f"exported {count} judgements to {path}")


@_command("import")
def import_command(path: Annotated[Path, typer.Argument(exists=True, dir_okay=False)]) -> None:
    """Store and apply the judgements of an exported file (ones already stored are skipped)."""
    from pydantic import ValidationError

    from graph.review import import_judgements

    with _driver() as (driver, database):
        try:
            added, refused = import_judgements(driver, database, path)
        except (ValueError, KeyError, ValidationError) as exc:
            typer.echo(f"malikg review: {path} is not a judgements file ({str(exc).splitlines()[0]})", err=True)
            raise typer.Exit(2) from None
    typer.echo(f"imported {added} judgements from {path}")
    for line in refused:
        typer.echo(f"refused {line}", err=True)
    if refused:
        raise typer.Exit(EXIT_CONFLICT)


def retract(
    key: Annotated[str, typer.Argument(metavar="ID|URL", help="article id, document id given at ingest, or URL")],
) -> None:
    """Remove an article and every fact only it supports; meetings other articles report stay."""
    from graph.retraction import ArticleNotFoundError
    from graph.retraction import retract as run_retract

    with _driver() as (driver, database):
        try:
            done = run_retract(driver, database, key)
        except ArticleNotFoundError as exc:
            typer.echo(f"malikg retract: {exc}", err=True)
            raise typer.Exit(EXIT_NOT_FOUND) from None
    typer.echo(json.dumps(done.__dict__))
