"""Against the real Neo4j: every query file plans, and the API's read path cannot write."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import neo4j
import pytest
from neo4j.exceptions import ClientError

from api.reads import GraphReader, run_read
from graph.queries import query_files

QUERY_DIR = Path(str(query_files()))  # the installed `queries` package, a directory
ALL_QUERY_FILES = sorted(QUERY_DIR.rglob("*.cypher"))


@pytest.mark.parametrize("path", ALL_QUERY_FILES, ids=lambda p: str(p.relative_to(QUERY_DIR)))
def test_every_query_file_is_valid_cypher_for_the_server(driver: neo4j.Driver, path: Path) -> None:
    """EXPLAIN plans the statement without running it: syntax, functions, procedures and clauses are checked."""
    with driver.session(notifications_min_severity="OFF") as session:
        summary = session.run("EXPLAIN " + path.read_text(encoding="utf-8")).consume()
    assert summary.plan is not None


@pytest.mark.parametrize(
    "statement", ["CREATE (:Probe {n: 1}) RETURN 1 AS one", "MERGE (s:State {iso3: 'XXX'}) RETURN s"]
)
def test_a_write_through_the_read_helper_is_refused_by_neo4j(driver: neo4j.Driver, statement: str) -> None:
    with driver.session(default_access_mode=neo4j.READ_ACCESS) as session, pytest.raises(ClientError) as refused:
        run_read(session, statement, {}, timeout_s=5.0)  # type: ignore[arg-type]
    assert refused.value.code == "Neo.ClientError.Statement.AccessMode"
    records, _, _ = driver.execute_query("MATCH (n) WHERE n:Probe OR n.iso3 = 'XXX' RETURN count(n) AS n")
    assert records[0]["n"] == 0


def test_the_writer_own_queries_are_refused_through_the_reader(driver: neo4j.Driver) -> None:
    """Even a vetted write file (queries/write/) cannot run through GraphReader."""
    write_files = sorted((QUERY_DIR / "write").glob("*.cypher"))
    if not write_files:
        pytest.skip("queries/write/ holds no statement yet")
    reader = GraphReader(driver, "neo4j", timeout_s=5.0)
    try:
        for path in write_files:
            params = dict.fromkeys(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", path.read_text(encoding="utf-8")))
            with pytest.raises(ClientError) as refused:
                reader.rows(f"write/{path.stem}", **params)
            assert refused.value.code == "Neo.ClientError.Statement.AccessMode", path.name
    finally:
        reader.close()


def test_every_example_of_the_catalog_runs_on_an_empty_graph(driver: neo4j.Driver) -> None:
    from api.catalog import all_named_queries

    reader = GraphReader(driver, "neo4j", timeout_s=5.0)
    try:
        for query in all_named_queries():
            reader.rows(query.name, **json.loads(json.dumps(query.example)))
    finally:
        reader.close()


def test_reads_stop_at_the_transaction_timeout(driver: neo4j.Driver) -> None:
    """The timeout given to the read helper (MALIKG_QUERY_TIMEOUT_S in the API) is enforced by Neo4j."""
    started = time.monotonic()
    with driver.session(default_access_mode=neo4j.READ_ACCESS) as session, pytest.raises(ClientError) as stopped:
        run_read(session, "UNWIND range(1, 1000000000) AS x RETURN count(x) AS n", {}, timeout_s=0.5)
    assert "TransactionTimedOut" in (stopped.value.code or "")
    assert time.monotonic() - started < 10.0


def _open_reads(driver: neo4j.Driver) -> set[str]:
    """The ids of the transactions open on database neo4j that run a named query (not this SHOW)."""
    records, _, _ = driver.execute_query(
        "SHOW TRANSACTIONS YIELD transactionId, database, currentQuery "
        "WHERE database = 'neo4j' AND NOT currentQuery STARTS WITH 'SHOW' RETURN transactionId",
        database_="system",
    )
    return {record["transactionId"] for record in records}


def test_the_reads_of_one_transaction_share_it_and_others_do_not_stay_open(driver: neo4j.Driver) -> None:
    """`in_one_transaction` (api/reads.py): the reads made inside share one transaction, open until the work ends,
    and the reader's session is closed after it; a read outside commits at once."""
    reader = GraphReader(driver, "neo4j", timeout_s=5.0)

    def work() -> list[set[str]]:
        seen = []
        for _ in range(3):
            reader.rows("count_nodes")
            seen.append(_open_reads(driver))
        return seen

    seen = reader.in_one_transaction(work)
    assert len(seen[0]) == 1 and seen[0] == seen[1] == seen[2], seen
    assert not reader.has_session and _open_reads(driver) == set()
    try:
        reader.rows("count_nodes")
        assert _open_reads(driver) == set() and reader.has_session
    finally:
        reader.close()
