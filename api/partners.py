"""Which query ranks a state's partners: the writer's tallies (`queries/rank_partners.cypher`, a few hundred small
nodes) when each end of the period is a year, a month or absent, else the meetings themselves
(`queries/rank_partners_on_the_fly.cypher`): tallies are kept per year and per span of months within a year, so
only an end inside a month (2024-03-15) is answered from the meetings, with the same result shape. The tallies
query returns each partner's per-sector counts as they are stored, one pair of lists per tally; they are added up
here, which costs the database nothing (a fold per row in Cypher was most of the query's time).

A graph written before the tallies (or before month tallies) is answered from the meetings too, slowly but
exactly, until `malikg db schema` (or the next `malikg ingest`) has tallied it: empty or partial tallies are never
read as "no partners". Once a graph is seen fully tallied it stays so (every write tallies in its own transaction),
so the check runs until then and once more, per driver and database."""

from __future__ import annotations

import logging
import weakref
from collections import Counter
from typing import Any

from neo4j import Driver

from api.reads import GraphReader, Row

log = logging.getLogger(__name__)
_TALLIED: weakref.WeakKeyDictionary[Driver, set[str]] = weakref.WeakKeyDictionary()  # databases seen fully tallied
_WARNED: weakref.WeakKeyDictionary[Driver, set[str]] = weakref.WeakKeyDictionary()  # databases warned about once


def tallies_complete(reader: GraphReader) -> bool:
    """Whether every meeting of the reader's graph is counted in the partner tallies of this version
    (queries/admin/untallied_meetings.cypher finds none)."""
    tallied = _TALLIED.setdefault(reader.driver, set())
    if reader.database in tallied:
        return True
    if reader.one("admin/untallied_meetings", limit=1) is not None:
        warned = _WARNED.setdefault(reader.driver, set())
        if reader.database not in warned:
            warned.add(reader.database)
            log.warning("partner tallies incomplete: /partners reads the meetings until `malikg db schema` has run")
        return False
    tallied.add(reader.database)
    return True


def tally_period(start: str | None, end: str | None) -> dict[str, str | None] | None:
    """The tallies' parameters for a period (queries/rank_partners.cypher), or None when an end falls inside a
    month: whole years (2024, 2024-01, 2024-01-01 start year 2024; 2025, 2025-12, 2025-12-31 end it) and, for an end
    in another month, the whole years after (before) it plus that month's year read from the month tallies."""
    first = _period_end(start, ("", "-01", "-01-01"), +1)
    last = _period_end(end, ("", "-12", "-12-31"), -1)
    if first is None or last is None:
        return None
    return {"from_year": first[0], "from_month": first[1], "to_year": last[0], "to_month": last[1]}


def _period_end(value: str | None, whole_year: tuple[str, ...], step: int) -> tuple[str | None, str | None] | None:
    """(year, month) of one end of a period: its year when the end covers its whole year (a suffix of
    `whole_year`), the next whole year towards the other end (`step`) and the month itself for an end in another
    month, (None, None) for no end, None for an end inside a month."""
    if value is None:
        return None, None
    if value[4:] in whole_year:
        return value[:4], None
    if len(value) == 7:
        return f"{int(value[:4]) + step:04d}", value
    return None


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
    period = tally_period(start, end)
    if period is None or not tallies_complete(reader):
        return reader.rows(
            "rank_partners_on_the_fly",
            state=state,
            sector=sector,
            offset=offset,
            limit=limit,
            **{"from": start, "to": end},
        )
    rows = reader.rows("rank_partners", state=state, sector=sector, offset=offset, limit=limit, **period)
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
