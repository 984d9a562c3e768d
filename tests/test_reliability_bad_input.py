"""Bad input for `malikg ingest` (a subprocess against the real Neo4j) and for POST /documents (a real uvicorn).

Every bad document gets one clear line naming it (stderr) or a JSON 4xx naming it; the good documents of the same
run are written; node counts show nothing lost and nothing duplicated. The small fixtures are in
tests/data/bad_input/; the binary file and the 20 MB text are generated here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
from api_server import running_api, server_env
from ingest_builders import counts, meetings_of

from core.settings import REPO_ROOT

BAD_INPUT = Path(__file__).parent / "data" / "bad_input"
MALIKG = str(Path(sys.executable).with_name("malikg"))
KEY = "bad-input-key"
BIG_BYTES = 20 * 1024 * 1024
DIOP_RECEIVES = (
    "Le ministre des Affaires étrangères, Abdoulaye Diop, a reçu en audience ce lundi 4 mars 2024 à Bamako "
    "l'ambassadeur {}."
)

# file (relative to the run's folder) -> words its stderr line must hold
EXPECTED_FAILURES = {
    "binary.txt": "binary content",
    "big.txt": "document too large (21.0 MB > limit 1.0 MB; see MALIKG_MAX_DOCUMENT_BYTES)",
    "docs.jsonl:2": "broken JSON line",
    "docs.jsonl:3": "invalid document: id: Field required",
    "docs.jsonl:4": "invalid document 'jl-no-text': text: Field required",
    "docs.jsonl:6 (jl-future)": "published 2099-03-06 is in the future",
    "docs.jsonl:8 (jl-bad-date)": "published '31/02/2024' is not a date YYYY-MM-DD",
    "docs.jsonl:9 (jl-blank)": "empty document: no text",
    "docs.jsonl:10": "a line must hold a JSON object",
    "empty.txt": "empty document: no text",
    "scripts-only.html": "no main text found in the HTML page",
    "whitespace.txt": "empty document: no text",
}
# the documents that are written, and the meeting each one reports (None: no meeting)
EXPECTED_MEETINGS = [
    ("2024-03-04", ["CHN", "MLI"]),  # utf16.txt
    ("2024-03-04", ["MLI", "RUS"]),  # cp1252.txt
    ("2024-03-05", ["DZA", "MLI"]),  # page.html (its <script> and <style> tell of Poutine and Macron in 2020)
    ("2024-03-05", ["MAR", "MLI"]),  # docs.jsonl jl-maroc, twice with the same id and text: one article
]
WRITTEN_DOCUMENTS = 6  # cp1252, utf16, page, jl-maroc twice, jl-english (no meeting)


def _corpus(folder: Path) -> Path:
    """The fixtures plus a binary file and a 20 MB text generated here."""
    shutil.copytree(BAD_INPUT, folder)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
    line = (DIOP_RECEIVES.format("du Togo") + "\n\n").encode()
    with (folder / "big.txt").open("wb") as big:
        big.write(line * (BIG_BYTES // len(line) + 1))
    return folder


def _ingest(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MALIKG, "ingest", *args], env=env, capture_output=True, text=True, timeout=600, cwd=REPO_ROOT
    )


def _failures(stderr: str, folder: Path) -> dict[str, str]:
    named = {}
    for line in stderr.strip().splitlines():
        source, _, reason = line.partition(": ")
        named[str(Path(source.split(":")[0]).relative_to(folder)) + source[len(source.split(":")[0]) :]] = reason
    return named


def _meetings(driver: neo4j.Driver) -> list[tuple[str, list[str]]]:
    return sorted((m["date"], m["states"]) for m in meetings_of(driver))


@pytest.mark.slow
def test_ingest_names_every_bad_document_and_writes_the_others_once(
    driver: neo4j.Driver, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    folder = _corpus(tmp_path / "in")
    started = time.monotonic()
    run = _ingest(neo4j_env, str(folder))
    assert time.monotonic() - started < 120  # the 20 MB file is refused without being read
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    failures = _failures(run.stderr, folder)
    assert sorted(failures) == sorted(EXPECTED_FAILURES), run.stderr
    for source, words in EXPECTED_FAILURES.items():
        assert words in failures[source], (source, failures[source])
    assert f"documents: {WRITTEN_DOCUMENTS} ok, {len(EXPECTED_FAILURES)} failed" in run.stdout

    assert sorted(_meetings(driver)) == sorted(EXPECTED_MEETINGS)
    before = counts(driver)
    assert before["Article"] == WRITTEN_DOCUMENTS - 1  # the duplicate line is the same article
    assert before["REPORTED_IN"] == len(EXPECTED_MEETINGS)
    names, _, _ = driver.execute_query("MATCH (p:Person) RETURN collect(p.id) AS ids")
    assert names[0]["ids"] == ["abdoulaye-diop"]  # nobody from the English text, the script or the style

    again = _ingest(neo4j_env, str(folder))
    assert again.returncode == 1
    assert "created 0 nodes and 0 relationships" in again.stdout
    assert counts(driver) == before


@pytest.fixture(scope="module")
def api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password, MALIKG_API_KEY=KEY)
    with running_api(env, tmp_path_factory.mktemp("api") / "api.log") as base:
        yield base


def _post(api: str, body: Any = None, **kwargs: Any) -> httpx.Response:
    headers = {"X-API-Key": KEY, **kwargs.pop("headers", {})}
    return httpx.post(f"{api}/documents", json=body, headers=headers, timeout=300.0, **kwargs)


def _article(doc_id: str, text: str, **extra: str) -> dict[str, str]:
    return {"id": doc_id, "text": text, "published": "2024-03-05", **extra}


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (_article("api-empty", ""), "Document 'api-empty' cannot be ingested: empty document: no text"),
        (_article("api-blank", " \n\t "), "Document 'api-blank' cannot be ingested: empty document: no text"),
        (_article("api-binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50), "'api-binary' cannot be ingested: binary"),
        (_article("api-large", "Le Mali. " * 140_000), "'api-large' cannot be ingested: document too large (1.3 MB"),
        (_article("api-future", "Diop a reçu l'ambassadeur du Ghana.", published="2099-01-01"), "in the future"),
        (_article("api-bad-date", "Diop a reçu l'ambassadeur du Niger.", published="hier"), "not a date YYYY-MM-DD"),
    ],
    ids=["empty", "whitespace", "binary", "over-document-limit", "future-date", "not-a-date"],
)
def test_post_refuses_a_bad_document_with_422_naming_it(
    api: str, driver: neo4j.Driver, body: dict[str, str], words: str
) -> None:
    response = _post(api, body)
    assert response.status_code == 422, response.text
    assert words in response.json()["detail"]
    assert counts(driver) == {}


@pytest.mark.parametrize(
    ("body", "field"),
    [({"text": "Diop."}, "id"), ({"id": "api-no-text"}, "text"), ({"id": "", "text": "Diop."}, "id"), ([1, 2], "")],
    ids=["no-id", "no-text", "empty-id", "not-an-object"],
)
def test_post_with_missing_fields_is_422_naming_the_field(
    api: str, driver: neo4j.Driver, body: Any, field: str
) -> None:
    response = _post(api, body)
    assert response.status_code == 422, response.text
    assert [error["loc"] for error in response.json()["detail"]] == [["body", *([field] if field else [])]]
    assert counts(driver) == {}


def test_post_body_over_2_mb_is_413_before_it_is_read(api: str, driver: neo4j.Driver) -> None:
    big = _article("api-20mb", "x" * BIG_BYTES)
    response = _post(api, big)
    assert response.status_code == 413
    assert "exceeds 2097152 bytes" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"id": "api-chunked", "text": "'
        for _ in range(40):
            yield b"x" * (1024 * 1024)
        yield b'"}'

    chunked = httpx.post(
        f"{api}/documents", content=chunks(), headers={"X-API-Key": KEY, "content-type": "application/json"}
    )
    assert chunked.status_code == 413
    assert counts(driver) == {}


def test_post_broken_json_and_foreign_encodings(api: str, driver: neo4j.Driver) -> None:
    headers = {"content-type": "application/json"}
    broken = _post(api, content=b'{"id": "api-broken", "text": "Le minis', headers=headers)
    assert broken.status_code == 422 and broken.json()["detail"][0]["type"] == "json_invalid"
    as_cp1252 = json.dumps(_article("api-cp1252", DIOP_RECEIVES.format("du Japon")), ensure_ascii=False)
    cp1252 = _post(api, content=as_cp1252.encode("cp1252"), headers=headers)
    assert cp1252.status_code == 400, cp1252.text  # JSON must be UTF-8 (RFC 8259): an undecodable body
    assert cp1252.json() == {"detail": "There was an error parsing the body"}
    as_utf16 = json.dumps(_article("api-utf16", DIOP_RECEIVES.format("du Japon")), ensure_ascii=False)
    utf16 = _post(api, content=as_utf16.encode("utf-16"), headers=headers)
    assert utf16.status_code == 201, utf16.text  # JSON readers detect UTF-16 (RFC 4627); it is read correctly
    assert [(m["date"], sorted(m["states"])) for m in utf16.json()["extraction"]["meetings"]] == [
        ("2024-03-04", ["JPN", "MLI"])
    ]
    assert counts(driver)["Article"] == 1


def test_post_non_french_html_and_duplicates_give_correct_results(api: str, driver: neo4j.Driver) -> None:
    english = _post(api, _article("api-en", "Mali's Foreign Minister Abdoulaye Diop met the Russian envoy."))
    assert english.status_code == 201, english.text
    assert english.json()["extraction"]["meetings"] == []
    html = (BAD_INPUT / "page.html").read_text(encoding="utf-8")
    page = _post(api, {"id": "api-html", "text": html})  # a whole page as text: its main text is read
    assert page.status_code == 201, page.text
    extraction = page.json()["extraction"]
    assert [(m["date"], sorted(m["states"])) for m in extraction["meetings"]] == [("2024-03-05", ["DZA", "MLI"])]
    assert [p["id"] for p in extraction["people"]] == ["abdoulaye-diop"]  # not Poutine nor Macron of <script>
    assert extraction["published"] == "2024-03-05" and extraction["title"] == "Diop reçoit l'ambassadeur d'Algérie"
    scripts_only = _post(api, {"id": "api-scripts", "text": (BAD_INPUT / "scripts-only.html").read_text()})
    assert scripts_only.status_code == 422
    assert scripts_only.json()["detail"] == (
        "Document 'api-scripts' cannot be ingested: no main text found in the HTML page"
    )
    first = _post(api, _article("api-dup", DIOP_RECEIVES.format("du Japon")))
    same_id_again = _post(api, _article("api-dup", DIOP_RECEIVES.format("du Japon")))
    assert first.status_code == same_id_again.status_code == 201
    assert same_id_again.json()["written"]["nodes_created"] == 0
    before = counts(driver)
    assert _post(api, _article("api-dup", DIOP_RECEIVES.format("du Japon"))).status_code == 201
    assert counts(driver) == before
