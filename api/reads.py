"""The only way the API reads the graph: named queries run in read transactions with a timeout.

Every read goes through `run_read`, i.e. `session.execute_read` on a session opened in READ access mode, so
Neo4j itself refuses any statement that would write (`Neo.ClientError.Statement.AccessMode`).
"""

from __future__ import annotations

from typing import Any, LiteralString

from neo4j import READ_ACCESS, Driver, ManagedTransaction, Session, unit_of_work

from graph.queries import load_query

Row = dict[str, Any]


def run_read(session: Session, cypher: LiteralString, params: dict[str, Any], timeout_s: float) -> list[Row]:
    """Run one statement in a managed read transaction and return its records as dicts."""

    @unit_of_work(timeout=timeout_s)
    def work(tx: ManagedTransaction) -> list[Row]:
        return [record.data() for record in tx.run(cypher, params)]

    return session.execute_read(work)


class GraphReader:
    """Runs vetted queries (files under `queries/`) for one request, in one session opened on first use."""

    def __init__(self, driver: Driver, database: str, timeout_s: float) -> None:
        self._driver = driver
        self._database = database
        self._timeout_s = timeout_s
        self._session: Session | None = None

    @property
    def driver(self) -> Driver:
        return self._driver

    @property
    def database(self) -> str:
        return self._database

    def rows(self, query_name: str, **params: Any) -> list[Row]:
        """All records of `queries/<query_name>.cypher` run with `params`."""
        if self._session is None:
            # Planner notifications (e.g. "unknown label" on an empty graph) are not errors: keep logs quiet.
            self._session = self._driver.session(
                database=self._database, default_access_mode=READ_ACCESS, notifications_min_severity="OFF"
            )
        # Query files are vetted assets of the project, never user input (mypy treats LiteralString as str).
        return run_read(self._session, load_query(query_name), params, self._timeout_s)

    def one(self, query_name: str, **params: Any) -> Row | None:
        """The first record, or None when the query returns nothing."""
        found = self.rows(query_name, **params)
        return found[0] if found else None

    def close(self) -> None:
        """Close the session, if one was opened."""
        if self._session is not None:
            self._session.close()
            self._session = None


def ping(driver: Driver, database: str, timeout_s: float) -> None:
    """Read the store once (`queries/health/ready.cypher`) in one read transaction, without the driver's retries:
    raises at once when Neo4j or the database is unavailable (the readiness check of GET /health)."""
    with driver.session(database=database, default_access_mode=READ_ACCESS, notifications_min_severity="OFF") as s:
        with s.begin_transaction(timeout=timeout_s) as tx:
            tx.run(load_query("health/ready")).consume()
