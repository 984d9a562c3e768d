"""The RDF export of the seed corpus: valid, the same in every format, and answering SPARQL like Cypher does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import neo4j
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from core.settings import REPO_ROOT
from graph.queries import load_query
from graph.rdf.export import iter_chunks
from graph.rdf.filters import ExportFilter
from graph.rdf.serialize import FORMATS
from graph.rdf.validate import validate_graph
from ingest.curation import load_reference

if TYPE_CHECKING:
    from conftest import Neo4jServer

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

REFERENCE = load_reference()

SEEDS = REPO_ROOT / "tests" / "data" / "seed-articles"
DIOP_LAVROV_DATES = {"2023-09", "2024-02-28", "2024-08-01", "2024-09-26"}

# Every meeting both people attended, with its date, type and the outlets that report it.
CONTACTS_SPARQL = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX mko: <https://malikg.org/ontology#>
SELECT ?id ?date ?type (COUNT(DISTINCT ?article) AS ?sources) WHERE {
  ?a foaf:name ?name_a . FILTER(CONTAINS(?name_a, "Diop") && CONTAINS(?name_a, "Abdoulaye"))
  ?b foaf:name ?name_b . FILTER(CONTAINS(?name_b, "Lavrov"))
  ?m a sem:Event ; dcterms:identifier ?id ; sem:hasActor ?a, ?b ; sem:eventType ?type ;
     prov:qualifiedDerivation [ prov:entity ?article ; mko:evidence ?evidence ] .
  OPTIONAL { ?m sem:hasTimeStamp ?date }
}
GROUP BY ?id ?date ?type
ORDER BY ?date
"""


def ingest_seeds(env: dict[str, str]) -> None:
    malikg = Path(sys.executable).with_name("malikg")
    done = subprocess.run(
        [str(malikg), "ingest", str(SEEDS)], env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stderr[-3000:]


def person_id(driver: neo4j.Driver, database: str, name_part: str) -> str:
    records, _, _ = driver.execute_query(
        "MATCH (p:Person) WHERE p.name CONTAINS $part RETURN p.id AS id", part=name_part, database_=database
    )
    assert len(records) == 1, [r["id"] for r in records]
    return str(records[0]["id"])


def test_seed_export_validates_and_answers_sparql_like_cypher(
    driver: neo4j.Driver, neo4j_server: Neo4jServer, neo4j_env: dict[str, str]
) -> None:
    assert SEEDS.is_dir(), f"{SEEDS} is missing"
    ingest_seeds(neo4j_env)
    database = neo4j_server.database

    graphs = {
        fmt: Graph().parse(data="".join(iter_chunks(driver, database, fmt, REFERENCE, batch_size=3)), format=fmt)
        for fmt in FORMATS
    }
    assert isomorphic(graphs["turtle"], graphs["nt"])
    assert isomorphic(graphs["json-ld"], graphs["nt"])
    report = validate_graph(graphs["turtle"])
    assert report.conforms, report.text[:4000]

    rows = list(graphs["turtle"].query(CONTACTS_SPARQL))
    sparql_ids = {str(row[0]) for row in rows}
    sparql_dates = {str(row[1]) for row in rows}
    assert sparql_dates == DIOP_LAVROV_DATES
    assert all(int(row[3]) >= 1 for row in rows)

    diop, lavrov = person_id(driver, database, "Diop"), person_id(driver, database, "Lavrov")
    records, _, _ = driver.execute_query(
        load_query("list_contacts"),
        {"a_kind": "person", "a_key": diop, "b_kind": "person", "b_key": lavrov}
        | {"from": None, "to": None, "offset": 0, "limit": 100},
        database_=database,
        routing_=neo4j.RoutingControl.READ,
    )
    assert set(records[0]["meeting_ids"]) == sparql_ids

    # The entity filter keeps these four meetings (and others of Diop's), all valid on their own.
    filtered = Graph().parse(
        data="".join(iter_chunks(driver, database, "nt", REFERENCE, ExportFilter.parse(entity=lavrov))), format="nt"
    )
    assert {str(row[0]) for row in filtered.query(CONTACTS_SPARQL)} == sparql_ids
    assert validate_graph(filtered).conforms
