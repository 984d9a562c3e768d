"""Map exported rows onto public vocabularies: one function per node kind, each returning its triples.

SEM for meetings, FOAF + W3C ORG for people and their posts, schema.org + ORG for states, ORG for
organisations, PROV-O for provenance, dcterms for articles, SKOS for sectors, owl:sameAs for Wikidata.
What no public vocabulary covers lives in the project ontology (`ontology.ttl`, prefix `mko:`).
"""

from __future__ import annotations

import logging
import re
from datetime import date
from urllib.parse import quote, urlsplit

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD
from rdflib.term import Node

from graph.rdf import vocab
from graph.rdf.rows import ArticleRow, MeetingRow, OrganisationRow, PersonRow, PlaceRow, SectorRow, StateRow
from graph.rdf.vocab import MKO, SEM

Triple = tuple[URIRef, URIRef, Node]
log = logging.getLogger(__name__)

FR = "fr"
_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def date_literal(value: str | None) -> Literal | None:
    """`YYYY-MM-DD` -> xsd:date, `YYYY-MM` -> xsd:gYearMonth, `YYYY` -> xsd:gYear; None for anything else."""
    if value is None:
        return None
    if _YEAR.match(value):
        return Literal(value, datatype=XSD.gYear)
    if _YEAR_MONTH.match(value):
        return Literal(value, datatype=XSD.gYearMonth)
    if _DAY.match(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            return None
        return Literal(value, datatype=XSD.date)
    return None


_TIME_PROPERTY = {XSD.date: TIME.inXSDDate, XSD.gYearMonth: TIME.inXSDgYearMonth, XSD.gYear: TIME.inXSDgYear}


def web_iri(url: str | None) -> URIRef | None:
    """An http(s) URL as an IRI, with spaces and other unsafe characters percent-encoded; None otherwise."""
    if url is None:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return URIRef(quote(url.strip(), safe=_URL_SAFE))


def _fr(text: str) -> Literal:
    return Literal(text, lang=FR)


def _same_as(subject: URIRef, qid: str | None) -> list[Triple]:
    iri = vocab.wikidata_iri(qid)
    return [] if iri is None else [(subject, OWL.sameAs, iri)]


def _alt_labels(subject: URIRef, name: str, labels: tuple[str, ...]) -> list[Triple]:
    return [(subject, SKOS.altLabel, _fr(label)) for label in dict.fromkeys(labels) if label != name]


def person_triples(row: PersonRow) -> list[Triple]:
    """A foaf:Person with its names, Wikidata identity and posts (org:Membership over a time:Interval)."""
    p = vocab.person_iri(row.id)
    out: list[Triple] = [
        (p, RDF.type, FOAF.Person),
        (p, RDFS.label, _fr(row.name)),
        (p, FOAF.name, Literal(row.name)),
        (p, DCTERMS.identifier, Literal(row.id)),
    ]
    out += _alt_labels(p, row.name, row.aliases)
    out += _same_as(p, row.wikidata)
    for post in row.posts:
        if post.state is not None:
            target, key = vocab.state_iri(post.state), f"state:{post.state}"
        elif post.organisation is not None:
            target, key = vocab.organisation_iri(post.organisation), f"organisation:{post.organisation}"
        else:
            continue
        m = vocab.post_iri(row.id, key, post.title, post.since, post.until)
        out += [
            (m, RDF.type, ORG.Membership),
            (m, ORG.member, p),
            (m, ORG.organization, target),
            (m, RDFS.label, _fr(post.title)),
        ]
        if post.since is None and post.until is None and post.attested:
            # a post known only from articles: bounded by the first and last day an article names it
            out += _interval(m, min(post.attested), max(post.attested))
        else:
            out += _interval(m, post.since, post.until)
        out += [(m, MKO.attestedOn, lit) for day in post.attested if (lit := date_literal(day)) is not None]
    return out


def _interval(membership: URIRef, since: str | None, until: str | None) -> list[Triple]:
    """org:memberDuring a time:Interval whose ends are time:Instants typed by their precision."""
    ends = [(TIME.hasBeginning, "begin", date_literal(since)), (TIME.hasEnd, "end", date_literal(until))]
    known = [(prop, name, lit) for prop, name, lit in ends if lit is not None]
    if not known:
        return []
    interval = URIRef(f"{membership}/interval")
    out: list[Triple] = [(membership, ORG.memberDuring, interval), (interval, RDF.type, TIME.Interval)]
    for prop, name, lit in known:
        instant = URIRef(f"{interval}/{name}")
        assert lit.datatype is not None
        out += [
            (interval, prop, instant),
            (instant, RDF.type, TIME.Instant),
            (instant, _TIME_PROPERTY[lit.datatype], lit),
        ]
    return out


def state_triples(row: StateRow) -> list[Triple]:
    """A state: a schema:Country that is also an org:FormalOrganization (its government acts in meetings)."""
    s = vocab.state_iri(row.iso3)
    out: list[Triple] = [
        (s, RDF.type, SDO.Country),
        (s, RDF.type, ORG.FormalOrganization),
        (s, RDFS.label, _fr(row.name)),
        (s, DCTERMS.identifier, Literal(row.iso3)),
    ]
    if row.name_en is not None and row.name_en != "":
        out.append((s, RDFS.label, Literal(row.name_en, lang="en")))
    return out + _same_as(s, row.wikidata)


def organisation_triples(row: OrganisationRow) -> list[Triple]:
    o = vocab.organisation_iri(row.id)
    out: list[Triple] = [
        (o, RDF.type, ORG.FormalOrganization),
        (o, RDFS.label, _fr(row.name)),
        (o, DCTERMS.identifier, Literal(row.id)),
    ]
    labels = ((row.acronym,) if row.acronym else ()) + row.aliases
    out += _alt_labels(o, row.name, labels)
    return out + _same_as(o, row.wikidata)


def place_triples(row: PlaceRow) -> list[Triple]:
    pl = vocab.place_iri(row.id)
    out: list[Triple] = [(pl, RDF.type, SEM.Place), (pl, RDFS.label, _fr(row.name))]
    out += [(pl, SDO.containedInPlace, vocab.state_iri(iso3)) for iso3 in row.states]
    return out + _same_as(pl, row.wikidata)


def sector_triples(row: SectorRow) -> list[Triple]:
    """A sector as a SKOS concept of the project's sector scheme (English labels live in ontology.ttl)."""
    c = vocab.sector_iri(row.name)
    return [
        (c, RDF.type, SKOS.Concept),
        (c, SKOS.prefLabel, _fr(row.name)),
        (c, SKOS.inScheme, MKO.sectors),
    ]


def article_triples(row: ArticleRow) -> list[Triple]:
    """A news article as a prov:Entity described with dcterms; its outlet is the publisher, its author line the
    creator (a literal: a byline names no resolvable person)."""
    a = vocab.article_iri(row.id)
    out: list[Triple] = [
        (a, RDF.type, PROV.Entity),
        (a, RDF.type, SDO.NewsArticle),
        (a, DCTERMS.identifier, Literal(row.id)),
    ]
    if row.title:
        out += [(a, DCTERMS.title, _fr(row.title)), (a, RDFS.label, _fr(row.title))]
    if row.outlet:
        outlet = vocab.outlet_iri(row.outlet)
        out += [
            (a, DCTERMS.publisher, outlet),
            (outlet, RDF.type, FOAF.Organization),
            (outlet, FOAF.name, Literal(row.outlet)),
        ]
    if row.author:
        out.append((a, DCTERMS.creator, Literal(row.author)))
    issued = date_literal(row.published)
    if issued is not None:
        out.append((a, DCTERMS.issued, issued))
    page = web_iri(row.url)
    if page is not None:
        out.append((a, FOAF.page, page))
    if row.text_sha1:
        out.append((a, MKO.textSha1, Literal(row.text_sha1)))
    out += [(a, SDO.mentions, vocab.person_iri(x)) for x in row.mentions_people]
    out += [(a, SDO.mentions, vocab.state_iri(x)) for x in row.mentions_states]
    out += [(a, SDO.mentions, vocab.organisation_iri(x)) for x in row.mentions_organisations]
    return out


def meeting_label(row: MeetingRow) -> Literal:
    """A readable French label: the type's label and the date (e.g. "rencontre bilatérale, 2024-02-28")."""
    type_fr = vocab.MEETING_TYPES.get(row.type, (row.type, row.type))[0]
    return _fr(f"{type_fr}, {row.date}" if row.date else f"{type_fr}, date inconnue")


def meeting_triples(row: MeetingRow) -> list[Triple]:
    """A sem:Event with type, actors (people and states), place, time stamp, topics, frame and provenance."""
    m = vocab.meeting_iri(row.id)
    out: list[Triple] = [
        (m, RDF.type, SEM.Event),
        (m, RDF.type, PROV.Entity),
        (m, SEM.eventType, vocab.meeting_type_iri(row.type)),
        (m, RDFS.label, meeting_label(row)),
        (m, DCTERMS.identifier, Literal(row.id)),
    ]
    stamp = date_literal(row.date)
    if stamp is not None:
        out.append((m, SEM.hasTimeStamp, stamp))
    elif row.date is not None:
        log.warning(
            "meeting %s: date %r is not YYYY, YYYY-MM or YYYY-MM-DD; exported without a time stamp", row.id, row.date
        )
    if row.summary:
        out.append((m, DCTERMS.description, _fr(row.summary)))
    if row.confidence is not None:
        out.append((m, MKO.confidence, Literal(float(row.confidence))))
    for attendee in row.attendees:
        person = vocab.person_iri(attendee.person)
        out.append((m, SEM.hasActor, person))
        if attendee.role:
            part = vocab.participation_iri(row.id, attendee.person)
            out += [
                (m, MKO.hasParticipation, part),
                (part, RDF.type, MKO.Participation),
                (part, MKO.participant, person),
                (part, MKO.roleTitle, _fr(attendee.role)),
            ]
    for rep in row.states:
        state = vocab.state_iri(rep.state)
        out.append((m, SEM.hasActor, state))
        if rep.host:
            out.append((m, MKO.host, state))
    out += [(m, SEM.hasPlace, vocab.place_iri(x)) for x in row.places]
    out += [(m, DCTERMS.subject, vocab.sector_iri(x)) for x in row.sectors]
    out += [(m, MKO.inFrameOf, vocab.organisation_iri(x)) for x in row.organisations]
    for report in row.reports:
        article = vocab.article_iri(report.article)
        d = vocab.derivation_iri(row.id, report.article)
        out += [
            (m, PROV.wasDerivedFrom, article),
            (m, PROV.qualifiedDerivation, d),
            (d, RDF.type, PROV.Derivation),
            (d, PROV.entity, article),
        ]
        if report.evidence:
            out.append((d, MKO.evidence, _fr(report.evidence)))
        if report.confidence is not None:
            out.append((d, MKO.confidence, Literal(float(report.confidence))))
    return out
