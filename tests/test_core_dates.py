"""core.dates.PartialDate: parsing, precision, first/last day and overlap."""

from __future__ import annotations

from datetime import date

import pytest

from core.dates import PartialDate, day_span
from core.errors import MalikgError, PartialDateError


@pytest.mark.parametrize(
    ("text", "precision", "start", "end"),
    [
        ("2024", "year", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", "month", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-02-28", "day", date(2024, 2, 28), date(2024, 2, 28)),
    ],
)
def test_parse_gives_precision_and_covered_days(text: str, precision: str, start: date, end: date) -> None:
    parsed = PartialDate.parse(text)
    assert (parsed.value, parsed.precision, parsed.start, parsed.end) == (text, precision, start, end)


@pytest.mark.parametrize("bad", ["24", "2024-13", "2023-02-29", "2024/02/01", "2024-2-1", "yesterday", ""])
def test_parse_rejects_anything_else(bad: str) -> None:
    with pytest.raises(PartialDateError) as raised:
        PartialDate.parse(bad)
    assert isinstance(raised.value, MalikgError) and isinstance(raised.value, ValueError)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2024-02", "2024-02-28", True),
        ("2024", "2024-12-31", True),
        ("2024-02-28", "2024-02-29", False),
        ("2024-01", "2024-02-01", False),
        ("2023", "2024-01", False),
    ],
)
def test_overlap_is_symmetric_and_means_a_shared_day(a: str, b: str, expected: bool) -> None:
    left, right = PartialDate.parse(a), PartialDate.parse(b)
    assert left.overlaps(right) is expected and right.overlaps(left) is expected


def test_rank_orders_precision() -> None:
    assert [PartialDate.parse(t).rank for t in ("2024", "2024-02", "2024-02-28")] == [1, 2, 3]


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2024", ("2024-01-01", "2024-12-31")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2023-02", ("2023-02-01", "2023-02-28")),
        ("2024-11-05", ("2024-11-05", "2024-11-05")),
        (None, (None, None)),
    ],
)
def test_day_span_is_the_first_and_last_day_a_stored_date_covers(
    value: str | None, span: tuple[str | None, str | None]
) -> None:
    assert day_span(value) == span
