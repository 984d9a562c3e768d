"""RDF of trust: researchers' judgements as PROV-O activities (who, when, why) influencing the facts they
corrected, exact quotes and offsets on each report's prov:Derivation, and reposts as prov:alternateOf."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rdflib import Literal, Namespace
from rdflib.namespace import FOAF, PROV, RDF, RDFS, XSD

from core.text import slug
from graph.rdf import vocab
from graph.rdf.mapping import Triple, date_literal

JUDGEMENT = Namespace(vocab.BASE + "judgement/")
AGENT = Namespace(vocab.BASE + "agent/")
MKO = vocab.MKO


def judgement_triples(record: Mapping[str, Any]) -> list[Triple]:
    """A judgement: a prov:Activity associated with its author, ended at its time, with its reason; the meeting or
    person it judged prov:wasInfluencedBy it, and the new value and the extracted one are both stated."""
    j: dict[str, Any] = record["j"]
    act = JUDGEMENT[vocab.key_segment(j["id"])]
    agent = AGENT[vocab.key_segment(j["author"])]
    out: list[Triple] = [
        (act, RDF.type, PROV.Activity),
        (act, RDF.type, MKO.Judgement),
        (act, MKO.judgementKind, Literal(j["kind"])),
        (act, PROV.wasAssociatedWith, agent),
        (agent, RDF.type, PROV.Agent),
        (agent, FOAF.name, Literal(j["author"])),
        (act, PROV.endedAtTime, Literal(j["created_at"], datatype=XSD.dateTime)),
        (act, RDFS.comment, Literal(j["reason"])),
    ]
    if j.get("meeting"):
        meeting = vocab.meeting_iri(j["meeting"])
        out += [(act, PROV.used, meeting), (meeting, PROV.wasInfluencedBy, act)]
    if j.get("person"):
        person = vocab.person_iri(j["person"])
        out += [(act, PROV.used, person), (person, PROV.wasInfluencedBy, act)]
    target = {"merge_meetings": vocab.meeting_iri, "merge_people": vocab.person_iri}.get(j["kind"])
    if target is not None and j.get("into"):
        out.append((act, MKO.mergedInto, target(j["into"])))
    if j.get("other"):
        out.append((act, MKO.differentFrom, vocab.person_iri(j["other"])))
    if j.get("type"):
        out.append((act, MKO.correctedType, vocab.meeting_type_iri(j["type"])))
    extracted = record.get("extracted") or {}
    if j.get("date"):
        stamp = date_literal(j["date"])
        if stamp is not None:
            out.append((act, MKO.correctedDate, stamp))
        old = date_literal(extracted.get("date"))
        if old is not None:
            out.append((act, MKO.extractedDate, old))
    if j.get("type") and extracted.get("type"):
        out.append((act, MKO.extractedType, vocab.meeting_type_iri(extracted["type"])))
    if j.get("state"):
        out.append((act, MKO.correctedHost, vocab.state_iri(j["state"])))
    if j.get("place"):
        out.append((act, MKO.correctedPlace, vocab.place_iri(slug(j["place"]))))
    if j["kind"] in ("remove_participant", "add_participant") and j.get("person"):
        out.append((act, MKO[j["kind"].split("_")[0] + "edParticipant"], vocab.person_iri(j["person"])))
    return out


def citation_triples(record: Mapping[str, Any]) -> list[Triple]:
    """A report's exact words and offsets on its derivation; its reposts as alternates of the article."""
    article = vocab.article_iri(record["article"])
    d = vocab.derivation_iri(record["meeting"], record["article"])
    out: list[Triple] = []
    if record["quote"] is not None:
        out += [
            (d, MKO.quote, Literal(record["quote"], lang="fr")),
            (d, MKO.startOffset, Literal(int(record["start"]))),
            (d, MKO.endOffset, Literal(int(record["end"]))),
        ]
    if record["document_id"]:
        out.append((article, MKO.documentId, Literal(record["document_id"])))
    for repost in record["reposts"]:
        out += [(vocab.article_iri(repost), PROV.alternateOf, article)]
    return out
