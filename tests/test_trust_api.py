"""Trust over HTTP against a real `malikg serve` and the real Neo4j: every kind of judgement (POST /judgements),
listed, shown with its provenance, surviving re-ingest, new reports and export/import into a rebuilt graph;
DELETE /documents/{id}; citations with offsets into the stored text (real spaCy extraction)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
from api_server import running_api, server_env
from test_trust_cli import retraction_corpus
from trust_scenario import (
    DL,
    article_id,
    check_judged,
    corpus,
    ingest,
    judge_everything,
    meeting_on,
    new_reports,
    rows,
    write_jsonl,
)

KEY = {"X-API-Key": "test-key-123"}


@pytest.fixture(scope="module")
def api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password, MALIKG_API_KEY="test-key-123")
    with running_api(env, tmp_path_factory.mktemp("api") / "api.log") as base:
        yield base


def _http_judge(api: str) -> Any:
    def judge(kind: str, **fields: Any) -> int:
        body = {"kind": kind, "author": "a.traore", **fields}
        response = httpx.post(f"{api}/judgements", json=body, headers=KEY, timeout=60.0)
        if response.status_code == 409:
            assert response.json()["conflicts"] and response.json()["detail"].startswith("Refused")
        return response.status_code

    return judge


def test_every_judgement_over_http(
    api: str, driver: neo4j.Driver, neo4j_env: dict[str, str], neo4j_server: Any, tmp_path: Path
) -> None:
    articles = write_jsonl(tmp_path / "corpus.jsonl", corpus())
    later = write_jsonl(tmp_path / "later.jsonl", new_reports())
    ingest(neo4j_env, articles)
    anonymous = httpx.post(f"{api}/judgements", json={"kind": "reject_meeting", "meeting": "x"}, timeout=30.0)
    assert anonymous.status_code == 401
    incomplete = {"kind": "set_type", "meeting": "m", "author": "a", "reason": "r"}
    assert httpx.post(f"{api}/judgements", json=incomplete, headers=KEY, timeout=30.0).status_code == 422
    ids = judge_everything(driver, _http_judge(api))
    check_judged(driver, ids)

    listed = httpx.get(f"{api}/judgements", timeout=30.0).json()["judgements"]
    assert len(listed) == 11 and {j["kind"] for j in listed} == {
        "reject_meeting", "set_host", "set_place", "set_type", "set_date", "remove_participant",
        "add_participant", "merge_meetings", "split_meeting", "merge_people", "distinct_people",
    }  # fmt: skip
    shown = httpx.get(f"{api}/meetings/{ids['t']}/provenance", timeout=30.0).json()
    assert shown["corrected"] and (shown["type"], shown["date"]) == ("phone_call", "2024-01")
    assert shown["extracted"]["type"] == "audience" and shown["extracted"]["date"] == "2024-01-15"
    assert {j["kind"] for j in shown["judgements"]} == {
        "set_type", "set_date", "remove_participant", "add_participant",
    }  # fmt: skip
    assert all(j["author"] == "a.traore" and j["created_at"] and j["reason"] for j in shown["judgements"])
    rejected = httpx.get(f"{api}/meetings/{ids['s']}/provenance", timeout=30.0).json()
    assert rejected["rejected"] is True
    _check_rdf(api, ids["t"], shown["judgements"])

    ingest(neo4j_env, articles)
    ingest(neo4j_env, later)
    check_judged(driver, ids)

    exported = httpx.get(f"{api}/judgements/export", timeout=30.0).json()
    neo4j_server.reset()
    ingest(neo4j_env, articles)  # this time the articles first, then the judgements
    imported = httpx.post(f"{api}/judgements/import", json=exported, headers=KEY, timeout=60.0)
    assert imported.status_code == 200 and imported.json() == {"imported": 11, "refused": []}
    ingest(neo4j_env, later)
    check_judged(driver, ids)

    one = listed[0]["id"]
    assert httpx.delete(f"{api}/judgements/{one}", timeout=30.0).status_code == 401
    assert httpx.delete(f"{api}/judgements/{one}", headers=KEY, timeout=30.0).json() == {"withdrawn": one}
    assert httpx.delete(f"{api}/judgements/{one}", headers=KEY, timeout=30.0).status_code == 404


def _check_rdf(api: str, meeting: str, judgements: list[dict[str, Any]]) -> None:
    """The RDF export states the corrected fact and the correction: PROV-O activity, author, time, reason."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import PROV, RDFS

    from graph.rdf import vocab

    nt = httpx.get(f"{api}/export/rdf", params={"format": "nt"}, timeout=120.0)
    graph = Graph().parse(data=nt.text, format="nt")
    m = vocab.meeting_iri(meeting)
    assert (m, vocab.SEM.eventType, vocab.meeting_type_iri("phone_call")) in graph
    for j in judgements:
        act = URIRef(vocab.BASE + "judgement/" + j["id"])
        assert (m, PROV.wasInfluencedBy, act) in graph
        assert (act, RDFS.comment, Literal(j["reason"])) in graph
        assert (act, PROV.wasAssociatedWith, URIRef(vocab.BASE + "agent/a.traore")) in graph
        assert next(graph.objects(act, PROV.endedAtTime)).toPython()
    set_type = next(j for j in judgements if j["kind"] == "set_type")
    act = URIRef(vocab.BASE + "judgement/" + set_type["id"])
    assert (act, vocab.MKO.extractedType, vocab.meeting_type_iri("audience")) in graph


def test_delete_document_retracts_over_http(
    api: str, driver: neo4j.Driver, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    ingest(neo4j_env, write_jsonl(tmp_path / "x.jsonl", retraction_corpus()))
    [m] = meeting_on(driver, "2024-02-28")
    x2 = article_id(driver, "x2")
    assert httpx.delete(f"{api}/documents/x1", timeout=30.0).status_code == 401
    done = httpx.delete(f"{api}/documents/x1", headers=KEY, timeout=60.0)
    assert done.status_code == 200 and done.json()["meetings_kept"] == [m]
    shown = httpx.get(f"{api}/meetings/{m}/provenance", timeout=30.0).json()
    assert [s["article"] for s in shown["sources"]] == [x2]
    assert sorted(p["id"] for p in shown["participants"]) == DL
    assert httpx.delete(f"{api}/documents/x1", headers=KEY, timeout=30.0).status_code == 404
    done = httpx.delete(f"{api}/documents/{x2}", headers=KEY, timeout=60.0)
    assert done.json()["meetings_deleted"] == [m]
    assert httpx.get(f"{api}/meetings/{m}/provenance", timeout=30.0).status_code == 404


ARTICLE = (
    "Le ministre des Affaires étrangères, Abdoulaye Diop, a eu une rencontre bilatérale, ce mercredi 28 février "
    "2024, avec le chef de la diplomatie russe Sergueï Lavrov, à Moscou. L’entretien a porté sur la coopération."
)


def test_sources_are_citable_with_offsets_reposts_and_the_kept_text(api: str, driver: neo4j.Driver) -> None:
    original = {
        "id": "essor-moscou",
        "text": ARTICLE,
        "url": "https://www.lessor.site/moscou",
        "outlet": "L’Essor",
        "published": "2024-02-29",
    }
    repost = original | {"id": "repost-moscou", "url": "https://example.net/repris", "outlet": "Repris"}
    for doc in (original, repost):
        response = httpx.post(f"{api}/documents", json=doc, headers=KEY, timeout=300.0)
        assert response.status_code == 201, response.text
    [m] = meeting_on(driver, "2024-02-28")
    shown = httpx.get(f"{api}/meetings/{m}/provenance", timeout=30.0).json()
    first, second = shown["sources"]
    assert first["document_id"] == "essor-moscou" and first["url"] == original["url"]
    assert first["outlet"] == "L’Essor" and second["repost_of"] == first["article"]
    assert second["url"] == repost["url"]
    text = httpx.get(f"{api}/documents/essor-moscou/text", timeout=30.0).json()["text"]
    assert text is not None and first["quote"] == text[first["start"] : first["end"]]
    assert "Abdoulaye Diop" in first["quote"] and first["quote"] in ARTICLE
    stored = rows(driver, "MATCH (a:Article {document_id: 'essor-moscou'}) RETURN a.text AS t")
    assert stored == [{"t": text}]

    from rdflib import Graph, Literal
    from rdflib.namespace import PROV

    from graph.rdf import vocab

    nt = httpx.get(f"{api}/export/rdf", params={"format": "nt"}, timeout=120.0).text
    graph = Graph().parse(data=nt, format="nt")
    original_iri, repost_iri = vocab.article_iri(first["article"]), vocab.article_iri(second["article"])
    assert (repost_iri, PROV.alternateOf, original_iri) in graph
    derivation = vocab.derivation_iri(m, first["article"])
    assert (derivation, vocab.MKO.quote, Literal(first["quote"], lang="fr")) in graph
    assert (derivation, vocab.MKO.startOffset, Literal(first["start"])) in graph


GROMYKO = {"id": "igor-gromyko", "name": "Igor Gromyko", "roles": [{"title": "Ambassadeur", "represents": "RUS"}]}


def test_posts_named_by_articles_answer_at_a_date(
    api: str, driver: neo4j.Driver, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    from ingest_builders import extraction, meeting
    from rdflib import Graph, Literal
    from rdflib.namespace import TIME, XSD

    from graph.rdf import vocab

    docs = [
        extraction(
            f"g{n}",
            [meeting(day, ["abdoulaye-diop", "igor-gromyko"], ["MLI", "RUS"], f"Audience du {day}.", type="audience")],
            people=[{"id": "abdoulaye-diop", "name": "Abdoulaye Diop"}, GROMYKO],
            published=day,
        )
        for n, day in enumerate(["2024-03-01", "2024-06-10"])
    ]
    ingest(neo4j_env, write_jsonl(tmp_path / "g.jsonl", docs))
    person = f"{api}/people/igor-gromyko"
    [role] = httpx.get(person, params={"at": "2024-04-01"}, timeout=30.0).json()["roles"]
    assert (role["title"], role["of"]["id"], role["attested"]) == ("ambassadeur", "RUS", ["2024-03-01", "2024-06-10"])
    assert httpx.get(person, params={"at": "2023-01-01"}, timeout=30.0).json()["roles"] == []
    assert httpx.get(person, params={"at": "2024-13"}, timeout=30.0).status_code == 422
    nt = httpx.get(f"{api}/export/rdf", params={"format": "nt"}, timeout=120.0).text
    graph = Graph().parse(data=nt, format="nt")
    days = {str(o) for o in graph.objects(None, vocab.MKO.attestedOn)}
    assert days == {"2024-03-01", "2024-06-10"}
    begins = set(graph.objects(None, TIME.inXSDDate))
    assert Literal("2024-03-01", datatype=XSD.date) in begins and Literal("2024-06-10", datatype=XSD.date) in begins
