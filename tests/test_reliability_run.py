"""One bad document never aborts a run (issue #19): `malikg ingest` / `malikg extract` as subprocesses, the real
spaCy pipeline and the real Neo4j. Exit codes: 0 all written, 1 some documents failed (each named), 3 Neo4j lost
(tests/test_reliability_faults.py, and disk full in bench/fault_drill.py), 4 the run crashed.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import neo4j
import psutil
import pytest
from ingest_builders import meetings_of

from core.settings import REPO_ROOT

MALIKG = str(Path(sys.executable).with_name("malikg"))
GENERALISATION = Path(__file__).parent / "data" / "generalisation"
DIOP = "Le ministre des Affaires étrangères, Abdoulaye Diop, a reçu en audience ce lundi 4 mars 2024 à Bamako {}."


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MALIKG, *args], env=env, capture_output=True, text=True, timeout=600, cwd=REPO_ROOT)


def test_ingest_names_each_bad_document_and_writes_the_rest(
    driver: neo4j.Driver, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    lines = [
        json.dumps({"id": "good", "text": DIOP.format("l'ambassadeur de Chine")}),
        json.dumps({"id": "year-one", "text": DIOP.format("l'ambassadeur du Ghana"), "published": "0001-01-01"}),
        '{"id": "deep", "text": ' + "[" * 3000 + "]" * 3000 + "}",
        json.dumps({"id": "surrogate-text", "text": DIOP.format("l'ambassadeur du Japon\ud800")}),
        json.dumps({"id": "surrogate-url", "text": DIOP.format("l'ambassadeur du Niger"), "url": "https://x/\udc00"}),
        json.dumps({"id": "good-too", "text": DIOP.format("l'ambassadeur de Russie")}),
    ]
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    extractions = tmp_path / "extractions.jsonl"
    with extractions.open("wb") as out:
        out.write(json.dumps({"id": "x-ok", "url": "https://x.example/ok", "published": "0001-01-01"}).encode() + b"\n")
        out.write(b'{"id": "x-deep", "people": ' + b"[" * 3000 + b"]" * 3000 + b"}\n")
        out.write(b'{"id": "x-latin1", "title": "\xe9t\xe9"}\n')
        out.write(json.dumps({"id": "x-surrogate", "title": "\ud800"}).encode() + b"\n")
    run = _run(neo4j_env, "ingest", "--jsonl", str(docs), "--from-extractions", str(extractions))
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    named = sorted(line.split(": ", 1)[0] for line in run.stderr.strip().splitlines())
    expected = [f"{docs}:2 (year-one)", f"{docs}:3", f"{docs}:5"] + [f"{extractions}:{n}" for n in (2, 3, 4)]
    assert named == expected, run.stderr
    assert "published 0001-01-01 is before 1900" in run.stderr
    assert "JSON nested too deeply" in run.stderr
    assert "invalid document 'surrogate-url': url:" in run.stderr  # a bounded field refuses lone surrogates
    assert "documents: 4 ok, 6 failed" in run.stdout
    # a lone surrogate in a document's text becomes U+FFFD: the document is ingested
    assert sorted(m["states"] for m in meetings_of(driver)) == [["CHN", "MLI"], ["JPN", "MLI"], ["MLI", "RUS"]]


def test_a_run_that_crashes_exits_4_and_says_so(neo4j_env: dict[str, str], tmp_path: Path) -> None:
    run = _run(neo4j_env, "ingest", "--from-extractions", str(tmp_path))  # a folder where a file is expected
    assert run.returncode == 4, run.stderr
    assert "malikg ingest: the run crashed after 0 documents were written (IsADirectoryError" in run.stderr


@pytest.mark.slow
def test_extract_survives_a_killed_worker(tmp_path: Path) -> None:
    rows = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GENERALISATION.glob("*.json"))]
    docs = tmp_path / "docs.jsonl"
    with docs.open("w", encoding="utf-8") as out:
        for copy in range(2):
            for row in rows:
                out.write(json.dumps({"id": f"{row['id']}-{copy}", "text": row["text"]}) + "\n")
    out_path = tmp_path / "out.jsonl"
    command = [MALIKG, "extract", "--processes", "2", "--jsonl", str(docs), "--out", str(out_path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT)
    deadline = time.monotonic() + 300
    while not out_path.exists() or len(out_path.read_text().splitlines()) < 8:
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.2)
    workers = psutil.Process(process.pid).children()
    assert workers
    workers[0].send_signal(signal.SIGKILL)
    _, stderr = process.communicate(timeout=600)
    assert "Traceback" not in stderr and "BrokenProcessPool" not in stderr
    written = [json.loads(line)["id"] for line in out_path.read_text().splitlines()]
    named = [line.split(": ", 1)[0] for line in stderr.strip().splitlines() if line]
    # every document is extracted, in input order, or named as lost with its worker
    assert sorted(written + named) == sorted(f"{row['id']}-{copy}" for copy in range(2) for row in rows)
    assert process.returncode == (1 if named else 0)
