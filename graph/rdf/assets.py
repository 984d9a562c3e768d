"""The RDF files shipped with the project: the ontology (meeting types, sectors, mko: terms) and the SHACL shapes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph

HERE = Path(__file__).resolve().parent
SHAPES_PATH = HERE / "shapes.ttl"
ONTOLOGY_PATH = HERE / "ontology.ttl"


@cache
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


@cache
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")
