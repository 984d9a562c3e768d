"""`malikg ingest` end to end, as a subprocess against the real Neo4j: seeds, failures, exit codes, concurrency."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import neo4j
import pytest
from ingest_builders import counts, extraction, meeting, meetings_of

from core.settings import REPO_ROOT
from ingest.models import Extraction

MALIKG = [str(Path(sys.executable).with_name("malikg"))]


def _ingest(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MALIKG, "ingest", *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=REPO_ROOT
    )


def _write_jsonl(path: Path, docs: list[Extraction], extra_lines: tuple[str, ...] = ()) -> Path:
    path.write_text("".join(d.model_dump_json() + "\n" for d in docs) + "".join(extra_lines), encoding="utf-8")
    return path


@pytest.mark.slow
def test_seed_corpus_diop_and_lavrov_share_exactly_four_meetings(
    driver: neo4j.Driver, neo4j_env: dict[str, str]
) -> None:
    run = _ingest(neo4j_env, "tests/data/seed-articles")
    assert run.returncode == 0, run.stderr
    assert "documents: 5 ok, 0 failed" in run.stdout
    shared = [m for m in meetings_of(driver) if {"abdoulaye-diop", "sergueï-lavrov"} <= set(m["people"])]
    assert [m["date"] for m in shared] == ["2023-09", "2024-02-28", "2024-08-01", "2024-09-26"]
    moscow = shared[1]
    assert "sadio-camara" in moscow["people"] and moscow["places"] == ["Moscou"]
    assert shared[3]["places"] in (["New York"], [])  # 79th UNGA, place given by the text as New York
    assert shared[2]["type"] == "phone_call"
    june = [m for m in meetings_of(driver) if m["date"] == "2023-06-14"]
    assert sorted(m["states"] for m in june) == [["DZA", "MLI"], ["MLI", "RUS"]]
    assert all(m["people"] == ["abdoulaye-diop"] for m in june)  # with the ambassadors, not with Lavrov

    again = _ingest(neo4j_env, "tests/data/seed-articles")
    assert again.returncode == 0, again.stderr
    assert "created 0 nodes and 0 relationships" in again.stdout


def test_failed_documents_are_named_and_the_rest_is_written(
    driver: neo4j.Driver, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    good = [
        extraction(f"ok{i}", [meeting(f"2022-03-0{i}", ["abdoulaye-diop"], ["MLI", "DZA"], f"réunion {i}")])
        for i in (1, 2)
    ]
    ghost = extraction("ghost", [meeting("2022-03-05", ["ghost"], ["MLI"], "personne")], people=[])
    jsonl = _write_jsonl(tmp_path / "x.jsonl", [good[0], ghost, good[1]], extra_lines=("{not json}\n",))
    run = _ingest(neo4j_env, "--from-extractions", str(jsonl), "--batch-size", "2")
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2, run.stderr
    assert lines[0].startswith("ghost: ") and "ghost" in lines[0][7:]
    assert lines[1].startswith(f"{jsonl}:4: ")
    assert "documents: 2 ok, 2 failed" in run.stdout
    assert [m["date"] for m in meetings_of(driver)] == ["2022-03-01", "2022-03-02"]


def test_unreachable_neo4j_is_one_clear_line_and_exit_3(neo4j_env: dict[str, str], tmp_path: Path) -> None:
    jsonl = _write_jsonl(tmp_path / "x.jsonl", [extraction("a", [])])
    env = neo4j_env | {"NEO4J_URI": "bolt://127.0.0.1:9"}
    run = _ingest(env, "--from-extractions", str(jsonl), timeout=120)
    assert run.returncode == 3
    assert run.stderr.count("\n") == 1 and "cannot reach Neo4j at bolt://127.0.0.1:9" in run.stderr
    assert "Traceback" not in run.stderr


def _overlapping_corpus() -> list[Extraction]:
    """90 articles about 30 real meetings (distinct months): each meeting told by three articles (two with the
    day, one with only the month, one naming an extra participant), plus 10 copies of articles under other URLs."""
    people = [{"id": f"person-{k}", "name": f"Person {k}"} for k in range(8)]
    docs = []
    for r in range(30):
        month = f"{2000 + r // 12}-{r % 12 + 1:02d}"
        pair = [f"person-{r % 8}", f"person-{(r + 1) % 8}"]
        states = ["MLI", f"X{chr(65 + r % 26)}{chr(65 + r // 26)}"]
        reports = [
            meeting(f"{month}-10", pair, states, f"Rencontre {r} le 10, premier récit."),
            meeting(f"{month}-10", [*pair, f"person-{(r + 3) % 8}"], states, f"Rencontre {r} le 10, second récit."),
            meeting(month, pair, states, f"Rencontre {r} ce mois-là, troisième récit."),
        ]
        docs += [extraction(f"r{r}-{i}", [report], people=people) for i, report in enumerate(reports)]
    copies = [d.model_copy(update={"id": d.id + "-copy", "url": f"https://copies.example/{d.id}"}) for d in docs[::9]]
    return docs + copies


@pytest.mark.slow
def test_two_concurrent_ingests_of_overlapping_inputs_leave_no_duplicates(
    driver: neo4j.Driver, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    docs = _overlapping_corpus()
    first = _write_jsonl(tmp_path / "first.jsonl", docs[: 2 * len(docs) // 3])
    second = _write_jsonl(tmp_path / "second.jsonl", list(reversed(docs[len(docs) // 3 :])))
    procs = [
        subprocess.Popen(
            [*MALIKG, "ingest", "--from-extractions", str(path), "--batch-size", "2"],
            env=neo4j_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO_ROOT,
        )
        for path in (first, second)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs

    found = meetings_of(driver)
    assert len(found) == 30
    assert all(m["precision"] == "day" and len(m["reports"]) == 3 for m in found)
    assert all(len(m["people"]) == 3 for m in found)
    n = counts(driver)
    assert (n["Article"], n["REPOST_OF"], n["REPORTED_IN"]) == (len(docs), 10, 90)
    duplicates, _, _ = driver.execute_query(
        "MATCH (n) WHERE n:Person OR n:State OR n:Article OR n:Meeting OR n:WriteLock "
        "WITH labels(n)[0] AS label, coalesce(n.id, n.iso3, n.key) AS key, count(*) AS c WHERE c > 1 RETURN *"
    )
    assert duplicates == []
    # The writer's lock nodes live only inside its transactions: none is left in the user's graph.
    assert "WriteLock" not in counts(driver) and "Meeting" in counts(driver)
