"""An article's metadata is never erased by a later report that lacks it; a real conflict is recorded (issue #19).

The same article (same URL, or same text and no URL) reported again without `published`, `outlet` or `title`
keeps them; reported with a different value keeps the first and lists the other in `Article.conflicts`. Through
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
FULL = {"published": "2024-03-04", "outlet": "L'Essor", "title": "Diop reçoit l'ambassadeur de Chine"}


def _articles(driver: neo4j.Driver) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(
        "MATCH (a:Article) RETURN a.url AS url, a.published AS published, a.outlet AS outlet, a.title AS title, "
        "a.conflicts AS conflicts ORDER BY a.id"
    )
    return [record.data() for record in records]


def _ingest(env: dict[str, str], tmp_path: Path, *docs: dict[str, Any]) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(doc) + "\n" for doc in docs), encoding="utf-8")
    run = subprocess.run(
        [MALIKG, "ingest", "--jsonl", str(path)], env=env, capture_output=True, text=True, timeout=600, cwd=REPO_ROOT
    )
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

    _ingest(neo4j_env, tmp_path, {"id": "other", **base, "published": "2024-03-05", "outlet": "Maliweb"})
    assert _articles(driver) == [{"url": url, **FULL, "conflicts": ["outlet: Maliweb", "published: 2024-03-05"]}]
    _ingest(neo4j_env, tmp_path, {"id": "other", **base, "published": "2024-03-05", "outlet": "Maliweb"})
    assert _articles(driver)[0]["conflicts"] == ["outlet: Maliweb", "published: 2024-03-05"]  # each once


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
    assert _articles(driver) == [{"url": None, "published": None, "outlet": None, "title": TEXT, "conflicts": None}]
    post({"id": "full", "text": TEXT, **FULL})  # the document's own title replaces the guess, the rest fills in
    post({"id": "bare", "text": TEXT})
    assert _articles(driver) == [{"url": None, **FULL, "conflicts": None}]
    post({"id": "late-title", "text": TEXT, "title": "Autre titre"})
    assert _articles(driver) == [{"url": None, **FULL, "conflicts": ["title: Autre titre"]}]
