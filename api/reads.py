"""The only way the API reads the graph: named queries run in read transactions with a timeout.

Every read goes through `session.execute_read` on a session opened in READ access mode, so Neo4j itself refuses
any statement that would write (`Neo.ClientError.Statement.AccessMode`): one transaction per query (`run_read`),
or one for all the reads of a route (`one_read_transaction`: one BEGIN and COMMIT per request instead of one per
query; retried whole on a transient error, like a single read).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any, LiteralString, ParamSpec, TypeVar

import anyio.to_thread
from neo4j import READ_ACCESS, Driver, ManagedTransaction, Session, unit_of_work

from graph.queries import load_query

Row = dict[str, Any]
P = ParamSpec("P")
T = TypeVar("T")


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
        self._tx: ManagedTransaction | None = None  # inside `in_one_transaction`

    @property
    def driver(self) -> Driver:
        return self._driver

    @property
    def database(self) -> str:
        return self._database

    @property
    def has_session(self) -> bool:
        """A session is open (`close` has work to do)."""
        return self._session is not None

    def rows(self, query_name: str, **params: Any) -> list[Row]:
        """All records of `queries/<query_name>.cypher` run with `params`."""
        # Query files are vetted assets of the project, never user input (mypy treats LiteralString as str).
        cypher = load_query(query_name)
        if self._tx is not None:
            return [record.data() for record in self._tx.run(cypher, params)]
        return run_read(self._open(), cypher, params, self._timeout_s)

    def in_one_transaction(self, work: Callable[[], T]) -> T:
        """`work()`, every read it makes through this reader in one read transaction (retried whole)."""
        if self._tx is not None:
            return work()

        @unit_of_work(timeout=self._timeout_s)
        def run(tx: ManagedTransaction) -> T:
            self._tx = tx
            try:
                return work()
            finally:
                self._tx = None

        opened = self._session is None
        try:
            return self._open().execute_read(run)
        finally:
            if opened:  # a session of its own: closed here, in the route's worker thread (api/deps.py)
                self.close()

    def _open(self) -> Session:
        if self._session is None:
            # Planner notifications (e.g. "unknown label" on an empty graph) are not errors: keep logs quiet.
            self._session = self._driver.session(
                database=self._database, default_access_mode=READ_ACCESS, notifications_min_severity="OFF"
            )
        return self._session

    def one(self, query_name: str, **params: Any) -> Row | None:
        """The first record, or None when the query returns nothing."""
        found = self.rows(query_name, **params)
        return found[0] if found else None

    def close(self) -> None:
        """Close the session, if one was opened."""
        if self._session is not None:
            self._session.close()
            self._session = None


def one_read_transaction(route: Callable[P, T]) -> Callable[P, Coroutine[Any, Any, T]]:
    """A plain route (called with keyword arguments, its GraphReader as `reader`) made async: its body runs in one
    worker thread with all its reads in one transaction. FastAPI runs a plain route in a worker thread and then
    validates its answer in another; async, the answer (a model instance) is checked on the event loop."""

    @functools.wraps(route)
    async def in_one(*args: P.args, **kwargs: P.kwargs) -> T:
        reader = kwargs["reader"]
        if not isinstance(reader, GraphReader):
            raise TypeError(f"{route.__name__} has no GraphReader argument named 'reader'")
        return await anyio.to_thread.run_sync(reader.in_one_transaction, lambda: route(*args, **kwargs))

    return in_one


def ping(driver: Driver, database: str, timeout_s: float) -> None:
    """Read the store once (`queries/health/ready.cypher`) in one read transaction, without the driver's retries:
    raises at once when Neo4j or the database is unavailable (the readiness check of GET /health)."""
    with driver.session(database=database, default_access_mode=READ_ACCESS, notifications_min_severity="OFF") as s:
        with s.begin_transaction(timeout=timeout_s) as tx:
            tx.run(load_query("health/ready")).consume()
