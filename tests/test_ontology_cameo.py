"""Every meeting type of the extraction contract is a close match of one CAMEO CONSULT code in the ontology."""

from __future__ import annotations

from typing import get_args

from rdflib import Literal, Namespace
from rdflib.namespace import SKOS

from graph.rdf.assets import ontology_graph
from ingest.models import MeetingType

MTYPE = Namespace("https://malikg.org/id/meeting-type/")
EXPECTED = {
    "bilateral_meeting": "040",
    "audience": "043",
    "phone_call": "041",
    "visit": "042",
    "multilateral": "044",
    "joint_commission": "046",
    "other": "040",
}


def test_every_meeting_type_maps_to_a_labelled_cameo_code() -> None:
    graph = ontology_graph()
    assert set(get_args(MeetingType)) == set(EXPECTED)
    for mtype, code in EXPECTED.items():
        [target] = list(graph.objects(MTYPE[mtype], SKOS.closeMatch))
        assert graph.value(target, SKOS.notation) == Literal(code), mtype
        assert graph.value(target, SKOS.prefLabel) is not None
    phone = next(graph.objects(MTYPE["phone_call"], SKOS.closeMatch))
    assert str(graph.value(phone, SKOS.prefLabel)) == "Discuss by telephone"
