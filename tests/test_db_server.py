"""The local Neo4j server answers like a real Neo4j 5, and the schema is idempotent."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

import neo4j

from graph.schema import CONSTRAINTS, FULLTEXT_INDEX, schema_names

if TYPE_CHECKING:
    from conftest import Neo4jServer

MALIKG = [str(Path(sys.executable).with_name("malikg"))]


def test_server_reports_a_neo4j_5_kernel(driver: neo4j.Driver) -> None:
    records, _, _ = driver.execute_query("CALL dbms.components() YIELD name, versions RETURN name, versions")
    kernel = {r["name"]: r["versions"][0] for r in records}["Neo4j Kernel"]
    assert kernel.startswith("5."), kernel


def test_driver_fixture_starts_empty_with_schema(driver: neo4j.Driver, neo4j_server: Neo4jServer) -> None:
    driver.execute_query("CREATE (:Person {id: 'x'})", database_=neo4j_server.database)
    records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=neo4j_server.database)
    assert records[0]["n"] == 1
    constraints, indexes = schema_names(driver, neo4j_server.database)
    assert len(constraints) == len(CONSTRAINTS)
    assert FULLTEXT_INDEX in indexes


def test_unique_constraint_is_enforced(driver: neo4j.Driver, neo4j_server: Neo4jServer) -> None:
    driver.execute_query("CREATE (:State {iso3: 'MLI'})", database_=neo4j_server.database)
    try:
        driver.execute_query("CREATE (:State {iso3: 'MLI'})", database_=neo4j_server.database)
    except neo4j.exceptions.ConstraintError:
        return
    raise AssertionError("a second State MLI was accepted")


def test_db_schema_twice_is_idempotent(driver: neo4j.Driver, neo4j_env: dict[str, str]) -> None:
    before = schema_names(driver, neo4j_env["NEO4J_DATABASE"])
    outputs = [
        subprocess.run([*MALIKG, "db", "schema"], env=neo4j_env, capture_output=True, text=True, check=True).stdout
        for _ in range(2)
    ]
    assert outputs[0] == outputs[1]
    assert schema_names(driver, neo4j_env["NEO4J_DATABASE"]) == before
    assert "entity_names" in outputs[0] and "person_id" in outputs[0]


def test_fulltext_index_finds_aliases(driver: neo4j.Driver, neo4j_server: Neo4jServer) -> None:
    driver.execute_query(
        "CREATE (:Person {id: 'serguei-lavrov', name: 'Sergueï Lavrov', aliases: ['Sergey Lavrov']})",
        database_=neo4j_server.database,
    )
    driver.execute_query("CALL db.awaitIndexes(30)", database_=neo4j_server.database)
    records, _, _ = driver.execute_query(
        "CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id",
        index=FULLTEXT_INDEX,
        q="Sergey",
        database_=neo4j_server.database,
    )
    assert [r["id"] for r in records] == ["serguei-lavrov"]


def test_browser_is_served(neo4j_server: Neo4jServer) -> None:
    with urllib.request.urlopen(f"{neo4j_server.http_url}/browser/", timeout=10) as response:
        assert response.status == 200
        assert b"Neo4j Browser" in response.read()
