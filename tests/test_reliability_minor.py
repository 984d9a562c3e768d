"""Issue #19 findings that had no test of their own: which Neo4j failures stop an ingest (exit 3) rather than fail
one document, and a NEO4J_URI with an http scheme (a ModuleNotFoundError traceback before)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j.exceptions import DatabaseUnavailable, Neo4jError, ServiceUnavailable, SessionExpired

from graph.writer import database_lost

MALIKG = str(Path(sys.executable).with_name("malikg"))


def _server_error(code: str) -> Neo4jError:
    return Neo4jError._hydrate_neo4j(code=code, message="as Neo4j sends it")


@pytest.mark.parametrize(
    "error",
    [
        _server_error("Neo.DatabaseError.Transaction.TransactionLogError"),  # the disk is full
        _server_error("Neo.DatabaseError.Transaction.TransactionStartFailed"),  # then the database panics
        _server_error("Neo.TransientError.General.DatabaseUnavailable"),
        ServiceUnavailable("connection refused"),
        SessionExpired("gone"),
        DatabaseUnavailable("stopped"),
    ],
    ids=["transaction-log", "panic", "unavailable", "service", "session", "database"],
)
def test_a_failure_of_the_database_itself_stops_the_run(error: Exception) -> None:
    assert database_lost(error)


@pytest.mark.parametrize(
    "code",
    ["Neo.DatabaseError.Statement.ExecutionFailed", "Neo.ClientError.Schema.ConstraintValidationFailed"],
)
def test_a_documents_own_failure_does_not(code: str) -> None:
    assert not database_lost(_server_error(code))


def test_an_http_neo4j_uri_is_one_clear_line(tmp_path: Path) -> None:
    env = {**os.environ, "NEO4J_URI": "http://127.0.0.1:7474"}
    result = subprocess.run(
        [MALIKG, "ingest", "--from-extractions", os.devnull],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "is not a Bolt URI (scheme 'http')" in result.stderr and "bolt://" in result.stderr
