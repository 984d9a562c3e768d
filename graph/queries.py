"""Load Cypher queries kept as files under `queries/`, by name, cached."""

from __future__ import annotations

import re
from functools import cache

from core.settings import REPO_ROOT

QUERY_DIR = REPO_ROOT / "queries"
_NAME = re.compile(r"^[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)?$")


class UnknownQueryError(KeyError):
    """Raised when no vetted query file has that name."""


@cache
def load_query(name: str) -> str:
    """The text of `queries/<name>.cypher` (names like `contacts_between` or `write/merge_people`)."""
    if not _NAME.match(name):
        raise UnknownQueryError(name)
    path = QUERY_DIR / f"{name}.cypher"
    if not path.is_file():
        raise UnknownQueryError(name)
    return path.read_text(encoding="utf-8")


def read_query_names() -> list[str]:
    """Names of the read queries exposed by the API (top-level files of `queries/`)."""
    return sorted(p.stem for p in QUERY_DIR.glob("*.cypher"))
