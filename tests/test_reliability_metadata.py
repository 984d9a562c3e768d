"""An article's metadata is never erased by a later report that lacks it; a real conflict is recorded (issue #19).

The same article (same URL, or same text and no URL) reported again without `published`, `outlet`, `author` or
`title` keeps them; reported with a different value keeps the first and lists the other in `Article.conflicts`. Through
`malikg ingest` (a subprocess) and POST /documents (a real uvicorn), both on the real Neo4j.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
from api_server import running_api, server_env

from core.settings import REPO_ROOT

MALIKG = str(Path(sys.executable).with_name("malikg"))
KEY = "metadata-key"
TEXT = (
    "Le ministre des Affaires étrangères, Abdoulaye Diop, a reçu en audience ce lundi 4 mars 2024 à Bamako "
    "l'ambassadeur de Chine."
)
FULL = {
    "published": "2024-03-04",
    "outlet": "L'Essor",
    "author": "Aminata Traoré",
    "title": "Diop reçoit l'ambassadeur de Chine",
}


def _articles(driver: neo4j.Driver) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(
        "MATCH (a:Article) RETURN a.url AS url, a.published AS published, a.outlet AS outlet, a.author AS author, "
        "a.title AS title, a.conflicts AS conflicts ORDER BY a.id"
    )
    return [record.data() for record in records]


def _ingest(env: dict[str, str], tmp_path: Path, *docs: dict[str, Any]) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(doc) + "\n" for doc in docs), encoding="utf-8")
    _run_ingest(env, "--jsonl", str(path))


def _run_ingest(env: dict[str, str], *args: str) -> None:
    run = subprocess.run([MALIKG, "ingest", *args], env=env, capture_output=True, text=True, timeout=600, cwd=REPO_ROOT)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("url", ["https://essor.example/diop-chine", None], ids=["same-url", "same-text-no-url"])
def test_ingest_never_erases_metadata_and_records_a_conflict(
    driver: neo4j.Driver, neo4j_env: dict[str, str], tmp_path: Path, url: str | None
) -> None:
    base = {"text": TEXT, **({"url": url} if url else {})}
    # one run, then a second run: both the in-batch and the across-transaction path
    _ingest(neo4j_env, tmp_path, {"id": "full", **base, **FULL}, {"id": "bare", **base})
    _ingest(neo4j_env, tmp_path, {"id": "bare-again", **base})
    assert _articles(driver) == [{"url": url, **FULL, "conflicts": None}]

    other = {"id": "other", **base, "published": "2024-03-05", "outlet": "Maliweb", "author": "La rédaction"}
    clashes = ["outlet: Maliweb", "author: La rédaction", "published: 2024-03-05"]
    _ingest(neo4j_env, tmp_path, other)
    assert _articles(driver) == [{"url": url, **FULL, "conflicts": clashes}]
    _ingest(neo4j_env, tmp_path, other)
    assert _articles(driver)[0]["conflicts"] == clashes  # each once


def test_a_sidecar_author_reaches_the_graph_and_a_later_report_without_one_keeps_it(
    driver: neo4j.Driver, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    url = "https://essor.example/diop-chine"
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "diop.txt").write_text(f"---\nurl: {url}\nauthor: Front matter\n---\n{TEXT}\n", encoding="utf-8")
    (folder / "diop.json").write_text(json.dumps({"author": "Moussa Keïta", "outlet": "L'Essor"}), encoding="utf-8")
    _run_ingest(neo4j_env, str(folder))  # the sidecar wins over the front matter
    _ingest(neo4j_env, tmp_path, {"id": "again", "text": TEXT, "url": url, "title": FULL["title"]})
    [article] = _articles(driver)
    assert (article["url"], article["author"], article["conflicts"]) == (url, "Moussa Keïta", None)


@pytest.fixture(scope="module")
def api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password, MALIKG_API_KEY=KEY)
    with running_api(env, tmp_path_factory.mktemp("api") / "api.log") as base:
        yield base


def test_post_never_erases_metadata_and_records_a_conflict(api: str, driver: neo4j.Driver) -> None:
    def post(body: dict[str, Any]) -> None:
        response = httpx.post(f"{api}/documents", json=body, headers={"X-API-Key": KEY}, timeout=300.0)
        assert response.status_code == 201, response.text

    post({"id": "bare", "text": TEXT})  # the title is a guess: the first paragraph
    bare = {"url": None, "published": None, "outlet": None, "author": None, "title": TEXT, "conflicts": None}
    assert _articles(driver) == [bare]
    post({"id": "full", "text": TEXT, **FULL})  # the document's own title replaces the guess, the rest fills in
    post({"id": "bare", "text": TEXT})
    assert _articles(driver) == [{"url": None, **FULL, "conflicts": None}]
    # the meeting's source list shows the article's author line
    records, _, _ = driver.execute_query("MATCH (m:Meeting) RETURN m.id AS id")
    meeting = httpx.get(f"{api}/meetings/{records[0]['id']}", timeout=30.0).json()
    assert [(s["outlet"], s["author"]) for s in meeting["sources"]] == [(FULL["outlet"], FULL["author"])]
    provenance = httpx.get(f"{api}/meetings/{records[0]['id']}/provenance", timeout=30.0).json()
    assert [s["author"] for s in provenance["sources"]] == [FULL["author"]]
    article = meeting["sources"][0]["article_id"]
    assert httpx.get(f"{api}/documents/{article}/text", timeout=30.0).json()["author"] == FULL["author"]
    post({"id": "late-title", "text": TEXT, "title": "Autre titre"})
    assert _articles(driver) == [{"url": None, **FULL, "conflicts": ["title: Autre titre"]}]
