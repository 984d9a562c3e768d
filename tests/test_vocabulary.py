"""The meeting types are one vocabulary: the YAML table, the MeetingType Literal, the ontology and the SHACL shapes
agree, and the loader refuses a malformed table."""

from __future__ import annotations

from typing import get_args

import pytest
import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SKOS

from core import vocabulary
from core.errors import VocabularyError
from graph.rdf.assets import ONTOLOGY_PATH, SHAPES_PATH
from graph.rdf.vocab import MKO, SEM, meeting_type_iri
from ingest.models import MeetingType

SH = "http://www.w3.org/ns/shacl#"


def test_the_literal_lists_the_yaml_types_in_order() -> None:
    assert list(get_args(MeetingType)) == list(vocabulary.meeting_types())


def test_the_ontology_declares_each_type_with_its_labels_and_no_other() -> None:
    graph = Graph().parse(ONTOLOGY_PATH)
    declared = {
        str(graph.value(concept, SKOS.notation)): concept for concept in graph.subjects(SKOS.inScheme, MKO.meetingTypes)
    }
    assert set(declared) == set(vocabulary.meeting_types())
    for key, labels in vocabulary.meeting_types().items():
        concept = declared[key]
        assert concept == meeting_type_iri(key)
        assert (concept, RDF.type, SEM.EventType) in graph
        assert (concept, SKOS.prefLabel, Literal(labels.fr, lang="fr")) in graph, key
        assert (concept, SKOS.prefLabel, Literal(labels.en, lang="en")) in graph, key


def test_the_shapes_allow_exactly_the_yaml_types() -> None:
    graph = Graph().parse(SHAPES_PATH)
    lists = [
        Collection(graph, graph.value(prop, URIRef(SH + "in")))
        for prop in graph.subjects(URIRef(SH + "path"), SEM.eventType)
    ]
    assert len(lists) == 1
    assert list(lists[0]) == [meeting_type_iri(key) for key in vocabulary.meeting_types()]


@pytest.mark.parametrize(
    "text",
    [
        "visit: {fr: visite}\n",  # a label missing
        "visit: {fr: visite, en: visit, de: Besuch}\n",  # an unknown key
        "visit: {fr: [visite], en: visit}\n",  # a label of the wrong type
        "Visit: {fr: visite, en: visit}\n",  # a key that is not lower_snake_case
        "{}\n",  # no type at all
    ],
)
def test_a_malformed_table_fails_loudly(text: str) -> None:
    with pytest.raises(VocabularyError, match="meeting_types.yaml"):
        vocabulary.parse_meeting_types(yaml.safe_load(text))
