"""Which query ranks a state's partners: the writer's tallies (`queries/rank_partners.cypher`, a few hundred small
nodes) when the period is whole years or absent, else the meetings themselves
(`queries/rank_partners_on_the_fly.cypher`): tallies are kept per year, so a period that starts or ends inside a
year (2024-03, 2024-03-15) is answered from the meetings, with the same result shape. The tallies query returns each
partner's per-sector counts as they are stored, one pair of lists per year; they are added up here, which costs the
database nothing (a fold per row in Cypher was most of the query's time)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from api.reads import GraphReader, Row


def whole_years(start: str | None, end: str | None) -> tuple[str | None, str | None] | None:
    """The first and last year of a period made of whole years (None for an open end), or None when an end falls
    inside a year: 2024 / 2024-01 / 2024-01-01 start year 2024, 2025 / 2025-12 / 2025-12-31 end it."""
    if start is not None and start[4:] not in ("", "-01", "-01-01"):
        return None
    if end is not None and end[4:] not in ("", "-12", "-12-31"):
        return None
    return (start[:4] if start else None, end[:4] if end else None)


def rank_partners(
    reader: GraphReader,
    state: str,
    sector: str | None,
    start: str | None,
    end: str | None,
    offset: int = 0,
    limit: int = 100,
) -> list[Row]:
    """The partners of `state` (ISO3), most meetings first, optionally of one sector (vocabulary name) and period."""
    years = whole_years(start, end)
    if years is None:
        return reader.rows(
            "rank_partners_on_the_fly",
            state=state,
            sector=sector,
            offset=offset,
            limit=limit,
            **{"from": start, "to": end},
        )
    rows = reader.rows(
        "rank_partners", state=state, sector=sector, from_year=years[0], to_year=years[1], offset=offset, limit=limit
    )
    for row in rows:
        row["sectors"] = added_sectors(row.pop("sector_counts"))
    return rows


def added_sectors(sector_counts: list[list[list[Any]]]) -> list[dict[str, Any]]:
    """[[sectors], [counts]] of several tallies, added up: {sector, meetings}, most meetings first, then by name."""
    total: Counter[str] = Counter()
    for sectors, counts in sector_counts:
        for sector, n in zip(sectors, counts, strict=True):
            total[sector] += n
    return [{"sector": s, "meetings": n} for s, n in sorted(total.items(), key=lambda item: (-item[1], item[0]))]
