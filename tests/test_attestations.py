"""Posts named by articles (queries/write/attest_roles.cypher) on a real Neo4j: one ATTESTS relationship per article
and post with the article's day, HOLDS.attested the post's distinct days, through re-ingest, a corrected version,
retraction, a merge of people, and the conversion of graphs written with the former HOLDS.attested_in lists."""

from __future__ import annotations

from typing import Any

import neo4j
import pytest
from ingest_builders import extraction, meeting

from graph.judgements import JudgementIn
from graph.retraction import retract
from graph.review import record
from graph.schema import apply_schema
from graph.writer import GraphWriter
from ingest.curation import load_reference
from ingest.models import Extraction

DATABASE = "neo4j"
DIOP = {"id": "abdoulaye-diop", "name": "Abdoulaye Diop"}
GROMYKO = {"id": "igor-gromyko", "name": "Igor Gromyko", "roles": [{"title": "Ambassadeur", "represents": "RUS"}]}
GROMYKO_BIS = {"id": "i-gromyko", "name": "I. Gromyko", "roles": [{"title": "Ambassadeur", "represents": "RUS"}]}


@pytest.fixture
def writer(driver: neo4j.Driver) -> GraphWriter:
    apply_schema(driver, DATABASE)
    return GraphWriter(driver, DATABASE, load_reference())


def _article(doc: str, day: str, gromyko: dict[str, Any] = GROMYKO, *, text: str = "") -> Extraction:
    return extraction(
        doc,
        [meeting(day, ["abdoulaye-diop", gromyko["id"]], ["MLI", "RUS"], f"Audience du {day}.{text}", type="audience")],
        people=[DIOP, gromyko],
        published=day,
        text_sha1=f"sha1-{doc}{text}",
    )


def _attests(driver: neo4j.Driver) -> list[tuple[str, str, str, str, str]]:
    records, _, _ = driver.execute_query(
        "MATCH (a:Article)-[x:ATTESTS]->(p:Person) RETURN a.url AS url, p.id AS person, x.title AS title, x.of AS of,"
        " x.day AS day ORDER BY url, person",
        database_=DATABASE,
    )
    return [(r["url"].rsplit("/", 1)[1], r["person"], r["title"], r["of"], r["day"]) for r in records]


def _posts(driver: neo4j.Driver) -> dict[str, Any]:
    records, _, _ = driver.execute_query(
        "MATCH (p:Person)-[h:HOLDS]->(t:State) RETURN p.id AS person, h.title AS title, h.attested AS attested, "
        "h.attested_in IS NULL AND h.attested_on IS NULL AS no_lists ORDER BY person, title",
        database_=DATABASE,
    )
    assert all(r["no_lists"] for r in records)
    # the posts articles attest (the gazetteer's posts of these people carry no days)
    return {f"{r['person']}/{r['title']}": r["attested"] for r in records if r["attested"]}


def test_each_article_attests_its_posts_with_its_day(driver: neo4j.Driver, writer: GraphWriter) -> None:
    docs = [_article("g1", "2024-06-10"), _article("g2", "2024-03-01"), _article("g3", "2024-06-10")]
    writer.write(docs[0])
    for outcome in writer.write_many(docs[1:]):  # two articles of one batch naming one post both count
        assert not outcome.failures
    expected = [
        ("g1", "igor-gromyko", "ambassadeur", "RUS", "2024-06-10"),
        ("g2", "igor-gromyko", "ambassadeur", "RUS", "2024-03-01"),
        ("g3", "igor-gromyko", "ambassadeur", "RUS", "2024-06-10"),
    ]
    assert _attests(driver) == expected
    assert _posts(driver) == {"igor-gromyko/ambassadeur": ["2024-03-01", "2024-06-10"]}

    for outcome in writer.write_many(docs):  # re-ingest: nothing changes
        assert not outcome.failures
    assert _attests(driver) == expected
    assert _posts(driver) == {"igor-gromyko/ambassadeur": ["2024-03-01", "2024-06-10"]}

    # A corrected version of g2 (same URL, new text, another day) replaces its day, and the post's days follow.
    writer.write(_article("g2", "2024-04-02", text=" Corrigé."))
    assert ("g2", "igor-gromyko", "ambassadeur", "RUS", "2024-04-02") in _attests(driver)
    assert _posts(driver) == {"igor-gromyko/ambassadeur": ["2024-04-02", "2024-06-10"]}

    # Retracting g1 leaves g3's attestation of the same day; retracting g3 too removes the day.
    retract(driver, DATABASE, "https://example.org/g1")
    assert _posts(driver) == {"igor-gromyko/ambassadeur": ["2024-04-02", "2024-06-10"]}
    retract(driver, DATABASE, "https://example.org/g3")
    assert _attests(driver) == [("g2", "igor-gromyko", "ambassadeur", "RUS", "2024-04-02")]
    assert _posts(driver) == {"igor-gromyko/ambassadeur": ["2024-04-02"]}


def test_merged_people_keep_their_attestations(driver: neo4j.Driver, writer: GraphWriter) -> None:
    for doc in (_article("g1", "2024-06-10"), _article("g2", "2024-03-01", GROMYKO_BIS)):
        writer.write(doc)
    judgement = JudgementIn(
        kind="merge_people", author="test", reason="one person", person="i-gromyko", into="igor-gromyko"
    )
    record(driver, DATABASE, judgement)
    assert _attests(driver) == [
        ("g1", "igor-gromyko", "ambassadeur", "RUS", "2024-06-10"),
        ("g2", "igor-gromyko", "ambassadeur", "RUS", "2024-03-01"),
    ]
    assert _posts(driver) == {"igor-gromyko/ambassadeur": ["2024-03-01", "2024-06-10"]}


def test_attestation_lists_of_older_graphs_become_relationships(driver: neo4j.Driver, writer: GraphWriter) -> None:
    for doc in (_article("g1", "2024-06-10"), _article("g2", "2024-03-01"), _article("g3", "2024-06-10")):
        writer.write(doc)
    written = _attests(driver)
    # The graph as the former writer left it: the post's articles and days in lists, no ATTESTS.
    driver.execute_query(
        """
        MATCH (a:Article)-[x:ATTESTS]->(p:Person)-[h:HOLDS]->(t:State)
        WHERE h.title = x.title AND t.iso3 = x.of
        WITH h, x, a ORDER BY a.id
        WITH h, collect(a.id) AS ins, collect(x.day) AS ons, collect(x) AS gone
        SET h.attested_in = ins, h.attested_on = ons
        FOREACH (x IN gone | DELETE x)
        """,
        database_=DATABASE,
    )
    assert _attests(driver) == []
    apply_schema(driver, DATABASE)
    assert _attests(driver) == written
    assert _posts(driver) == {"igor-gromyko/ambassadeur": ["2024-03-01", "2024-06-10"]}
    apply_schema(driver, DATABASE)  # again: nothing changes
    assert _attests(driver) == written
