"""Every meeting type of the vocabulary is a close match of one CAMEO CONSULT code and of one PLOVER CONSULT
concept in the ontology, and the two agree with PLOVER's own CAMEO crosswalk."""

from __future__ import annotations

from typing import get_args

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from core import vocabulary
from graph.rdf.assets import ontology_graph
from ingest.models import MeetingType

MTYPE = Namespace("https://malikg.org/id/meeting-type/")
MKO = Namespace("https://malikg.org/ontology#")
EXPECTED = {
    "bilateral_meeting": "040",
    "audience": "043",
    "phone_call": "041",
    "visit": "042",
    "multilateral": "044",
    "joint_commission": "046",
    "other": "040",
}
# openeventdata/PLOVER CAMEO2PLOVER-2021.txt, root 04: CAMEO code -> (PLOVER event type, mode or None).
CAMEO_TO_PLOVER = {
    "040": ("CONSULT", None),
    "041": ("CONSULT", "phone"),
    "042": ("CONSULT", "visit"),
    "043": ("CONSULT", "host"),
    "044": ("CONSULT", "third-party"),
    "046": ("CONSULT", None),
}


def _match_in(graph: Graph, mtype: str, scheme: URIRef) -> URIRef:
    """The one concept of `scheme` the meeting type is a close match of."""
    matches = [t for t in graph.objects(MTYPE[mtype], SKOS.closeMatch) if (t, SKOS.inScheme, scheme) in graph]
    assert len(matches) == 1, (mtype, scheme, matches)
    return URIRef(str(matches[0]))


def test_every_meeting_type_maps_to_a_labelled_cameo_code() -> None:
    graph = ontology_graph()
    assert set(get_args(MeetingType)) == set(EXPECTED)
    for mtype, code in EXPECTED.items():
        target = _match_in(graph, mtype, MKO.cameo)
        assert graph.value(target, SKOS.notation) == Literal(code), mtype
        assert graph.value(target, SKOS.prefLabel) is not None
    phone = _match_in(graph, "phone_call", MKO.cameo)
    assert str(graph.value(phone, SKOS.prefLabel)) == "Discuss by telephone"


def test_every_vocabulary_meeting_type_has_the_plover_code_of_its_cameo_code() -> None:
    graph = ontology_graph()
    assert set(vocabulary.meeting_types()) == set(EXPECTED)
    for mtype in vocabulary.meeting_types():
        concept = _match_in(graph, mtype, MKO.plover)
        assert graph.value(concept, SKOS.prefLabel) is not None, mtype
        broader = graph.value(concept, SKOS.broader)
        if broader is None:
            plover = (str(graph.value(concept, SKOS.notation)), None)
        else:
            plover = (str(graph.value(broader, SKOS.notation)), str(graph.value(concept, SKOS.notation)))
        cameo = str(graph.value(_match_in(graph, mtype, MKO.cameo), SKOS.notation))
        assert plover == CAMEO_TO_PLOVER[cameo], mtype
