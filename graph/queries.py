"""Load Cypher queries shipped in the `queries` package (files `queries/**/*.cypher`), by name, cached."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

_NAME = re.compile(r"^[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)?$")


class UnknownQueryError(KeyError):
    """Raised when no vetted query file has that name."""


def query_files() -> Traversable:
    """The installed `queries` package: package data, wherever malikg is installed (not the repository root)."""
    return resources.files("queries")


@cache
def load_query(name: str) -> str:
    """The text of `queries/<name>.cypher` (names like `contacts_between` or `write/merge_people`)."""
    if not _NAME.match(name):
        raise UnknownQueryError(name)
    *folders, stem = name.split("/")
    path = query_files()
    for folder in folders:
        path = path.joinpath(folder)
    path = path.joinpath(f"{stem}.cypher")
    if not path.is_file():
        raise UnknownQueryError(name)
    return path.read_text(encoding="utf-8")


def read_query_names() -> list[str]:
    """Names of the read queries exposed by the API (top-level files of `queries/`)."""
    return sorted(p.name.removesuffix(".cypher") for p in query_files().iterdir() if p.name.endswith(".cypher"))
