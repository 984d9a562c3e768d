"""Namespaces, prefixes and the stable IRIs of every exported resource.

IRIs are derived only from graph keys, so exporting the same graph twice yields the same IRIs. Keys are
percent-encoded as UTF-8 (`sergueï-lavrov` -> `sergue%C3%AF-lavrov`), which keeps every IRI plain ASCII.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD

from core.text import slug
from core.vocabulary import meeting_types

BASE = "https://malikg.org/id/"
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
MKO = Namespace("https://malikg.org/ontology#")
WD = Namespace("http://www.wikidata.org/entity/")

PERSON = Namespace(BASE + "person/")
STATE = Namespace(BASE + "state/")
ORGANISATION = Namespace(BASE + "organisation/")
MEETING = Namespace(BASE + "meeting/")
PLACE = Namespace(BASE + "place/")
SECTOR = Namespace(BASE + "sector/")
ARTICLE = Namespace(BASE + "article/")
OUTLET = Namespace(BASE + "outlet/")
MEETING_TYPE = Namespace(BASE + "meeting-type/")
# The last statement of every export, `<https://malikg.org/id/export> a mko:CompleteExport`: an export without it
# was cut short (graph/rdf/export.py writes it, `malikg export validate` checks it).
EXPORT = URIRef(BASE + "export")
COMPLETE_EXPORT = MKO.CompleteExport

# Prefix -> namespace, in the order they are written at the top of Turtle and in the JSON-LD context.
PREFIXES: dict[str, str] = {
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    "sem": str(SEM),
    "org": str(ORG),
    "foaf": str(FOAF),
    "schema": str(SDO),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "time": str(TIME),
    "wd": str(WD),
    "mko": str(MKO),
    "person": str(PERSON),
    "state": str(STATE),
    "organisation": str(ORGANISATION),
    "meeting": str(MEETING),
    "place": str(PLACE),
    "sector": str(SECTOR),
    "article": str(ARTICLE),
    "outlet": str(OUTLET),
    "mtype": str(MEETING_TYPE),
}

MEETING_TYPES: dict[str, tuple[str, str]] = {key: (t.fr, t.en) for key, t in meeting_types().items()}
"""Graph value of `Meeting.type` -> (French label, English label)."""

_WIKIDATA_QID = re.compile(r"^Q[1-9][0-9]*$")


def key_segment(key: str) -> str:
    """A graph key as one IRI path segment: UTF-8 percent-encoded, nothing left unescaped but unreserved chars."""
    return quote(key, safe="")


def person_iri(person_id: str) -> URIRef:
    return PERSON[key_segment(person_id)]


def state_iri(iso3: str) -> URIRef:
    return STATE[key_segment(iso3)]


def organisation_iri(org_id: str) -> URIRef:
    return ORGANISATION[key_segment(org_id)]


def meeting_iri(meeting_id: str) -> URIRef:
    return MEETING[key_segment(meeting_id)]


def place_iri(place_id: str) -> URIRef:
    return PLACE[key_segment(place_id)]


def sector_iri(name: str) -> URIRef:
    return SECTOR[key_segment(slug(name))]


def article_iri(article_id: str) -> URIRef:
    return ARTICLE[key_segment(article_id)]


def outlet_iri(outlet: str) -> URIRef:
    return OUTLET[key_segment(slug(outlet))]


def meeting_type_iri(meeting_type: str) -> URIRef:
    return MEETING_TYPE[key_segment(meeting_type)]


def derivation_iri(meeting_id: str, article_id: str) -> URIRef:
    """The qualified derivation of one meeting from one article."""
    return URIRef(f"{meeting_iri(meeting_id)}/source/{key_segment(article_id)}")


def participation_iri(meeting_id: str, person_id: str) -> URIRef:
    """One person's participation (with the title held) in one meeting."""
    return URIRef(f"{meeting_iri(meeting_id)}/participant/{key_segment(person_id)}")


def post_iri(person_id: str, target: str, title: str, since: str | None, until: str | None) -> URIRef:
    """One post a person held: a short hash of what identifies it, so it is stable across exports."""
    digest = hashlib.sha1("\x1f".join([target, title, since or "", until or ""]).encode("utf-8")).hexdigest()[:12]
    return URIRef(f"{person_iri(person_id)}/post/{digest}")


def wikidata_iri(qid: str | None) -> URIRef | None:
    """The Wikidata entity IRI for a QID (or a full entity IRI), None when absent or malformed."""
    if qid is None:
        return None
    value = qid.strip().rsplit("/", 1)[-1]
    return WD[value] if _WIKIDATA_QID.match(value) else None
