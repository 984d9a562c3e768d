"""Errors of the local Neo4j server tooling; each message tells the user what to do next."""

from __future__ import annotations

from graph.errors import GraphError


class LocalServerError(GraphError):
    """Base class: the local Neo4j server could not be built, started, queried or stopped."""


class ToolMissingError(LocalServerError):
    """`java` or `mvn` is not on PATH (or too old)."""


class BuildError(LocalServerError):
    """Maven failed to build graph/neo4j-local."""


class PortInUseError(LocalServerError):
    """A port the server needs is already taken by another process."""


class StartError(LocalServerError):
    """The server exited during startup or did not answer Bolt in time."""


class DatabaseStartError(StartError):
    """Neo4j runs but could not start its database (a store or transaction logs it cannot recover)."""


class StopError(LocalServerError):
    """The server did not stop in time."""


class PasswordError(LocalServerError):
    """The local server's password could not be changed."""
