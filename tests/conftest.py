"""Shared pytest fixtures: a real Neo4j 5 for the tests that ask for one.

- `neo4j_server` (session): the server under test. With `MALIKG_TEST_NEO4J_URI` set, that server is used as it is
  (its database gets wiped by `driver`!; `MALIKG_TEST_NEO4J_USER`, `_PASSWORD`, `_DATABASE`, `_HTTP_PORT` go with
  it). `NEO4J_URI` and the other NEO4J_* variables are never read here, so a developer's own graph is never emptied.
  Otherwise the local JVM server (graph/neo4j-local) is started on
  `MALIKG_TEST_BOLT_PORT` (default 17687) and `MALIKG_TEST_HTTP_PORT` (default 17474) with the store in
  `data/test-neo4j-<bolt port>`; one already running there is reused, and only a server started by this session
  is stopped at its end. Pick your own ports when several test sessions run at once.
- `driver` (function): a `neo4j.Driver` on an emptied database with the schema applied; closed afterwards.
- `neo4j_env` (function): `os.environ` plus NEO4J_* variables pointing a subprocess (`malikg ...`) at that server.
- `relay` (function): a TCP relay to that server (`api_server.TcpRelay`) that a test cuts to play a lost database.

Neo4j starts only when a collected test requests one of these fixtures; such tests get the `neo4j` marker.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import neo4j
import pytest
from api_server import TcpRelay
from spacy.language import Language

from bench.common import wipe
from core.settings import REPO_ROOT
from graph import local_server
from graph.local_errors import LocalServerError
from graph.schema import apply_schema
from ingest.nlp import load_nlp

NEO4J_FIXTURES = {"neo4j_server", "driver", "neo4j_env"}


@dataclass(frozen=True)
class Neo4jServer:
    """How to reach the server under test."""

    uri: str
    http_url: str
    user: str
    password: str
    database: str
    started_here: bool

    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)

    def reset(self) -> None:
        """Empty the test database and apply the graph schema."""
        with neo4j.GraphDatabase.driver(self.uri, auth=self.auth()) as driver:
            wipe(driver, self.database)
            apply_schema(driver, self.database)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the real server, so `-m "not neo4j"` runs the rest without starting it."""
    for item in items:
        if NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServer]:
    """The Neo4j server of this test session (see the module docstring)."""
    user = os.environ.get("MALIKG_TEST_NEO4J_USER", "neo4j")
    password = os.environ.get("MALIKG_TEST_NEO4J_PASSWORD", "")
    database = os.environ.get("MALIKG_TEST_NEO4J_DATABASE", "neo4j")
    external_uri = os.environ.get("MALIKG_TEST_NEO4J_URI")
    if external_uri:
        http_port = os.environ.get("MALIKG_TEST_NEO4J_HTTP_PORT", "7474")
        yield Neo4jServer(external_uri, f"http://127.0.0.1:{http_port}", user, password, database, started_here=False)
        return
    bolt_port = int(os.environ.get("MALIKG_TEST_BOLT_PORT", "17687"))
    config = local_server.ServerConfig(
        data_dir=REPO_ROOT / "data" / f"test-neo4j-{bolt_port}",
        bolt_port=bolt_port,
        http_port=int(os.environ.get("MALIKG_TEST_HTTP_PORT", "17474")),
        heap=os.environ.get("MALIKG_NEO4J_HEAP", "1g"),
    )
    try:
        info, started = local_server.start(config, timeout_s=180)
    except LocalServerError as error:
        pytest.fail(f"could not start the test Neo4j: {error}", pytrace=False)
    try:
        # The local server's own password (generated at its first start), whatever NEO4J_PASSWORD says.
        yield Neo4jServer(info.bolt_uri, info.http_url, user, config.password(), database, started_here=started)
    finally:
        if started:
            local_server.stop(config)


@pytest.fixture
def driver(neo4j_server: Neo4jServer) -> Iterator[neo4j.Driver]:
    """A driver on the test database, emptied and with the graph schema applied before the test."""
    neo4j_server.reset()
    with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth()) as test_driver:
        yield test_driver


@pytest.fixture
def neo4j_env(neo4j_server: Neo4jServer) -> dict[str, str]:
    """Environment for a subprocess (e.g. `malikg ingest`) that must use the test server."""
    env = dict(os.environ)
    env.update(
        NEO4J_URI=neo4j_server.uri,
        NEO4J_USER=neo4j_server.user,
        NEO4J_PASSWORD=neo4j_server.password,
        NEO4J_DATABASE=neo4j_server.database,
        NEO4J_HTTP_PORT=neo4j_server.http_url.rsplit(":", 1)[1],
    )
    return env


@pytest.fixture
def relay(neo4j_server: Neo4jServer) -> Iterator[TcpRelay]:
    relay = TcpRelay(int(neo4j_server.uri.rsplit(":", 1)[1]))
    relay.start()
    try:
        yield relay
    finally:
        relay.stop()


@pytest.fixture(scope="session")
def nlp() -> Iterator[Language]:
    """The cached spaCy pipeline, loaded once for the whole session (the extraction tests)."""
    yield load_nlp()
