"""GraphWriter against the real Neo4j: idempotence, one meeting per real event, reposts, HOLDS, failure isolation."""

from __future__ import annotations

import logging

import neo4j
import pytest
from ingest_builders import DL, counts, extraction, meeting, meetings_of, snapshot
from neo4j.exceptions import Neo4jError

import graph.writer
from graph.queries import load_query
from graph.rows import BatchRows
from graph.schema import apply_schema
from graph.writer import MEMORY_POOL_FULL, GraphWriter, WriteResult
from ingest.curation import load_reference
from ingest.models import Extraction, Person

DATABASE = "neo4j"


@pytest.fixture
def writer(driver: neo4j.Driver) -> GraphWriter:
    return GraphWriter(driver, DATABASE, load_reference())


def _corpus() -> list[Extraction]:
    return [
        extraction(
            "a1",
            [
                meeting(
                    "2024-02-28",
                    [*DL, "sadio-camara"],
                    ["MLI", "RUS"],
                    "Diop et Camara ont rencontré Lavrov ce mercredi 28 février à Moscou.",
                    place="Moscou",
                    place_state="RUS",
                    hosts=["RUS"],
                    topics=["défense", "sécurité"],
                    roles={"sadio-camara": "colonel"},
                )
            ],
        ),
        extraction(
            "a2",
            [
                meeting(
                    "2024-02",
                    DL,
                    ["MLI", "RUS"],
                    "En février, Abdoulaye Diop a été reçu par Sergueï Lavrov à Moscou.",
                    confidence=0.6,
                )
            ],
        ),
        extraction(
            "a3",
            [
                meeting("2023-06-14", ["abdoulaye-diop"], ["MLI", "RUS"], "Diop avec l'ambassadeur russe."),
                meeting("2023-06-14", ["abdoulaye-diop"], ["MLI", "DZA"], "Diop avec l'ambassadeur algérien."),
            ],
        ),
        extraction("a4", [meeting(None, DL, ["MLI", "RUS"], "Les deux ministres se sont parlé.", type="phone_call")]),
    ]


def test_reingest_changes_no_count_and_no_value(writer: GraphWriter, driver: neo4j.Driver) -> None:
    first = sum((writer.write(e) for e in _corpus()), start=WriteResult())
    assert first.nodes_created > 0
    before = snapshot(driver)
    again = [o for o in writer.write_many(_corpus(), batch_size=3)]
    assert all(not o.failures for o in again)
    assert sum(o.result.nodes_created for o in again) == 0
    assert sum(o.result.relationships_created for o in again) == 0
    for e in _corpus():
        assert writer.write(e).nodes_created == 0
    assert snapshot(driver) == before


def test_batched_and_one_by_one_writes_build_the_same_graph(writer: GraphWriter, driver: neo4j.Driver) -> None:
    for e in _corpus():
        writer.write(e)
    one_by_one = (counts(driver), [{k: v for k, v in m.items() if k != "id"} for m in meetings_of(driver)])
    driver.execute_query("MATCH (n) DETACH DELETE n")
    outcomes = list(writer.write_many(_corpus(), batch_size=10))
    assert [o.written for o in outcomes] == [["a1", "a2", "a3", "a4"]]
    batched = (counts(driver), [{k: v for k, v in m.items() if k != "id"} for m in meetings_of(driver)])
    assert batched == one_by_one


def test_same_day_reports_make_one_meeting_with_two_sourced_reports(writer: GraphWriter, driver: neo4j.Driver) -> None:
    writer.write(extraction("x", [meeting("2024-08-01", DL, ["MLI", "RUS"], "Lavrov s'est entretenu avec Diop.")]))
    writer.write(
        extraction(
            "y",
            [
                meeting(
                    "2024-08-01",
                    DL,
                    ["MLI", "RUS"],
                    "Entretien téléphonique Diop-Lavrov.",
                    type="phone_call",
                    confidence=0.95,
                )
            ],
        )
    )
    [found] = meetings_of(driver)
    assert found["people"] == DL and found["states"] == ["MLI", "RUS"]
    assert found["reports"] == [
        ["https://example.org/x", "Lavrov s'est entretenu avec Diop."],
        ["https://example.org/y", "Entretien téléphonique Diop-Lavrov."],
    ]
    assert found["type"] == "phone_call"  # the more confident report decides the type


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0)])
def test_reports_naming_other_places_keep_each_and_read_as_one_record(
    writer: GraphWriter, driver: neo4j.Driver, order: tuple[int, ...]
) -> None:
    docs = [
        extraction(name, [meeting("2024-03-05", DL, ["MLI", "RUS"], f"Diop et Lavrov ({name}).", place=place)])
        for name, place in (("p1", "Sotchi"), ("p2", "Moscou"), ("p3", "Moscou"))
    ]
    for i in order:
        writer.write(docs[i])
    [found] = meetings_of(driver)
    assert sorted(found["places"]) == ["Moscou", "Sotchi"]  # every report's place stays in the graph
    records, _, _ = driver.execute_query(load_query("get_meetings"), ids=[found["id"], found["id"]])
    # one record per requested id, with the place named by most articles, whatever the order of ingestion
    assert [r["place"]["name"] for r in records] == ["Moscou", "Moscou"]
    writer.write(docs[1])  # re-ingesting a report does not count it twice
    records, _, _ = driver.execute_query(load_query("get_meetings"), ids=[found["id"]])
    assert records[0]["place"]["name"] == "Moscou"


@pytest.mark.parametrize("order", [("month", "day"), ("day", "month")])
def test_month_and_day_reports_merge_and_keep_the_day(
    writer: GraphWriter, driver: neo4j.Driver, order: tuple[str, str]
) -> None:
    docs = {
        "month": extraction("month", [meeting("2024-02", DL, ["MLI", "RUS"], "En février, Diop et Lavrov.")]),
        "day": extraction("day", [meeting("2024-02-28", [*DL, "sadio-camara"], ["MLI", "RUS"], "Le 28 février.")]),
    }
    for name in order:
        writer.write(docs[name])
    [found] = meetings_of(driver)
    assert (found["date"], found["precision"]) == ("2024-02-28", "day")
    assert found["people"] == ["abdoulaye-diop", "sadio-camara", "sergueï-lavrov"]
    assert [url for url, _ in found["reports"]] == ["https://example.org/day", "https://example.org/month"]


def test_different_counterparts_days_or_months_stay_separate_meetings(
    writer: GraphWriter, driver: neo4j.Driver
) -> None:
    writer.write(
        extraction(
            "a",
            [
                meeting("2023-06-14", ["abdoulaye-diop"], ["MLI", "RUS"], "avec l'ambassadeur russe"),
                meeting("2023-06-14", ["abdoulaye-diop"], ["MLI", "DZA"], "avec l'ambassadeur algérien"),
            ],
        )
    )
    writer.write(extraction("b", [meeting("2023-06-15", DL, ["MLI", "RUS"], "le lendemain, avec Lavrov")]))
    writer.write(extraction("c", [meeting("2023-07", DL, ["MLI", "RUS"], "en juillet, avec Lavrov")]))
    writer.write(extraction("d", [meeting("2023", DL, ["MLI", "RUS"], "en 2023, avec Lavrov")]))
    found = meetings_of(driver)
    assert [(m["date"], m["states"]) for m in found] == [
        ("2023", ["MLI", "RUS"]),
        ("2023-06-14", ["DZA", "MLI"]),
        ("2023-06-14", ["MLI", "RUS"]),
        ("2023-06-15", ["MLI", "RUS"]),
        ("2023-07", ["MLI", "RUS"]),
    ]
    assert all(len(m["reports"]) == 1 for m in found)


def test_repost_of_the_same_text_is_linked_and_not_counted_twice(writer: GraphWriter, driver: neo4j.Driver) -> None:
    text = [meeting("2024-09-26", DL, ["MLI", "RUS"], "Diop et Lavrov se sont rencontrés à New York le 26 septembre.")]
    first = writer.write(extraction("orig", text, text_sha1="same-text", outlet="L'Essor"))
    copy = writer.write(extraction("copy", text, text_sha1="same-text", outlet="Maliweb", url="https://maliweb/x"))
    assert (first.reposts, copy.reposts) == (0, 1)
    [found] = meetings_of(driver)
    assert [url for url, _ in found["reports"]] == ["https://example.org/orig"]
    records, _, _ = driver.execute_query(
        "MATCH (c:Article)-[:REPOST_OF]->(o:Article) RETURN c.outlet AS c, o.outlet AS o"
    )
    assert [r.data() for r in records] == [{"c": "Maliweb", "o": "L'Essor"}]
    # re-ingesting the original does not turn it into a repost of its copy
    writer.write(extraction("orig", text, text_sha1="same-text", outlet="L'Essor"))
    assert counts(driver)["REPOST_OF"] == 1


def test_near_identical_text_with_the_same_evidence_is_a_repost(writer: GraphWriter, driver: neo4j.Driver) -> None:
    evidence = "Le ministre Diop a eu un entretien téléphonique avec son homologue russe Sergueï Lavrov ce jeudi."
    writer.write(extraction("p1", [meeting("2024-08-01", DL, ["MLI", "RUS"], evidence)], text_sha1="with-menu"))
    copied = evidence.replace("'", "’").upper()  # other typography, same words
    result = writer.write(extraction("p2", [meeting("2024-08-01", DL, ["MLI", "RUS"], copied)], text_sha1="no-menu"))
    assert result.reposts == 1
    [found] = meetings_of(driver)
    assert len(found["reports"]) == 1


def test_holds_edges_come_from_the_gazetteer_and_from_the_text(writer: GraphWriter, driver: neo4j.Driver) -> None:
    guterres = {
        "id": "antonio-guterres",
        "name": "Antonio Guterres",
        "roles": [{"title": "Secrétaire général", "represents": "onu", "since": "2017-01-01"}],
    }
    doc = extraction("h", [meeting("2024-09-26", DL, ["MLI", "RUS"], "Diop et Lavrov à New York.")])
    doc = doc.model_copy(update={"people": [*doc.people, Person.model_validate(guterres)]})
    writer.write(doc)
    records, _, _ = driver.execute_query(
        "MATCH (p:Person)-[h:HOLDS]->(t) RETURN p.id AS person, h.title AS title, h.since AS since, "
        "coalesce(t.iso3, t.id) AS target ORDER BY person, title"
    )
    rows = [r.data() for r in records]
    assert {
        "person": "sergueï-lavrov",
        "title": "ministre des Affaires étrangères",
        "since": "2004-03-09",
        "target": "RUS",
    } in rows  # from the gazetteer's posts
    assert {
        "person": "antonio-guterres",
        "title": "secrétaire général",
        "since": "2017-01-01",
        "target": "onu",
    } in rows  # from the role printed in the text, to an Organisation
    diop = [r for r in rows if r["person"] == "abdoulaye-diop"]
    assert {
        "person": "abdoulaye-diop",
        "title": "ministre des Affaires étrangères et de la Coopération internationale",
        "since": "2021-06",
        "target": "MLI",
    } in diop
    assert len({r["title"] for r in diop}) == len(diop)  # the text's role equals the gazetteer's post: one edge


def test_a_failing_document_is_written_not_at_all_and_others_are(writer: GraphWriter, driver: neo4j.Driver) -> None:
    # A place name too long for Neo4j's index fails inside the last statement of that document's transaction,
    # after its article, people and mentions were already written in it.
    stranger = {"id": "ali-stranger", "name": "Ali Stranger"}
    bad = extraction(
        "bad",
        [meeting("2024-05-05", ["ali-stranger"], ["MLI", "USA"], "Ali au bout du monde.", place="X" * 40_000)],
        people=[stranger],
    )
    invalid = extraction("invalid", [meeting("2024-05-06", ["nobody-listed"], ["MLI"], "Personne.")], people=[])
    good = [
        extraction(f"g{i}", [meeting(f"2024-05-0{i}", DL, ["MLI", "RUS"], f"Rencontre numéro {i}.")]) for i in (1, 2)
    ]
    [outcome] = writer.write_many([good[0], bad, invalid, good[1]], batch_size=10)
    assert outcome.written == ["g1", "g2"]
    reasons = {f.source: f.reason for f in outcome.failures}
    assert set(reasons) == {"bad", "invalid"}
    assert "nobody-listed" in reasons["invalid"]
    assert "too large" in reasons["bad"], reasons["bad"]
    records, _, _ = driver.execute_query(
        "MATCH (a:Article) RETURN a.url AS url ORDER BY url UNION ALL MATCH (p:Person {id: 'ali-stranger'}) "
        "RETURN p.id AS url"
    )
    assert [r["url"] for r in records] == ["https://example.org/g1", "https://example.org/g2"]
    assert [m["date"] for m in meetings_of(driver)] == ["2024-05-01", "2024-05-02"]


def test_meetings_store_the_days_their_date_covers_and_older_meetings_get_them(
    writer: GraphWriter, driver: neo4j.Driver
) -> None:
    """start_day/end_day follow the most precise date; `apply_schema` fills them in for meetings stored without."""
    writer.write(extraction("month", [meeting("2024-02", DL, ["MLI", "RUS"], "En février, Diop et Lavrov.")]))
    writer.write(extraction("year", [meeting("2023", DL, ["MLI", "DZA"], "En 2023, Diop et Lavrov à Alger.")]))

    def days() -> list[tuple[str, str, str]]:
        records, _, _ = driver.execute_query(
            "MATCH (m:Meeting) RETURN m.date AS date, m.start_day AS start, m.end_day AS end ORDER BY date"
        )
        return [(r["date"], r["start"], r["end"]) for r in records]

    assert days() == [("2023", "2023-01-01", "2023-12-31"), ("2024-02", "2024-02-01", "2024-02-29")]
    writer.write(extraction("day", [meeting("2024-02-28", DL, ["MLI", "RUS"], "Le 28 février, Diop et Lavrov.")]))
    assert days() == [("2023", "2023-01-01", "2023-12-31"), ("2024-02-28", "2024-02-28", "2024-02-28")]
    driver.execute_query("MATCH (m:Meeting) REMOVE m.start_day, m.end_day")  # a graph written before the days
    apply_schema(driver, DATABASE)
    assert days() == [("2023", "2023-01-01", "2023-12-31"), ("2024-02-28", "2024-02-28", "2024-02-28")]


def test_an_extraction_with_a_date_no_calendar_has_fails_alone(writer: GraphWriter) -> None:
    bad = extraction("bad", [meeting("2024-02-30", DL, ["MLI", "RUS"], "Le 30 février.")])
    [outcome] = writer.write_many([bad])
    assert [f.source for f in outcome.failures] == ["bad"] and "2024-02-30" in outcome.failures[0].reason


def test_a_batch_too_large_for_the_transaction_memory_is_written_one_document_at_a_time(
    writer: GraphWriter, driver: neo4j.Driver, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Neo4j's full memory pool is a TransientError: a batch is not retried for 30 s but split at once, and says so."""
    real = graph.writer._write_rows
    attempts: list[int] = []

    def pool_full_for_batches(tx: neo4j.ManagedTransaction, rows: BatchRows) -> object:
        attempts.append(len(rows.articles))
        if len(rows.articles) > 1:
            raise Neo4jError._hydrate_neo4j(code=MEMORY_POOL_FULL, message="more than the limit 256.0 MiB")
        return real(tx, rows)

    monkeypatch.setattr(graph.writer, "_write_rows", pool_full_for_batches)
    corpus = _corpus()
    with caplog.at_level(logging.WARNING, logger="graph.writer"):
        outcomes = list(writer.write_many(corpus, batch_size=len(corpus)))
    assert [o.failures for o in outcomes] == [[]]
    assert outcomes[0].written == [e.id for e in corpus]
    assert attempts == [len(corpus)] + [1] * len(corpus)  # the batch once, not retried; then each document
    assert "needed more than Neo4j's transaction memory" in caplog.text
    assert "--batch-size" in caplog.text
