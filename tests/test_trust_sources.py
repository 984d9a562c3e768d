"""Citable sources: sidecar JSON and front matter on .txt input, evidence located with offsets, and the bundled
demo corpus ingested (real spaCy, real Neo4j) with an outlet, a document id and exact quotes for every report."""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
from trust_scenario import ingest_paths, rows

from core.settings import REPO_ROOT
from ingest.citations import cite, locate
from ingest.models import AUTHOR_MAX_CHARS, Extraction, Failure, contract_json
from ingest.readers import iter_documents

TEXT = "Le ministre Diop a reçu l’ambassadeur.\n\nL’entretien a porté sur la sécurité."


def test_front_matter_is_read_and_cut_and_a_sidecar_wins(tmp_path: Path) -> None:
    article = tmp_path / "essor.txt"
    article.write_text("---\nurl: https://www.lessor.site/a\noutlet: L'Essor\npublished: 2024-02-29\n---\n" + TEXT)
    [doc] = iter_documents([tmp_path])
    assert not isinstance(doc, Failure)
    assert (doc.id, doc.url, doc.outlet, doc.published, doc.text) == (
        "essor", "https://www.lessor.site/a", "L'Essor", "2024-02-29", TEXT,
    )  # fmt: skip
    (tmp_path / "essor.json").write_text(json.dumps({"outlet": "Essor (sidecar)", "id": "doc-42"}))
    [doc] = iter_documents([tmp_path])
    assert not isinstance(doc, Failure)
    assert (doc.id, doc.outlet, doc.url) == ("doc-42", "Essor (sidecar)", "https://www.lessor.site/a")


def test_bad_metadata_is_a_named_failure(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "a.json").write_text(json.dumps({"link": "https://x"}))
    [failure] = iter_documents([tmp_path])
    assert isinstance(failure, Failure) and "unknown keys: link" in failure.reason


def test_author_line_from_front_matter_sidecar_jsonl_or_page_is_bounded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\nauthor: Front matter\n---\n" + TEXT)
    (tmp_path / "b.txt").write_text(TEXT)
    (tmp_path / "b.json").write_text(json.dumps({"author": "Moussa Keïta"}))
    (tmp_path / "c.txt").write_text(TEXT)
    (tmp_path / "c.json").write_text(json.dumps({"author": "x" * (AUTHOR_MAX_CHARS + 1)}))
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "d", "text": TEXT, "author": "La rédaction"}) + "\n")
    page = "<p>Le ministre Diop a reçu l’ambassadeur de Chine à Bamako ce lundi pour un long entretien.</p>" * 3
    (tmp_path / "e.html").write_text(
        f'<!DOCTYPE html><html><head><meta name="author" content="Aminata Traoré"></head><body><article>{page}'
        "</article></body></html>"
    )
    a, b, c, d, e = iter_documents([tmp_path])
    assert [x.author for x in (a, b, d, e) if not isinstance(x, Failure)] == [
        "Front matter", "Moussa Keïta", "La rédaction", "Aminata Traoré",
    ]  # fmt: skip
    assert isinstance(c, Failure) and "author: String should have at most 500 characters" in c.reason, c


def test_extraction_output_leaves_out_an_unknown_author_line() -> None:
    """The contract's optional `author`: a line without one reads exactly as before the field was added."""
    assert "author" not in json.loads(contract_json(Extraction(id="d")))
    assert json.loads(contract_json(Extraction(id="d", author="A. Traoré")))["author"] == "A. Traoré"
    assert Extraction.model_validate_json('{"id": "d"}').author is None  # an older extraction still reads


def test_evidence_is_located_with_typographic_apostrophes_kept() -> None:
    evidence = "L'entretien a porté sur la sécurité."  # extraction unified the apostrophe
    start, end = locate(evidence, TEXT) or (-1, -1)
    assert TEXT[start:end] == "L’entretien a porté sur la sécurité."
    extraction = Extraction.model_validate(
        {
            "id": "d",
            "meetings": [
                {"id": "m", "type": "audience", "evidence": evidence, "confidence": 0.5},
                {"id": "n", "type": "audience", "evidence": "absent", "confidence": 0.5},
            ],
        }
    )
    cited = cite(extraction, TEXT)
    assert cited.text == TEXT and cited.meetings[0].evidence_quote == TEXT[start:end]
    assert (cited.meetings[0].evidence_start, cited.meetings[1].evidence_start) == (start, None)


def test_every_demo_report_is_citable(driver: neo4j.Driver, neo4j_env: dict[str, str]) -> None:
    demo = REPO_ROOT / "corpus" / "demo"
    ingest_paths(neo4j_env, str(demo))
    articles = rows(
        driver, "MATCH (a:Article) RETURN a.outlet AS outlet, a.document_id AS doc, a.text AS text, a.url AS url"
    )
    sidecars = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(demo.glob("*.json"))]
    assert len(articles) == len(sidecars) == len(list(demo.glob("*.txt")))
    assert all(a["outlet"] and a["doc"] and a["text"] and a["url"] for a in articles)
    assert {a["url"] for a in articles} == {s["url"] for s in sidecars}  # each sidecar's URL reaches the graph
    reports = rows(
        driver,
        "MATCH (:Meeting)-[r:REPORTED_IN]->(a:Article) RETURN r.quote AS quote, r.start AS start, r.end AS end, "
        "a.text AS text",
    )
    assert reports and all(r["quote"] == r["text"][r["start"] : r["end"]] for r in reports)


def test_a_post_is_held_on_a_day_inside_its_known_span() -> None:
    from api.posts_at import held_on
    from api.schemas.entities import PostHeld

    ref = {"kind": "state", "id": "MLI", "name": "Mali"}
    person = {"kind": "person", "id": "p", "name": "P"}
    gazetteer = PostHeld(person=person, of=ref, title="ministre", since="2020-06", until="2024")  # type: ignore[arg-type]
    assert held_on(gazetteer, "2020-06-01") and held_on(gazetteer, "2024-12-31")
    assert not held_on(gazetteer, "2020-05-31") and not held_on(gazetteer, "2025-01-01")
    texts = PostHeld(person=person, of=ref, title="ministre", attested=["2024-03-01", "2024-06-10"])  # type: ignore[arg-type]
    assert held_on(texts, "2024-03-01") and held_on(texts, "2024-05-01") and not held_on(texts, "2024-06-11")
    assert not held_on(PostHeld(person=person, of=ref, title="ministre"), "2024-01-01")  # type: ignore[arg-type]
