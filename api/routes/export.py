"""GET /export/rdf: the graph as RDF (owned by the RDF export work)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["export"])
