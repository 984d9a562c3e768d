"""Partner tallies: meetings per (state, partner), per sector and per year, kept exact by every write path.

GET /partners reads these instead of every meeting of a state (Mali is in nearly all of them). A `:PartnerTally`
node holds, for one ordered pair of states, one sector filter ('' = any sector) and one period (`year`: '*' = all
time, 'YYYY' a year, '' = undated, or 'mYYYY:SS-EE' the meetings of year YYYY whose days span months SS to EE), the
number of meetings, their first and last date, and the meetings per sector among them
(`sectors` / `counts`, parallel lists). The meetings counted are exactly those `queries/rank_partners_on_the_fly.
cypher` counts: `:Meeting` nodes (a rejected meeting is a `:RejectedMeeting`) with both states `REPRESENTED_AT`.

Exactness without incremental bookkeeping spread over the code: each meeting stores, in `tallied`, the facts it is
counted with (states, sectors, year, date, as JSON). `refresh(tx, ids)` compares them with the meeting's current
facts and applies the difference; `forget(tx, ids)` takes a meeting out before a statement deletes it. Every
write path calls them in its own transaction on the meetings it touched: the writer's batch, a retraction, a
judgement (reject, date, host, merge, split, absorbed reports of rejected meetings), the schema's day filling.
Each tally's dates are also kept as `:PartnerTallyDate` nodes (key, date, meetings on that date), so a first or
last date that leaves a tally is read again with one ordered index seek, whatever the size of the graph (reading
the pair's meetings instead made the writer's cost per document grow with the graph: docs/benchmarks.md).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import neo4j

from graph.queries import load_query

ALL_TIME = "*"
UNDATED = ""
ANY_SECTOR = ""
VERSION = 3  # of the `tallied` signature; older ones are tallied again by apply_schema (admin/untallied_meetings)
_BATCH = 5000  # meetings per transaction when tallying a graph that has none (apply_schema)


@dataclass
class _Delta:
    meetings: int = 0
    sectors: Counter[str] = field(default_factory=Counter)
    dates: Counter[str] = field(default_factory=Counter)  # + counted in, - taken out


def meeting_year(start_day: str | None, end_day: str | None) -> str:
    """The year a meeting is tallied in: that of its days ('' when it has none), as the period filter sees it."""
    if start_day and end_day and start_day[:4] == end_day[:4]:
        return start_day[:4]
    return UNDATED


def month_span(start_day: str | None, end_day: str | None) -> str | None:
    """The months a meeting's days span within their year, as a tally period 'mYYYY:SS-EE' (a day or month date:
    one month, e.g. 'm2024:03-03'; a year date: 'm2024:01-12'); None when it has no days or they span years.
    Periods that start or end inside a year are answered from these (queries/rank_partners_months.cypher): 'm'
    sorts after every year, so the whole-year reads never take them."""
    if meeting_year(start_day, end_day) == UNDATED or start_day is None or end_day is None:
        return None
    return f"m{start_day[:4]}:{start_day[5:7]}-{end_day[5:7]}"


def signature(states: Iterable[str], sectors: Iterable[str], year: str, date: str | None, months: str | None) -> str:
    """What a meeting is counted with, as stored in its `tallied` property: a JSON list that starts with the
    signature's version (3: with month tallies and tally dates; 2: without tally dates; those of version 1, without
    month tallies either, start with the states)."""
    return json.dumps([VERSION, sorted(set(states)), sorted(set(sectors)), year, date, months], ensure_ascii=False)


def tally_key(state: str, partner: str, sector: str, year: str) -> str:
    return json.dumps([state, partner, sector, year], ensure_ascii=False)


def _contribute(deltas: dict[str, _Delta], tallied: str, sign: int) -> None:
    items = json.loads(tallied)
    if isinstance(items[0], int):
        version, states, sectors, year, date, months = items
    else:  # stored before month tallies (admin/untallied_meetings.cypher finds them): counted in none
        (states, sectors, year, date), months, version = items, None, 1
    if version < VERSION:  # stored before tally dates: its date is in no PartnerTallyDate, nothing to take out
        date = None
    periods = [ALL_TIME, year] if months is None else [ALL_TIME, year, months]
    for state in states:
        for partner in states:
            if state == partner:
                continue
            for sector in [ANY_SECTOR, *sectors]:
                for period in periods:
                    delta = deltas.setdefault(tally_key(state, partner, sector, period), _Delta())
                    delta.meetings += sign
                    for counted in sectors:
                        delta.sectors[counted] += sign
                    if date is not None:
                        delta.dates[date] += sign


def _rows(deltas: dict[str, _Delta]) -> list[dict[str, Any]]:
    rows = []
    for key in sorted(deltas):  # sorted: concurrent writers lock tallies in the same order
        delta = deltas[key]
        sectors = sorted(s for s, n in delta.sectors.items() if n)
        # a meeting that stays in a tally with the same date adds and removes it: neither (no needless recompute)
        added = sorted(d for d, n in delta.dates.items() if n > 0)
        removed = sorted(d for d, n in delta.dates.items() if n < 0)
        if not delta.meetings and not sectors and not added and not removed:
            continue
        state, partner, sector, year = json.loads(key)
        rows.append(
            {
                "key": key,
                "state": state,
                "partner": partner,
                "sector": sector,
                "year": year,
                "meetings": delta.meetings,
                "sectors": sectors,
                "counts": [delta.sectors[s] for s in sectors],
                "added": added,
                "removed": removed,
                "dates": [{"date": d, "n": n} for d, n in sorted(delta.dates.items()) if n],
            }
        )
    return rows


def _records(tx: neo4j.ManagedTransaction, name: str, **params: Any) -> list[neo4j.Record]:
    return list(tx.run(load_query(name), params))


def _facts(tx: neo4j.ManagedTransaction, ids: list[str]) -> list[neo4j.Record]:
    """The meetings' facts and `tallied`, read once their nodes are locked (a concurrent refresh has committed)."""
    _records(tx, "write/tally_lock", ids=ids)
    return _records(tx, "tally/meeting_facts", ids=ids)


def _apply(tx: neo4j.ManagedTransaction, deltas: dict[str, _Delta], marks: list[dict[str, Any]]) -> None:
    if marks:
        _records(tx, "write/tally_mark", rows=marks)
    rows = _rows(deltas)
    if rows:
        changed = _records(tx, "write/tally_apply", rows=rows)
        dates = [{"key": row["key"], **d} for row in rows for d in row["dates"]]  # sorted by key, then date
        if dates:
            _records(tx, "write/tally_dates", rows=dates)
        empty = [r["key"] for r in changed if r["meetings"] <= 0]
        stale = [r["key"] for r in changed if r["meetings"] > 0 and r["stale"]]
        if empty:
            _records(tx, "write/tally_delete", keys=empty)
        if stale:
            _records(tx, "write/tally_recompute", keys=stale)


def refresh(tx: neo4j.ManagedTransaction, ids: Iterable[str]) -> None:
    """Bring the tallies of meetings `ids` (Meeting or RejectedMeeting; absent ids are skipped) up to their facts."""
    _retally(tx, ids, keep=True)


def forget(tx: neo4j.ManagedTransaction, ids: Iterable[str]) -> None:
    """Take meetings `ids` out of the tallies (before a statement deletes or moves them); `refresh` puts back any
    that survive."""
    _retally(tx, ids, keep=False)


def _retally(tx: neo4j.ManagedTransaction, ids: Iterable[str], *, keep: bool) -> None:
    """Move each meeting's contribution from what it was tallied with to its current facts (`keep`) or to nothing."""
    wanted = sorted(set(ids))
    if not wanted:
        return
    deltas: dict[str, _Delta] = {}
    marks = []
    for r in _facts(tx, wanted):
        now = None
        if keep and r["counted"]:
            days = r["start_day"], r["end_day"]
            now = signature(r["states"], r["sectors"], meeting_year(*days), r["date"], month_span(*days))
        if now == r["tallied"]:
            continue
        if r["tallied"] is not None:
            _contribute(deltas, r["tallied"], -1)
        if now is not None:
            _contribute(deltas, now, +1)
        marks.append({"node": r["node"], "tallied": now})
    _apply(tx, deltas, marks)


def reported_meetings(tx: neo4j.ManagedTransaction, articles: Sequence[str]) -> list[str]:
    """Ids of the meetings (rejected ones too) that articles report: those a retraction may change or delete."""
    return [r["id"] for r in _records(tx, "tally/reported_meetings", ids=list(articles))]


def tally_untallied(driver: neo4j.Driver, database: str) -> int:
    """Tally every meeting that has never been (a graph written before tallies, or by other means) or was tallied
    before month tallies, in transactions of `_BATCH` meetings; returns how many. Runs from `apply_schema`."""
    done = 0
    with driver.session(database=database) as session:
        while True:

            def batch(tx: neo4j.ManagedTransaction) -> int:
                ids = [r["id"] for r in _records(tx, "admin/untallied_meetings", limit=_BATCH)]
                refresh(tx, ids)
                return len(ids)

            count = session.execute_write(batch)
            done += count
            if count < _BATCH:
                return done
