"""The root of the graph package's exceptions (writer, local server, RDF export)."""

from __future__ import annotations

from core.errors import MalikgError


class GraphError(MalikgError):
    """Base of the graph package's exceptions."""
