"""The RDF export against the real Neo4j: a synthetic graph, exported in pages, in every format."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import neo4j
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SKOS, XSD

from bench.synthetic_graph import person_id, write_synthetic_graph
from graph.rdf.export import iter_chunks, write_export
from graph.rdf.filters import ExportFilter
from graph.rdf.serialize import FORMATS, Format
from graph.rdf.validate import validate_graph
from graph.rdf.vocab import SEM, meeting_type_iri, person_iri, sector_iri, state_iri
from ingest.curation import load_reference

if TYPE_CHECKING:
    from conftest import Neo4jServer

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

REFERENCE = load_reference()

MEETINGS = 240


def export_graph(driver: neo4j.Driver, database: str, fmt: Format, flt: ExportFilter | None = None) -> Graph:
    text = "".join(iter_chunks(driver, database, fmt, REFERENCE, flt, batch_size=37))
    return Graph().parse(data=text, format=fmt)


@pytest.fixture
def synthetic(driver: neo4j.Driver, neo4j_server: Neo4jServer) -> tuple[neo4j.Driver, str]:
    write_synthetic_graph(driver, neo4j_server.database, MEETINGS, batch_size=100)
    return driver, neo4j_server.database


def test_full_export_is_complete_valid_and_the_same_in_every_format(synthetic: tuple[neo4j.Driver, str]) -> None:
    driver, database = synthetic
    graphs = {fmt: export_graph(driver, database, fmt) for fmt in FORMATS}
    nt = graphs["nt"]
    assert len(set(nt.subjects(RDF.type, SEM.Event))) == MEETINGS
    for fmt in ("turtle", "json-ld"):
        assert isomorphic(graphs[fmt], nt), fmt
    report = validate_graph(nt)
    assert report.conforms, report.text[:3000]


def test_exporting_twice_gives_the_same_bytes(synthetic: tuple[neo4j.Driver, str]) -> None:
    driver, database = synthetic
    first = "".join(iter_chunks(driver, database, "turtle", REFERENCE, batch_size=50))
    second = "".join(iter_chunks(driver, database, "turtle", REFERENCE, batch_size=50))
    assert first == second
    assert isomorphic(Graph().parse(data=first, format="turtle"), export_graph(driver, database, "turtle"))


def test_page_size_does_not_change_the_export(synthetic: tuple[neo4j.Driver, str]) -> None:
    driver, database = synthetic
    small = Graph().parse(data="".join(iter_chunks(driver, database, "nt", REFERENCE, batch_size=7)), format="nt")
    large = Graph().parse(data="".join(iter_chunks(driver, database, "nt", REFERENCE, batch_size=5000)), format="nt")
    assert isomorphic(small, large)


def test_entity_filter_keeps_only_meetings_involving_it(synthetic: tuple[neo4j.Driver, str]) -> None:
    driver, database = synthetic
    who = person_id(3)
    g = export_graph(driver, database, "nt", ExportFilter.parse(entity=who))
    meetings = set(g.subjects(RDF.type, SEM.Event))
    assert meetings
    assert all((m, SEM.hasActor, person_iri(who)) in g for m in meetings)
    full = export_graph(driver, database, "nt")
    expected = {m for m in full.subjects(RDF.type, SEM.Event) if (m, SEM.hasActor, person_iri(who)) in full}
    assert meetings == expected
    assert validate_graph(g).conforms


def test_state_and_date_filters(synthetic: tuple[neo4j.Driver, str]) -> None:
    driver, database = synthetic
    g = export_graph(driver, database, "nt", ExportFilter.parse(entity="RUS", date_from="2018-03", date_to="2020"))
    meetings = set(g.subjects(RDF.type, SEM.Event))
    assert meetings
    for m in meetings:
        assert (m, SEM.hasActor, state_iri("RUS")) in g
        stamp = g.value(m, SEM.hasTimeStamp)
        assert stamp is not None and stamp.datatype in (XSD.date, XSD.gYearMonth, XSD.gYear)
        assert "2018-03" <= str(stamp)[: len("2018-03")] or str(stamp) == "2018"
        assert str(stamp)[:4] <= "2020"
    report = validate_graph(g)
    assert report.conforms, report.text[:3000]


def test_write_export_counts_triples(synthetic: tuple[neo4j.Driver, str]) -> None:
    driver, database = synthetic
    out = io.StringIO()
    pages: list[int] = []
    stats = write_export(
        driver, database, "nt", out, REFERENCE, batch_size=60, on_batch=lambda s: pages.append(s.triples)
    )
    assert stats.triples >= len(Graph().parse(data=out.getvalue(), format="nt"))
    assert len(pages) > MEETINGS // 60
    assert URIRef(person_iri(person_id(1))).startswith("https://malikg.org/id/person/personne-0000001-sergue%C3%AF")


def run_malikg(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    malikg = Path(sys.executable).with_name("malikg")
    return subprocess.run([str(malikg), *args], env=env, capture_output=True, text=True, timeout=300)


def test_cli_exports_to_a_file_and_validates_it(
    synthetic: tuple[neo4j.Driver, str], neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    driver, database = synthetic
    out = tmp_path / "export.jsonld"
    done = run_malikg(["export", "rdf", "--format", "json-ld", "--out", str(out), "--entity", "RUS"], neo4j_env)
    assert done.returncode == 0, done.stderr
    assert "triples" in done.stderr
    expected = export_graph(driver, database, "json-ld", ExportFilter.parse(entity="RUS"))
    assert isomorphic(Graph().parse(out, format="json-ld"), expected)
    checked = run_malikg(["export", "validate", str(out)], neo4j_env)
    assert checked.returncode == 0, checked.stdout
    assert "Conforms: True" in checked.stdout

    stdout = run_malikg(["export", "rdf", "--format", "nt", "--from", "2024"], neo4j_env)
    assert stdout.returncode == 0, stdout.stderr
    assert isomorphic(
        Graph().parse(data=stdout.stdout, format="nt"),
        export_graph(driver, database, "nt", ExportFilter.parse(date_from="2024")),
    )


def test_cli_rejects_a_bad_date_and_reports_invalid_files(neo4j_env: dict[str, str], tmp_path: Path) -> None:
    bad = run_malikg(["export", "rdf", "--from", "2024-02-30"], neo4j_env)
    assert bad.returncode == 2
    assert "2024-02-30" in bad.stderr
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .\n<https://malikg.org/id/meeting/x> a sem:Event .\n",
        encoding="utf-8",
    )
    checked = run_malikg(["export", "validate", str(broken)], neo4j_env)
    assert checked.returncode == 1
    assert "Conforms: False" in checked.stdout


def test_export_with_the_ontology_is_self_describing_and_valid(synthetic: tuple[neo4j.Driver, str]) -> None:
    driver, database = synthetic
    text = "".join(iter_chunks(driver, database, "turtle", REFERENCE, batch_size=100, include_ontology=True))
    g = Graph().parse(data=text, format="turtle")
    assert (sector_iri("défense"), SKOS.prefLabel, Literal("defence", lang="en")) in g
    assert (meeting_type_iri("phone_call"), SKOS.prefLabel, Literal("phone call", lang="en")) in g
    report = validate_graph(g)
    assert report.conforms, report.text[:3000]
