"""Partial dates: a year, a month or a day, as the graph stores them ("2024", "2024-02", "2024-02-28").

One type for the checks that used to be written in each package: parsing with validation, the precision, the first
and last day covered (what date-overlap filters compare), and whether two partial dates may name the same day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from core.errors import PartialDateError

Precision = Literal["day", "month", "year"]
PRECISION_RANK: dict[str, int] = {"year": 1, "month": 2, "day": 3}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A validated YYYY, YYYY-MM or YYYY-MM-DD date."""

    value: str

    @staticmethod
    def parse(text: str) -> PartialDate:
        """The partial date `text` names, or PartialDateError (also a ValueError) saying why not."""
        match = _DATE.match(text)
        try:
            if match is None:
                raise ValueError(text)
            year, month, day = match.groups()
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise PartialDateError(f"expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}") from None
        return PartialDate(text)

    @property
    def precision(self) -> Precision:
        return {4: "year", 7: "month"}.get(len(self.value), "day")  # type: ignore[return-value]

    @property
    def rank(self) -> int:
        """1 for a year, 2 for a month, 3 for a day: a higher rank is a more precise date."""
        return PRECISION_RANK[self.precision]

    @property
    def start(self) -> date:
        """The first day covered."""
        year, month, day = (int(p) for p in (self.value + "-01-01")[:10].split("-"))
        return date(year, month, day)

    @property
    def end(self) -> date:
        """The last day covered."""
        first = self.start
        if self.precision == "day":
            return first
        if self.precision == "month":
            return first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return first.replace(month=12, day=31)

    def overlaps(self, other: PartialDate) -> bool:
        """Whether the two dates share a day (a month overlaps each of its days, a year each of its months)."""
        return self.start <= other.end and other.start <= self.end


def day_span(value: str | None) -> tuple[str | None, str | None]:
    """The first and last day a stored date covers, as YYYY-MM-DD (what a meeting's `start_day` / `end_day` hold,
    so a date-overlap filter is two plain comparisons); (None, None) for no date."""
    if value is None:
        return None, None
    partial = PartialDate.parse(value)
    return partial.start.isoformat(), partial.end.isoformat()


def precision_of(value: str, declared: str | None = None) -> str:
    """The declared precision of a stored date, else the one its length implies (no validation)."""
    if declared is not None:
        return declared
    return {4: "year", 7: "month"}.get(len(value), "day")
