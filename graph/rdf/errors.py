"""Errors of the RDF export."""

from __future__ import annotations

from graph.errors import GraphError


class RdfExportError(GraphError):
    """Base class of the RDF export's errors."""


class InvalidFilterError(RdfExportError, ValueError):
    """A filter value the export cannot use (bad date, unknown format); the message says what is expected."""
