"""The API benchmark's workloads: parameters picked from the graph, and the bare Cypher each endpoint runs.

The bare side runs the same query files, in the same order, with the same parameters as the route does for a
request whose names are exact keys (so resolution is one `find_entities_by_key`): /contacts resolves a and b,
lists the meeting ids, loads their records; /timeline resolves, lists, loads; /partners resolves and ranks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import neo4j

from bench.common import DATABASE
from graph.queries import load_query

LIMIT = 100
TIMEOUT_S = 10.0  # the API's default MALIKG_QUERY_TIMEOUT_S, applied to each transaction
_SPREAD = 20  # parameter sets per endpoint, from the heaviest entity down the ranking

# Ranked candidates for each endpoint's parameters (fixed statements of the bench, no input in them).
_PAIRS = """
MATCH (a:Person)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(b:Person) WHERE a.id < b.id
WITH a.id AS a, b.id AS b, count(m) AS n ORDER BY n DESC, a, b LIMIT 200
RETURN a, b, n
"""
_PEOPLE = """
MATCH (p:Person) WITH p.id AS key, COUNT { (p)-[:ATTENDED]->(:Meeting) } AS n
ORDER BY n DESC, key LIMIT 200 RETURN key, n
"""
_STATES = """
MATCH (s:State) WITH s.iso3 AS key, COUNT { (s)-[:REPRESENTED_AT]->(:Meeting) } AS n
ORDER BY n DESC, key LIMIT 20 RETURN key, n
"""


def _rows(session: neo4j.Session, name: str, **params: Any) -> list[dict[str, Any]]:
    query = load_query(name)

    @neo4j.unit_of_work(timeout=TIMEOUT_S)
    def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
        return [record.data() for record in tx.run(query, params)]

    return session.execute_read(work)


def _load(session: neo4j.Session, row: dict[str, Any] | None) -> None:
    ids = row["meeting_ids"] if row else []
    if ids:
        _rows(session, "get_meetings", ids=ids)


_NO_PERIOD = {"from": None, "to": None, "offset": 0, "limit": LIMIT}


def _contacts(session: neo4j.Session, params: dict[str, str]) -> None:
    _rows(session, "find_entities_by_key", key=params["a"])
    _rows(session, "find_entities_by_key", key=params["b"])
    found = _rows(
        session, "list_contacts", a_kind="person", a_key=params["a"], b_kind="person", b_key=params["b"], **_NO_PERIOD
    )
    _load(session, found[0] if found else None)


def _timeline(session: neo4j.Session, params: dict[str, str]) -> None:
    _rows(session, "find_entities_by_key", key=params["entity"])
    found = _rows(session, "list_entity_meetings", kind="person", key=params["entity"], **_NO_PERIOD)
    _load(session, found[0] if found else None)


def _partners(session: neo4j.Session, params: dict[str, str]) -> None:
    _rows(session, "find_entities_by_key", key=params["state"])
    _rows(
        session,
        "rank_partners",
        state=params["state"],
        sector=None,
        from_year=None,
        to_year=None,
        from_month=None,
        to_month=None,
        offset=0,
        limit=LIMIT,
    )


@dataclass(frozen=True)
class Workload:
    """An endpoint, its request parameters (cycled through), and the bare Cypher of one request."""

    path: str
    http_params: list[dict[str, str]]
    bare: Callable[[neo4j.Session, dict[str, str]], None]
    weights: list[int]  # meetings of each parameter set's entity (or pair), for the record

    def run_bare(self, session: neo4j.Session, index: int) -> None:
        self.bare(session, self.http_params[index])


def _spread(records: Sequence[neo4j.Record], k: int = _SPREAD) -> list[neo4j.Record]:
    """k records evenly spaced down the ranking (the heaviest first)."""
    if len(records) <= k:
        return list(records)
    step = len(records) / k
    return [records[int(i * step)] for i in range(k)]


def pick_workloads(driver: neo4j.Driver, endpoints: Sequence[str]) -> list[Workload]:
    """Parameters for each endpoint, picked from the graph in place."""
    workloads = []
    for endpoint in endpoints:
        if endpoint == "contacts":
            records = _spread(driver.execute_query(_PAIRS, database_=DATABASE).records)
            params = [{"a": r["a"], "b": r["b"]} for r in records]
            workloads.append(Workload("/contacts", params, _contacts, [r["n"] for r in records]))
        elif endpoint == "timeline":
            records = _spread(driver.execute_query(_PEOPLE, database_=DATABASE).records)
            params = [{"entity": r["key"]} for r in records]
            workloads.append(Workload("/timeline", params, _timeline, [r["n"] for r in records]))
        else:
            records = driver.execute_query(_STATES, database_=DATABASE).records
            params = [{"state": r["key"]} for r in records]
            workloads.append(Workload("/partners", params, _partners, [r["n"] for r in records]))
    for workload in workloads:
        if not workload.http_params:
            raise SystemExit(f"bench_api: the graph has nothing to ask {workload.path} about; load it first")
    return workloads
