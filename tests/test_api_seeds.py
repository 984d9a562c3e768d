"""The acceptance questions over HTTP: the five seed articles ingested with
`malikg ingest tests/data/seed-articles` into the real Neo4j, the real API process serving them, exact answers."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_server import MALIKG, REPO_ROOT, running_api, server_env

SEEDS = REPO_ROOT / "tests" / "data" / "seed-articles"


@pytest.fixture(scope="module")
def seeded_api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    neo4j_server.reset()
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password)
    ingest = subprocess.run(
        [str(MALIKG), "ingest", str(SEEDS)], env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=600
    )
    assert ingest.returncode == 0, ingest.stderr
    with running_api(env, tmp_path_factory.mktemp("api") / "api.log") as base:
        yield base


def _get(base: str, path: str, **params: Any) -> dict[str, Any]:
    response = httpx.get(f"{base}{path}", params=params, timeout=60.0)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _seed_text(path: Path) -> str:
    return " ".join(path.read_text(encoding="utf-8").replace("’", "'").split())


def test_every_contact_between_diop_and_lavrov_with_sources(seeded_api: str) -> None:
    body = _get(seeded_api, "/contacts", a="Diop", b="Lavrov")
    assert (body["a"]["id"], body["b"]["id"]) == ("abdoulaye-diop", "sergueï-lavrov")
    meetings = body["meetings"]
    assert [(m["date"], m["date_precision"]) for m in meetings] == [
        ("2023-09", "month"),
        ("2024-02-28", "day"),
        ("2024-08-01", "day"),
        ("2024-09-26", "day"),
    ]
    assert body["total"] == 4
    unga, moscow, call, new_york = meetings
    assert "onu" in [o["id"] for o in unga["organisations"]]
    assert moscow["place"]["name"] == "Moscou"
    assert [p["id"] for p in moscow["participants"]] == ["abdoulaye-diop", "sadio-camara", "sergueï-lavrov"]
    assert call["type"] == "phone_call"
    assert new_york["type"] == "bilateral_meeting"
    texts = [_seed_text(p) for p in sorted(SEEDS.glob("*.txt"))]
    for m in meetings:
        assert [s["iso3"] for s in m["states"]] == ["MLI", "RUS"]
        assert m["sources"], m["date"]
        for source in m["sources"]:
            evidence = " ".join(source["evidence"].replace("’", "'").split())
            assert any(evidence in text for text in texts), evidence
            assert 0 < source["confidence"] <= 1


def test_the_same_answer_whichever_way_the_names_are_written(seeded_api: str) -> None:
    ids = [m["id"] for m in _get(seeded_api, "/contacts", a="Diop", b="Lavrov")["meetings"]]
    for a, b in (("Lavrov", "Diop"), ("abdoulaye-diop", "SERGUEI LAVROV"), ("Abdoulaye DIOP", "sergueï lavrov")):
        assert [m["id"] for m in _get(seeded_api, "/contacts", a=a, b=b)["meetings"]] == ids, (a, b)
    assert _get(seeded_api, "/meetings/" + ids[1])["date"] == "2024-02-28"


def test_mali_partners_in_defence_rank_russia_first(seeded_api: str) -> None:
    body = _get(seeded_api, "/partners", state="MLI", sector="défense")
    assert body["partners"][0]["iso3"] == "RUS"
    overall = _get(seeded_api, "/partners", state="Mali")["partners"]
    assert overall[0]["iso3"] == "RUS" and overall[0]["meetings"] == 5


def test_diop_and_russia_includes_the_ambassador_meeting(seeded_api: str) -> None:
    dates = [m["date"] for m in _get(seeded_api, "/contacts", a="Diop", b="Russie")["meetings"]]
    assert dates == ["2023-06-14", "2023-09", "2024-02-28", "2024-08-01", "2024-09-26"]
    lavrov = _get(seeded_api, "/timeline", entity="Lavrov", **{"from": "2024"})
    assert [m["date"] for m in lavrov["meetings"]] == ["2024-02-28", "2024-08-01", "2024-09-26"]


def test_the_new_york_meeting_has_its_place(seeded_api: str) -> None:
    meetings = _get(seeded_api, "/contacts", a="Diop", b="Lavrov", **{"from": "2024-09"})["meetings"]
    assert [(m["date"], (m["place"] or {}).get("name")) for m in meetings] == [("2024-09-26", "New York")]
