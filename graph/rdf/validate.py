"""SHACL validation of an export against the shapes shipped with the project (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyshacl import validate as shacl_validate
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


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    text: str


def validate_graph(data: Graph) -> ValidationReport:
    """Validate an exported graph; `text` is pyshacl's human-readable report."""
    conforms, _report_graph, text = shacl_validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none", advanced=False
    )
    return ValidationReport(conforms=bool(conforms), text=str(text))
