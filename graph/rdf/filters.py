"""Export filters: an entity (person id, state ISO3 or organisation id) and a date range."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.dates import PartialDate
from graph.rdf.errors import InvalidFilterError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def parse_date_bound(value: str | None, name: str) -> str | None:
    """Check a `from`/`to` bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date; None stays None."""
    if value is None or value == "":
        return None
    text = value.strip()
    if not _DATE.match(text):
        raise InvalidFilterError(f"{name}: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    padded = text + "-01" * ((10 - len(text)) // 3)
    try:
        date.fromisoformat(padded)
    except ValueError as exc:
        raise InvalidFilterError(f"{name}: {value!r} is not a calendar date ({exc})") from exc
    return text


@dataclass(frozen=True)
class ExportFilter:
    """Which meetings to export (and, through them, which people, states, articles...). Empty: everything."""

    entity: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    @classmethod
    def parse(cls, entity: str | None = None, date_from: str | None = None, date_to: str | None = None) -> ExportFilter:
        """Validate raw user input; raises InvalidFilterError with a message saying what to fix."""
        start = parse_date_bound(date_from, "from")
        end = parse_date_bound(date_to, "to")
        if start is not None and end is not None:
            n = min(len(start), len(end))
            if start[:n] > end[:n]:
                raise InvalidFilterError(f"from {start} is after to {end}")
        clean_entity = entity.strip() if entity is not None and entity.strip() != "" else None
        return cls(entity=clean_entity, date_from=start, date_to=end)

    @property
    def active(self) -> bool:
        return self.entity is not None or self.date_from is not None or self.date_to is not None

    def params(self) -> dict[str, Any]:
        """The query parameters shared by every export query."""
        from_day = None if self.date_from is None else PartialDate.parse(self.date_from).start.isoformat()
        to_day = None if self.date_to is None else PartialDate.parse(self.date_to).end.isoformat()
        # One comparison each against the meeting's stored first and last day (queries/export/*.cypher).
        return {"filtered": self.active, "entity": self.entity, "from_day": from_day, "to_day": to_day}
