"""The catalog of vetted read queries: the top-level files of `queries/` and the parameters their headers declare.

Header format (comment lines at the top of the file):

    // What the query answers (one or more lines).
    // @param name: type[?] [= default]  Description.     type: string, integer, number, boolean, date, list
    // @example {"name": "value"}                         the parameters of a working call, as JSON

`?` makes a parameter optional (null when absent); `= default` gives a default (lists: comma-separated).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from api.deps import MAX_LIMIT, check_date
from api.errors import InvalidParameterError, NotFoundError
from graph.queries import UnknownQueryError, load_query, read_query_names

ParamType = Literal["string", "integer", "number", "boolean", "date", "list"]
_PARAM = re.compile(
    r"^@param (?P<name>[a-z_][a-z0-9_]*): (?P<type>string|integer|number|boolean|date|list)(?P<optional>\?)?"
    r"(?: = (?P<default>\S+))?\s+(?P<doc>.+)$"
)
_BOUNDED = {"limit", "max_meetings"}
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


class QueryHeaderError(ValueError):
    """A query file's header does not follow the format; raised at load time so it fails loudly."""


@dataclass(frozen=True)
class QueryParam:
    name: str
    type: ParamType
    required: bool
    default: Any
    doc: str

    def convert(self, raw: str) -> Any:
        """The value of `raw` (a query-string value) as this parameter's type, or a 422."""
        try:
            value = _convert(self.type, raw)
        except ValueError:
            raise InvalidParameterError(f"Parameter '{self.name}' must be a {self.type}, got {raw!r}.") from None
        if self.type == "date":
            check_date(value, self.name)
        if self.name in _BOUNDED and not 1 <= value <= MAX_LIMIT:
            raise InvalidParameterError(f"Parameter '{self.name}' must be between 1 and {MAX_LIMIT}.")
        if self.name in {"offset", "skip"} and value < 0:
            raise InvalidParameterError(f"Parameter '{self.name}' must not be negative.")
        return value


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: list[QueryParam] = field(default_factory=list)
    example: dict[str, Any] = field(default_factory=dict)

    def bind(self, given: dict[str, str]) -> dict[str, Any]:
        """Parameters for a run from query-string values: unknown or missing ones -> 422."""
        declared = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise InvalidParameterError(
                f"Query '{self.name}' has no parameter {', '.join(unknown)}.", parameters=sorted(declared)
            )
        bound: dict[str, Any] = {}
        for param in self.params:
            if param.name in given:
                bound[param.name] = param.convert(given[param.name])
            elif param.required:
                raise InvalidParameterError(f"Query '{self.name}' needs the parameter '{param.name}'.")
            else:
                bound[param.name] = param.default
        return bound


def _convert(kind: ParamType, raw: str) -> Any:
    if kind == "integer":
        value = int(raw)
        if not _INT64_MIN <= value <= _INT64_MAX:  # Neo4j integers are 64-bit; the driver cannot send more
            raise ValueError(raw)
        return value
    if kind == "number":
        number = float(raw)
        if not math.isfinite(number):
            raise ValueError(raw)
        return number
    if kind == "boolean":
        if raw.lower() not in {"true", "false"}:
            raise ValueError(raw)
        return raw.lower() == "true"
    if kind == "list":
        return [item.strip() for item in raw.split(",") if item.strip()]
    return raw


def parse_header(name: str, text: str) -> NamedQuery:
    """The description, parameters and example declared by the leading `//` lines of a query."""
    description: list[str] = []
    params: list[QueryParam] = []
    example: dict[str, Any] = {}
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        body = line[2:].strip()
        if body.startswith("@param"):
            match = _PARAM.match(body)
            if match is None:
                raise QueryHeaderError(f"queries/{name}.cypher: malformed line {line!r}")
            kind: ParamType = match["type"]  # type: ignore[assignment]
            default = None if match["default"] is None else _convert(kind, match["default"])
            required = match["optional"] is None and match["default"] is None
            params.append(QueryParam(match["name"], kind, required, default, match["doc"].strip()))
        elif body.startswith("@example"):
            example = json.loads(body.removeprefix("@example"))
        else:
            description.append(body)
    if not description:
        raise QueryHeaderError(f"queries/{name}.cypher: the header must say what the query answers")
    return NamedQuery(name, " ".join(description), params, example)


@cache
def named_query(name: str) -> NamedQuery:
    """A vetted top-level read query by name; 404 for anything else (subfolders included)."""
    if name not in read_query_names():
        raise NotFoundError(f"No query named '{name}'; GET /queries lists them.")
    try:
        return parse_header(name, load_query(name))
    except UnknownQueryError:
        raise NotFoundError(f"No query named '{name}'; GET /queries lists them.") from None


def all_named_queries() -> list[NamedQuery]:
    """Every vetted read query, by name."""
    return [named_query(name) for name in read_query_names()]
