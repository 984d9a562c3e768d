"""PROFILE the API's hot queries on the bench graph, with the heaviest parameters bench_api.py uses.

    .venv/bin/python -m bench.profile_queries [--bolt-port 61687] [--plans]

For each query file: database hits, rows, server time (first record + consumption, median of 3 runs after one
warm-up), and any operator that signals a bad plan (label or all-nodes scans, cartesian products, eager). With
--plans, the operator tree with rows and db hits per operator.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import neo4j

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DATABASE, BenchServer
from bench.workload import LIMIT, pick_workloads
from graph.queries import load_query

SUSPECT = ("NodeByLabelScan", "AllNodesScan", "CartesianProduct", "Eager", "NodeIndexScan")
_NO_PERIOD = {"from": None, "to": None, "offset": 0, "limit": LIMIT}
_NO_YEARS = {"from_year": None, "to_year": None, "from_month": None, "to_month": None, "offset": 0, "limit": LIMIT}


def _operators(plan: dict[str, Any], depth: int = 0) -> Iterator[tuple[int, dict[str, Any]]]:
    yield depth, plan
    for child in plan.get("children", []):
        yield from _operators(child, depth + 1)


def _name(operator: dict[str, Any]) -> str:
    return str(operator["operatorType"]).split("@")[0]


def cases(driver: neo4j.Driver) -> list[tuple[str, dict[str, Any]]]:
    """(query file, parameters) with the heaviest entity or pair of each endpoint's workload."""
    contacts, partners, timeline = pick_workloads(driver, ["contacts", "partners", "timeline"])
    pair, state, person = contacts.http_params[0], partners.http_params[0], timeline.http_params[0]
    listed = driver.execute_query(
        load_query("list_entity_meetings"),
        {"kind": "person", "key": person["entity"], **_NO_PERIOD},
        database_=DATABASE,
    ).records
    ids = listed[0]["meeting_ids"] if listed else []
    return [
        ("find_entities_by_key", {"key": person["entity"]}),
        (
            "list_contacts",
            {"a_kind": "person", "a_key": pair["a"], "b_kind": "person", "b_key": pair["b"], **_NO_PERIOD},
        ),
        ("list_entity_meetings", {"kind": "person", "key": person["entity"], **_NO_PERIOD}),
        ("get_meetings", {"ids": ids}),
        ("rank_partners", {"state": state["state"], "sector": None, **_NO_YEARS}),
        ("rank_partners", {"state": state["state"], "sector": "défense", **_NO_YEARS}),
        ("rank_partners_on_the_fly", {"state": state["state"], "sector": None, **_NO_PERIOD}),
        ("rank_partners_on_the_fly", {"state": state["state"], "sector": "défense", **_NO_PERIOD}),
    ]


def profile(driver: neo4j.Driver, name: str, params: dict[str, Any], show_plan: bool) -> None:
    query = "PROFILE " + load_query(name)
    times = []
    summary = None
    for _ in range(4):
        with driver.session(database=DATABASE, default_access_mode=neo4j.READ_ACCESS) as session:
            summary = session.run(query, params).consume()
        times.append((summary.result_available_after or 0) + (summary.result_consumed_after or 0))
    assert summary is not None and summary.profile is not None
    operators = list(_operators(summary.profile))
    hits = sum(int(op.get("dbHits", 0)) for _, op in operators)
    rows = int(summary.profile.get("rows", 0))
    suspects = sorted({_name(op) for _, op in operators if _name(op) in SUSPECT})
    shown = {k: (v if not isinstance(v, list) or len(v) < 4 else f"[{len(v)} items]") for k, v in params.items()}
    print(
        f"{name:<22} {hits:>10} db hits {rows:>6} rows {statistics.median(times[1:]):>6.0f} ms  "
        f"suspect: {', '.join(suspects) or '-'}  {shown}"
    )
    if show_plan:
        for depth, op in operators:
            print(f"    {'  ' * depth}{_name(op)}  rows={op.get('rows', 0)} dbHits={op.get('dbHits', 0)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bolt-port", type=int, default=BenchServer.bolt_port)
    parser.add_argument("--plans", action="store_true", help="print every operator")
    args = parser.parse_args(argv)
    with BenchServer(bolt_port=args.bolt_port).driver() as driver:
        meetings = driver.execute_query("MATCH (m:Meeting) RETURN count(m) AS n", database_=DATABASE).records[0]["n"]
        print(f"graph: {meetings} meetings")
        for name, params in cases(driver):
            profile(driver, name, params, args.plans)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
