"""Faults against the real Neo4j: the connection cut in the middle of `malikg ingest` (through a TCP relay the test
stops), then restored; and POST /documents while Neo4j is unreachable.

The relay drops every open connection and refuses new ones, which is what the ingest sees when the server dies.
bench/fault_drill.py does the same with the real server killed and restarted (too slow for the suite).
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
from api_server import TcpRelay, running_api, server_env

from bench.bench_ingest import synthetic_extractions
from bench.common import wipe
from bench.fault_drill import count_articles, diff_keys, graph_keys, ingest_command, ingest_env, wait_for_articles
from core.settings import REPO_ROOT

DOCUMENTS = 200
BATCH = 10
KEY = "reliability-key"


@pytest.mark.slow
def test_ingest_cut_from_neo4j_names_the_lost_documents_and_a_rerun_gives_the_uninterrupted_graph(
    driver: neo4j.Driver, neo4j_server: Any, relay: TcpRelay, tmp_path: Path
) -> None:
    extractions = tmp_path / "extractions.jsonl"
    docs = synthetic_extractions(DOCUMENTS)
    extractions.write_text("".join(d.model_dump_json() + "\n" for d in docs), encoding="utf-8")
    command = ingest_command(extractions, BATCH)

    clean = subprocess.run(
        command,
        env=ingest_env(neo4j_server.uri, neo4j_server.password),
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=300,
    )
    assert clean.returncode == 0, clean.stderr
    expected = graph_keys(driver)
    assert sum(expected["Article"].values()) == DOCUMENTS
    wipe(driver)

    via_relay = ingest_env(f"bolt://127.0.0.1:{relay.port}", neo4j_server.password)
    process = subprocess.Popen(
        command, env=via_relay, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT
    )
    try:
        wait_for_articles(driver, DOCUMENTS // 4, process, timeout_s=240)
        relay.stop()
        cut = time.monotonic()
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    written = count_articles(driver)
    assert process.returncode == 3, err
    assert time.monotonic() - cut < 90  # the driver's retry budget (30 s), then a clear stop (slower under load)
    assert written < DOCUMENTS
    lines = err.strip().splitlines()
    assert "Traceback" not in err
    # Above the named documents, the driver logs its retries (for 30 s) before the command gives up.
    lost = [line.split(": ", 1)[0] for line in lines if "not confirmed written, the connection to Neo4j" in line]
    assert lines[-1].startswith("malikg ingest: lost Neo4j at bolt://127.0.0.1:"), err
    confirmed = int(re.search(r"after (\d+) documents were written", lines[-1])[1])  # type: ignore[index]
    assert confirmed in (written, written - BATCH)
    assert "Re-run the same command" in lines[-1]
    # Batches are atomic and written in order: the named batch is the one after the written ones (or, when its
    # commit reached the server but the answer did not come back, the last written one).
    ids = [d.id for d in docs]
    assert written % BATCH == 0
    assert lost in (ids[written : written + BATCH], ids[written - BATCH : written]), (written, lost)
    assert out == ""

    relay.start()
    rerun = subprocess.run(command, env=via_relay, capture_output=True, text=True, cwd=REPO_ROOT, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"documents: {DOCUMENTS} ok, 0 failed" in rerun.stdout
    assert diff_keys(expected, graph_keys(driver)) == []


def test_post_documents_while_neo4j_is_down_is_503_json_then_201_when_it_is_back(
    driver: neo4j.Driver, relay: TcpRelay, neo4j_server: Any, tmp_path: Path
) -> None:
    article = {
        "id": "fault-post",
        "text": "Le ministre des Affaires étrangères, Abdoulaye Diop, a reçu en audience le 4 mars 2024 à Bamako "
        "l'ambassadeur de Chine.",
        "published": "2024-03-05",
    }
    env = server_env(f"bolt://127.0.0.1:{relay.port}", password=neo4j_server.password, MALIKG_API_KEY=KEY)
    with running_api(env, tmp_path / "api.log") as base:
        relay.stop()
        down = httpx.post(f"{base}/documents", json=article, headers={"X-API-Key": KEY}, timeout=120.0)
        assert down.status_code == 503, down.text
        assert down.headers["content-type"] == "application/json"
        assert set(down.json()) == {"detail"} and "unreachable" in down.json()["detail"]
        assert count_articles(driver) == 0

        relay.start()
        deadline = time.monotonic() + 30
        while (
            back := httpx.post(f"{base}/documents", json=article, headers={"X-API-Key": KEY}, timeout=120.0)
        ).status_code != 201:
            assert time.monotonic() < deadline, back.text
            time.sleep(0.5)
        assert back.json()["written"]["documents"] == 1
        assert count_articles(driver) == 1
