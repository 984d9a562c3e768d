"""`malikg export csv|gexf|graphml|rdf` as a user runs them, on the seed graph written by the real GraphWriter into
the real Neo4j: any name of an entity filters the same way; a name that matches nothing is exit 1, never an
empty success."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx
import pytest
from e2e.seed_graph import DIOP_LAVROV_DATES, load_seed_graph
from rdflib import Graph

from graph.export.table import MEETING_COLUMNS


@pytest.fixture(scope="module")
def seeded_env(neo4j_server: Any) -> dict[str, str]:
    neo4j_server.reset()
    with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth()) as driver:
        load_seed_graph(driver, neo4j_server.database)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(
        NEO4J_URI=neo4j_server.uri,
        NEO4J_USER="neo4j",
        NEO4J_PASSWORD=neo4j_server.password,
        NEO4J_DATABASE=neo4j_server.database,
    )
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    malikg = Path(sys.executable).with_name("malikg")
    return subprocess.run([str(malikg), *args], env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("name", ["Lavrov", "Sergei Lavrov", "serguei-lavrov", "Russia", "Fédération de Russie"])
def test_csv_one_row_per_meeting_under_any_name(seeded_env: dict[str, str], name: str) -> None:
    done = run(["export", "csv", "--entity", name], seeded_env)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert tuple(rows[0]) == MEETING_COLUMNS
    assert sorted(r["date"] for r in rows) == sorted(DIOP_LAVROV_DATES)
    moscow = next(r for r in rows if r["place"] == "Moscou")
    assert "Sergueï Lavrov (ministre des Affaires étrangères)" in moscow["participants"]
    assert moscow["states"] == "Mali (MLI); Russie (RUS)" and moscow["source_urls"].startswith("https://")


def test_csv_period_filter_and_whole_graph(seeded_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    done = run(["export", "csv", "--from", "2024", "--to", "2024-08", "--out", str(out)], seeded_env)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert sorted(r["date"] for r in rows) == ["2024-01-15", "2024-02-28", "2024-08-01"]
    assert "wrote 3 meetings" in done.stderr


@pytest.mark.parametrize("command", [["rdf"], ["csv"], ["gexf", "--out", "x.gexf"]])
def test_unknown_entity_is_exit_1_with_suggestions(seeded_env: dict[str, str], command: list[str]) -> None:
    done = run(["export", *command, "--entity", "Lavrof"], seeded_env)
    assert done.returncode == 1
    assert "No person, state or organisation matches 'Lavrof'" in done.stderr
    assert "Sergueï Lavrov (person sergueï-lavrov)" in done.stderr
    assert done.stdout == ""


def test_rdf_entity_by_name_is_the_same_as_by_id(seeded_env: dict[str, str]) -> None:
    by_name = run(["export", "rdf", "-f", "nt", "--entity", "Lavrov"], seeded_env)
    by_id = run(["export", "rdf", "-f", "nt", "--entity", "sergueï-lavrov"], seeded_env)
    assert by_name.returncode == 0 and by_id.returncode == 0, by_name.stderr + by_id.stderr
    graph = Graph().parse(data=by_name.stdout, format="nt")
    assert len(graph) > 50
    assert set(graph) == set(Graph().parse(data=by_id.stdout, format="nt"))


@pytest.mark.parametrize(("command", "reader"), [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_network_for_gephi_and_networkx(seeded_env: dict[str, str], tmp_path: Path, command: str, reader: Any) -> None:
    out = tmp_path / f"net.{command}"
    done = run(["export", command, "--out", str(out)], seeded_env)
    assert done.returncode == 0, done.stderr
    graph = reader(out)
    diop, lavrov = "person:abdoulaye-diop", "person:sergueï-lavrov"
    assert graph.nodes[lavrov]["label"] == "Sergueï Lavrov" and graph.nodes[lavrov]["kind"] == "person"
    assert int(graph.nodes["state:MLI"]["meetings"]) == 5
    edge = graph.edges[diop, lavrov]
    assert int(edge["weight"]) == len(DIOP_LAVROV_DATES)
    assert (edge["first"], edge["last"]) == (DIOP_LAVROV_DATES[0], DIOP_LAVROV_DATES[-1])
    filtered = tmp_path / f"dz.{command}"
    assert run(["export", command, "--out", str(filtered), "--entity", "Algeria"], seeded_env).returncode == 0
    assert sorted(reader(filtered).nodes) == ["person:abdoulaye-diop", "person:ahmed-attaf", "state:DZA", "state:MLI"]
