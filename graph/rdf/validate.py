"""SHACL validation of an export against the shapes shipped with the project (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import RDF

from graph.rdf.assets import ontology_graph, shapes_graph
from graph.rdf.vocab import COMPLETE_EXPORT, EXPORT


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


def is_complete(data: Graph) -> bool:
    """Whether the export ends with its completeness marker (`<.../id/export> a mko:CompleteExport`)."""
    return (EXPORT, RDF.type, COMPLETE_EXPORT) in data
