"""Unchanged documents are skipped before the NLP (`malikg.unchanged`), by `malikg ingest` and `malikg crawl`.

Against the real Neo4j: the second ingest of the same files extracts nothing and changes nothing; a changed file is
extracted again; `--reextract` turns the check off.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import neo4j
import pytest
from crawl_graph import MALIKG, canonical_graph

from core.settings import REPO_ROOT
from graph.writer import GraphWriter
from ingest.curation import load_reference
from ingest.models import Document, Extraction, Failure
from malikg.unchanged import UnchangedFilter, document_key

SEEDS = REPO_ROOT / "tests" / "data" / "seed-articles"


def _ingest(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MALIKG, "ingest", *args], env=env, capture_output=True, text=True, timeout=600, cwd=REPO_ROOT
    )


def test_the_filter_drops_documents_stored_with_the_same_text_and_passes_the_rest(driver: neo4j.Driver) -> None:
    text = "Le ministre Abdoulaye Diop a reçu l'ambassadeur de Chine à Bamako.\n\nLes échanges ont porté sur l'énergie."
    stored = [Document(id="a", text=text, url="https://x.ml/a"), Document(id="b", text=text)]
    writer = GraphWriter(driver, "neo4j", load_reference())
    for doc in stored:
        key = document_key(doc)
        assert key is not None
        writer.write(Extraction(id=doc.id, url=doc.url, text_sha1=key[1]))
    failure = Failure(source="f.txt", reason="empty document: no text")
    incoming: list[Document | Failure] = [
        Document(id="a-again", text=text + "\n\n", url="https://x.ml/a"),  # same URL, same cleaned text
        Document(id="a-changed", text=text + "\n\nUn accord a été signé.", url="https://x.ml/a"),
        Document(id="b-again", text=text),  # no URL: the same text is the same article
        Document(id="b-signed", text=text, author="A. Traoré"),  # same text, an author line the graph lacks
        Document(id="c", text=text, url="https://x.ml/c"),  # same text under another URL: a repost, kept
        failure,
    ]
    unchanged = UnchangedFilter(driver, "neo4j", batch=2)
    passed = list(unchanged(incoming))
    assert unchanged.skipped == ["a-again", "b-again"]
    assert [x.id if isinstance(x, Document) else x for x in passed] == ["a-changed", "b-signed", "c", failure]


@pytest.mark.slow
def test_a_second_ingest_of_the_same_files_skips_them_and_changes_nothing(
    driver: neo4j.Driver, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    first = _ingest(neo4j_env, str(folder))
    assert first.returncode == 0, first.stderr
    assert "documents: 5 ok, 0 failed, 0 unchanged" in first.stdout
    graph = canonical_graph(driver)

    again = _ingest(neo4j_env, str(folder))
    assert again.returncode == 0, again.stderr
    assert "documents: 0 ok, 0 failed, 5 unchanged (skipped before the NLP)" in again.stdout
    assert canonical_graph(driver) == graph

    changed = sorted(folder.glob("*.txt"))[3]
    title, rest = changed.read_text(encoding="utf-8").split("\n", 1)
    changed.write_text(f"{title}\n\nUne phrase ajoutée après la publication.\n\n{rest}", encoding="utf-8")
    third = _ingest(neo4j_env, str(folder))
    assert "documents: 1 ok, 0 failed, 4 unchanged" in third.stdout, third.stdout

    forced = _ingest(neo4j_env, "--reextract", str(folder))
    assert "documents: 5 ok, 0 failed, 0 unchanged" in forced.stdout, forced.stdout
    assert "created 0 nodes and 0 relationships" in forced.stdout
