"""The RDF mapping on rows built by hand: IRIs, datatypes, vocabularies, serialisations and SHACL validity."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, TIME, XSD

from graph.rdf import mapping, vocab
from graph.rdf.rows import (
    ArticleRow,
    AttendeeRow,
    MeetingRow,
    OrganisationRow,
    PersonRow,
    PlaceRow,
    PostRow,
    ReportRow,
    RepresentationRow,
    SectorRow,
    StateRow,
)
from graph.rdf.serialize import FORMATS, JsonLdWriter, NTriplesWriter, Triple, TurtleWriter, writer_for
from graph.rdf.validate import validate_graph
from graph.rdf.vocab import MKO, SEM

# rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally (deprecated in rdflib 7).
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

DIOP = PersonRow(
    id="abdoulaye-diop",
    name="Abdoulaye Diop",
    aliases=("Abdoulaye DIOP", "Diop", "Abdoulaye Diop"),
    wikidata="Q4666543",
    posts=(PostRow(title="ministre des Affaires étrangères", state="MLI", since="2021-06"),),
)
LAVROV = PersonRow(
    id="sergueï-lavrov",
    name="Sergueï Lavrov",
    aliases=("Serguei Lavrov",),
    posts=(PostRow(title="ministre des Affaires étrangères", state="RUS", since="2004-03-09", until=None),),
)
MALI = StateRow(iso3="MLI", name="Mali", name_en="Mali", wikidata="Q912")
RUSSIA = StateRow(iso3="RUS", name="Russie", name_en="Russia", wikidata="http://www.wikidata.org/entity/Q159")
UN = OrganisationRow(id="onu", name="Organisation des Nations unies", acronym="ONU", aliases=("Nations unies",))
MOSCOW = PlaceRow(id="moscou", name="Moscou", states=("RUS",))
ARTICLE = ArticleRow(
    id="a1",
    url="https://example.org/actu/diop à moscou",
    title="Diop à Moscou",
    outlet="Mali Web",
    author="Aminata Traoré",
    published="2024-02-29",
    mentions_people=("abdoulaye-diop",),
    mentions_states=("RUS",),
)
MEETING = MeetingRow(
    id="m-2024-02-28",
    type="bilateral_meeting",
    date="2024-02-28",
    date_precision="day",
    summary='Entretien Diop–Lavrov à Moscou\t« 2+2 » \\ "citation" \x01 fin',
    confidence=0.9,
    attendees=(AttendeeRow("abdoulaye-diop", "ministre des Affaires étrangères"), AttendeeRow("sergueï-lavrov")),
    states=(RepresentationRow("MLI"), RepresentationRow("RUS", host=True)),
    places=("moscou",),
    sectors=("défense", "sécurité"),
    organisations=("onu",),
    reports=(ReportRow("a1", "Abdoulaye Diop a rencontré « Sergueï Lavrov »\nà Moscou.", 0.85),),
)
PHONE_CALL = MeetingRow(
    id="m-2024-08",
    type="phone_call",
    date="2024-08",
    date_precision="month",
    attendees=(AttendeeRow("abdoulaye-diop"),),
    states=(RepresentationRow("MLI"),),
    reports=(ReportRow("a1", "entretien téléphonique"),),
)


def sample_triples() -> list[Triple]:
    """Every mapper over the hand-built rows."""
    out: list[Triple] = []
    out += mapping.person_triples(DIOP) + mapping.person_triples(LAVROV)
    out += mapping.state_triples(MALI) + mapping.state_triples(RUSSIA)
    out += mapping.organisation_triples(UN) + mapping.place_triples(MOSCOW)
    out += mapping.sector_triples(SectorRow("défense")) + mapping.sector_triples(SectorRow("sécurité"))
    out += mapping.article_triples(ARTICLE)
    out += mapping.meeting_triples(MEETING) + mapping.meeting_triples(PHONE_CALL)
    return out


def graph_of(triples: list[Triple]) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


def assert_isomorphic(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail(
            f"graphs differ\nonly in first:\n{only_a.serialize(format='nt')}"
            f"\nonly in second:\n{only_b.serialize(format='nt')}"
        )


def test_iris_are_stable_and_percent_encoded() -> None:
    assert vocab.person_iri("sergueï-lavrov") == URIRef("https://malikg.org/id/person/sergue%C3%AF-lavrov")
    assert vocab.state_iri("MLI") == URIRef("https://malikg.org/id/state/MLI")
    assert vocab.sector_iri("défense") == URIRef("https://malikg.org/id/sector/d%C3%A9fense")
    assert vocab.sector_iri("Sécurité ") == vocab.sector_iri("sécurité")
    assert vocab.meeting_iri("a/b c") == URIRef("https://malikg.org/id/meeting/a%2Fb%20c")
    assert vocab.post_iri("x", "state:MLI", "t", None, None) == vocab.post_iri("x", "state:MLI", "t", None, None)
    assert vocab.post_iri("x", "state:MLI", "t", "2020", None) != vocab.post_iri("x", "state:MLI", "t", None, None)
    assert vocab.wikidata_iri("Q159") == URIRef("http://www.wikidata.org/entity/Q159")
    assert vocab.wikidata_iri("not a qid") is None


@pytest.mark.parametrize(
    ("value", "datatype"),
    [
        ("2024-02-28", XSD.date),
        ("2023-09", XSD.gYearMonth),
        ("2023", XSD.gYear),
        ("2024-02-30", None),
        ("2024-13", None),
    ],
)
def test_date_literal_is_typed_by_precision(value: str, datatype: URIRef | None) -> None:
    lit = mapping.date_literal(value)
    assert (lit.datatype if lit is not None else None) == datatype
    if lit is not None:
        assert str(lit) == value


def test_meeting_mapping_uses_sem_prov_and_the_project_ontology() -> None:
    g = graph_of(mapping.meeting_triples(MEETING))
    m = vocab.meeting_iri(MEETING.id)
    assert (m, RDF.type, SEM.Event) in g
    assert g.value(m, SEM.eventType) == vocab.meeting_type_iri("bilateral_meeting")
    assert g.value(m, SEM.hasTimeStamp) == Literal("2024-02-28", datatype=XSD.date)
    assert set(g.objects(m, SEM.hasActor)) == {
        vocab.person_iri("abdoulaye-diop"),
        vocab.person_iri("sergueï-lavrov"),
        vocab.state_iri("MLI"),
        vocab.state_iri("RUS"),
    }
    assert g.value(m, MKO.host) == vocab.state_iri("RUS")
    assert g.value(m, SEM.hasPlace) == vocab.place_iri("moscou")
    assert g.value(m, PROV.wasDerivedFrom) == vocab.article_iri("a1")
    derivation = g.value(m, PROV.qualifiedDerivation)
    assert g.value(derivation, PROV.entity) == vocab.article_iri("a1")
    assert str(g.value(derivation, MKO.evidence)).startswith("Abdoulaye Diop a rencontré")
    assert g.value(m, RDFS.label) == Literal("rencontre bilatérale, 2024-02-28", lang="fr")
    # Only attendees with a title get a participation node.
    assert len(list(g.objects(m, MKO.hasParticipation))) == 1


def test_person_state_and_post_mapping() -> None:
    g = graph_of(mapping.person_triples(DIOP) + mapping.state_triples(RUSSIA))
    p = vocab.person_iri("abdoulaye-diop")
    assert (p, RDF.type, FOAF.Person) in g
    assert g.value(p, RDFS.label) == Literal("Abdoulaye Diop", lang="fr")
    assert g.value(p, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q4666543")
    assert Literal("Abdoulaye Diop", lang="fr") not in set(g.objects(p, vocab.SKOS.altLabel))
    post = g.value(predicate=ORG.member, object=p)
    assert g.value(post, ORG.organization) == vocab.state_iri("MLI")
    begin = g.value(g.value(post, ORG.memberDuring), TIME.hasBeginning)
    assert g.value(begin, TIME.inXSDgYearMonth) == Literal("2021-06", datatype=XSD.gYearMonth)
    russia = vocab.state_iri("RUS")
    assert {(russia, RDF.type, SDO.Country), (russia, RDF.type, ORG.FormalOrganization)} <= set(g)
    assert g.value(russia, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q159")


def test_article_url_is_an_escaped_iri() -> None:
    g = graph_of(mapping.article_triples(ARTICLE))
    page = g.value(vocab.article_iri("a1"), FOAF.page)
    assert page == URIRef("https://example.org/actu/diop%20%C3%A0%20moscou")
    assert mapping.web_iri("javascript:alert(1)") is None


def test_article_author_line_is_a_dcterms_creator_literal() -> None:
    article = vocab.article_iri("a1")
    g = graph_of(mapping.article_triples(ARTICLE))
    assert list(g.objects(article, DCTERMS.creator)) == [Literal("Aminata Traoré")]
    unsigned = graph_of(mapping.article_triples(ArticleRow(id="a1")))
    assert list(unsigned.objects(article, DCTERMS.creator)) == []
    g.add((article, DCTERMS.creator, vocab.person_iri("abdoulaye-diop")))  # not a literal, and a second one
    report = validate_graph(graph_of(sample_triples()) + g)
    assert not report.conforms and "author line" in report.text


def run_writer(fmt: str, batches: list[list[Triple]]) -> str:
    writer = writer_for(fmt)  # type: ignore[arg-type]
    return writer.header() + "".join(writer.batch(b) for b in batches) + writer.footer()


PARSE_FORMAT = {"turtle": "turtle", "json-ld": "json-ld", "nt": "nt"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_round_trips_in_batches(fmt: str) -> None:
    triples = sample_triples()
    expected = graph_of(triples)
    batches = [triples[:7], triples[7:40], triples[40:41], [], triples[41:]]
    text = run_writer(fmt, batches)
    parsed = Graph().parse(data=text, format=PARSE_FORMAT[fmt])
    assert_isomorphic(parsed, expected)
    assert run_writer(fmt, batches) == text  # byte-identical when run twice


def test_turtle_declares_prefixes_once_at_the_top() -> None:
    triples = sample_triples()
    text = run_writer("turtle", [triples[:20], triples[20:]])
    prefix_lines = [i for i, line in enumerate(text.splitlines()) if line.startswith("@prefix")]
    assert prefix_lines == list(range(len(prefix_lines)))
    assert "person:abdoulaye-diop" in text
    assert "person:sergue%C3%AF-lavrov" in text


def test_jsonld_is_one_document_with_a_streamed_graph_array() -> None:
    writer = JsonLdWriter()
    triples = sample_triples()
    text = writer.header() + writer.batch(triples[:30]) + writer.batch(triples[30:]) + writer.footer()
    doc = json.loads(text)
    assert set(doc) == {"@context", "@graph"}
    ids = [node["@id"] for node in doc["@graph"]]
    assert "person:abdoulaye-diop" in ids


def test_ntriples_escapes_newlines_in_evidence() -> None:
    text = NTriplesWriter().batch(mapping.meeting_triples(MEETING))
    assert all(line.endswith(" .") for line in text.splitlines())
    assert "\\n" in text


def test_hand_built_graph_conforms_to_the_shapes() -> None:
    report = validate_graph(graph_of(sample_triples()))
    assert report.conforms, report.text


def test_shapes_reject_a_meeting_without_actor_type_or_evidence() -> None:
    broken = MeetingRow(id="bad", type="picnic", date="2024", reports=(ReportRow("a1", None),))
    g = graph_of(sample_triples() + mapping.meeting_triples(broken))
    g.add((vocab.meeting_iri("bad"), SEM.hasTimeStamp, Literal("2024-02", datatype=XSD.gYearMonth)))
    report = validate_graph(g)
    assert not report.conforms
    for message in ("exactly one type", "at least one actor", "at most one time stamp", "evidence"):
        assert message in report.text


def test_shapes_reject_a_person_without_label() -> None:
    g = graph_of(sample_triples())
    g.remove((vocab.person_iri("abdoulaye-diop"), RDFS.label, None))
    report = validate_graph(g)
    assert not report.conforms
    assert "one French label" in report.text


def test_writer_rejects_unknown_format() -> None:
    with pytest.raises(ValueError, match="turtle"):
        writer_for("rdfxml")  # type: ignore[arg-type]


def test_turtle_writer_is_a_writer() -> None:
    assert TurtleWriter().header().count("@prefix") == len(vocab.PREFIXES)
