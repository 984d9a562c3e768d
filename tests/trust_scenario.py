"""A small corpus and every kind of judgement, shared by the CLI and HTTP tests of trust (tests/test_trust_*.py).

`judge(kind, **fields)` is supplied by each test (a `malikg review` subprocess or a POST /judgements) and answers
an HTTP-like status: 201 recorded, 404 unknown target, 409 refused as contradicting a stored judgement.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j
from ingest_builders import extraction, meeting

from core.settings import REPO_ROOT
from ingest.models import Extraction

MALIKG = str(Path(sys.executable).with_name("malikg"))
Judge = Callable[..., int]

DIOPE = {"id": "abdoulaye-diope", "name": "Abdoulaye Diope"}
LAVROV = {"id": "sergueï-lavrov", "name": "Sergueï Lavrov"}
DIOP = {"id": "abdoulaye-diop", "name": "Abdoulaye Diop"}
CAMARA = {"id": "sadio-camara", "name": "Sadio Camara"}
DL = ["abdoulaye-diop", "sergueï-lavrov"]


def corpus() -> list[Extraction]:
    """Seven articles: one meeting in two reports (A), a spurious one (S), one with wrong facts (T), two that are one
    (U1, U2), one that is two (V), and a misspelt Diop (P)."""
    return [
        extraction(
            "r1",
            [
                meeting(
                    "2024-02-28",
                    DL,
                    ["MLI", "RUS"],
                    "Diop a rencontré Lavrov.",
                    hosts=["MLI"],
                    place="Moscou",
                    place_state="RUS",
                )
            ],
        ),
        extraction("r2", [meeting("2024-02-28", DL, ["MLI", "RUS"], "Entretien Diop-Lavrov mercredi.")]),
        extraction("s1", [meeting("2023-05-10", DL, ["MLI", "RUS"], "Diop cite sa visite passée chez Lavrov.")]),
        extraction(
            "t1",
            [
                meeting(
                    "2024-01-15",
                    ["abdoulaye-diop", "sadio-camara"],
                    ["DZA", "MLI"],
                    "Audience à Alger.",
                    type="audience",
                )
            ],
            people=[DIOP, CAMARA, LAVROV],
        ),
        extraction("u1", [meeting("2024-04-10", DL, ["MLI", "RUS"], "Diop et Lavrov à Bamako.")]),
        extraction("u2", [meeting("2024-04-11", DL, ["MLI", "RUS"], "Le lendemain, Diop et Lavrov.")]),
        extraction("v1", [meeting("2024-05-20", DL, ["MLI", "RUS"], "Le 20 mai au matin, Diop et Lavrov.")]),
        extraction("v2", [meeting("2024-05-20", DL, ["MLI", "RUS"], "Le 20 mai au soir, à Sotchi.")]),
        extraction(
            "p1",
            [meeting("2024-06-01", ["abdoulaye-diope", "sergueï-lavrov"], ["MLI", "RUS"], "Diope reçoit Lavrov.")],
            people=[DIOPE, LAVROV],
        ),
    ]


def new_reports() -> list[Extraction]:
    """Later reports of the judged meetings, each saying what the judgements corrected."""
    return [
        extraction("s2", [meeting("2023-05-10", DL, ["MLI", "RUS"], "Rappel de la visite de mai 2023.")]),
        extraction("s3", [meeting("2023-05", DL, ["MLI", "RUS"], "En mai 2023, Diop chez Lavrov.")]),
        extraction(
            "r3",
            [
                meeting(
                    "2024-02-28",
                    DL,
                    ["MLI", "RUS"],
                    "Reprise: Diop à Moscou.",
                    hosts=["MLI"],
                    place="Moscou",
                    place_state="RUS",
                )
            ],
        ),
        extraction(
            "t2",
            [
                meeting(
                    "2024-01-15",
                    ["abdoulaye-diop", "sadio-camara"],
                    ["DZA", "MLI"],
                    "Audience accordée à Alger.",
                    type="audience",
                    confidence=0.99,
                )
            ],
        ),
        extraction("u3", [meeting("2024-04-11", DL, ["MLI", "RUS"], "Le 11 avril encore.")]),
        extraction(
            "p2",
            [meeting("2024-06-01", ["abdoulaye-diope", "sergueï-lavrov"], ["MLI", "RUS"], "Diope et Lavrov le 1er.")],
            people=[DIOPE, LAVROV],
        ),
    ]


def write_jsonl(path: Path, docs: list[Extraction]) -> Path:
    path.write_text("".join(d.model_dump_json() + "\n" for d in docs), encoding="utf-8")
    return path


def malikg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MALIKG, *args], env=env, capture_output=True, text=True, timeout=300, cwd=REPO_ROOT)


def ingest_paths(env: dict[str, str], *paths: str) -> None:
    run = malikg(env, "ingest", *paths)
    assert run.returncode == 0, run.stderr


def ingest(env: dict[str, str], path: Path) -> None:
    run = malikg(env, "ingest", "--from-extractions", str(path))
    assert run.returncode == 0, run.stderr


def rows(driver: neo4j.Driver, query: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(query, params)  # type: ignore[arg-type]
    return [r.data() for r in records]


def meeting_on(driver: neo4j.Driver, date: str, label: str = "Meeting") -> list[str]:
    return [r["id"] for r in rows(driver, f"MATCH (m:{label}) WHERE m.date = $d RETURN m.id AS id", d=date)]


def article_id(driver: neo4j.Driver, doc: str) -> str:
    return str(rows(driver, "MATCH (a:Article {url: $u}) RETURN a.id AS id", u=f"https://example.org/{doc}")[0]["id"])


def judge_everything(driver: neo4j.Driver, judge: Judge) -> dict[str, str]:
    """Record one judgement of each kind (and the refused contradictions); returns the meeting ids judged."""
    [a] = meeting_on(driver, "2024-02-28")
    [s] = meeting_on(driver, "2023-05-10")
    [t] = meeting_on(driver, "2024-01-15")
    [u1] = meeting_on(driver, "2024-04-10")
    [u2] = meeting_on(driver, "2024-04-11")
    [v] = meeting_on(driver, "2024-05-20")
    v2 = article_id(driver, "v2")
    why = {"reason": "checked against the ministry's communiqué"}
    assert judge("reject_meeting", meeting=s, **why) == 201
    assert judge("set_host", meeting=a, state="RUS", **why) == 201
    assert judge("set_place", meeting=a, place="Sotchi", place_state="RUS", **why) == 201
    assert judge("set_type", meeting=t, type="phone_call", **why) == 201
    assert judge("set_date", meeting=t, date="2024-01", **why) == 201
    assert judge("remove_participant", meeting=t, person="sadio-camara", **why) == 201
    assert judge("add_participant", meeting=t, person="sergueï-lavrov", **why) == 201
    assert judge("merge_meetings", meeting=u2, into=u1, **why) == 201
    assert judge("split_meeting", meeting=v, articles=[v2], **why) == 201
    assert judge("merge_people", person="abdoulaye-diope", into="abdoulaye-diop", **why) == 201
    assert judge("distinct_people", person="sadio-camara", other="abdoulaye-diop", **why) == 201
    # contradictions are refused with 409, unknown targets with 404
    assert judge("set_type", meeting=t, type="visit", **why) == 409
    assert judge("reject_meeting", meeting=a, **why) == 409
    assert judge("add_participant", meeting=t, person="sadio-camara", **why) == 409
    assert judge("merge_people", person="sadio-camara", into="abdoulaye-diop", **why) == 409
    assert judge("merge_meetings", meeting=u1, into=u2, **why) == 409
    assert judge("set_type", meeting=u2, type="visit", **why) == 409
    assert judge("set_type", meeting="m-nope", type="visit", **why) == 404
    return {"a": a, "s": s, "t": t, "u1": u1, "u2": u2, "v": v, "v2": v2}


def check_judged(driver: neo4j.Driver, ids: dict[str, str]) -> None:
    """The graph says what the judgements say."""
    a, s, t, u1, u2, v = (ids[k] for k in ("a", "s", "t", "u1", "u2", "v"))
    # rejected: in no read, and no meeting of that date (a new report joined the rejected one)
    assert meeting_on(driver, "2023-05-10") == [] and meeting_on(driver, "2023-05") == []
    assert meeting_on(driver, "2023-05-10", "RejectedMeeting") == [s]
    hosts = rows(driver, "MATCH (s:State)-[e:REPRESENTED_AT]->(:Meeting {id: $m}) WHERE e.host RETURN s.iso3 AS h", m=a)
    assert [r["h"] for r in hosts] == ["RUS"]
    places = rows(driver, "MATCH (:Meeting {id: $m})-[:HELD_IN]->(p:Place) RETURN p.name AS name", m=a)
    assert [r["name"] for r in places] == ["Sotchi"]
    [fixed] = rows(driver, "MATCH (m:Meeting {id: $m}) RETURN m {.*} AS m", m=t)
    fixed = fixed["m"]
    assert (fixed["type"], fixed["date"], fixed["date_precision"]) == ("phone_call", "2024-01", "month")
    assert (fixed["extracted_type"], fixed["extracted_date"]) == ("audience", "2024-01-15")
    people = rows(driver, "MATCH (p:Person)-[:ATTENDED]->(:Meeting {id: $m}) RETURN p.id AS p ORDER BY p", m=t)
    assert [r["p"] for r in people] == ["abdoulaye-diop", "sergueï-lavrov"]
    assert meeting_on(driver, "2024-04-11") == [] and meeting_on(driver, "2024-04-10") == [u1] and u2 != u1
    merged = rows(driver, "MATCH (:Meeting {id: $m})-[:REPORTED_IN]->(a:Article) RETURN count(a) AS n", m=u1)
    assert merged[0]["n"] >= 2
    split = sorted(meeting_on(driver, "2024-05-20"))
    assert len(split) == 2 and v in split
    split_reports = rows(
        driver,
        "MATCH (m:Meeting)-[:REPORTED_IN]->(a:Article) WHERE m.date = '2024-05-20' RETURN m.id AS m, a.id AS a",
    )
    assert {r["m"]: r["a"] for r in split_reports if r["m"] != v} == {f"{v}-split-" + _digest(ids["v2"]): ids["v2"]}
    assert rows(driver, "MATCH (p:Person {id: 'abdoulaye-diope'}) RETURN p") == []
    diop = rows(driver, "MATCH (p:Person {id: 'abdoulaye-diop'}) RETURN p.aliases AS aliases")[0]
    assert "Abdoulaye Diope" in diop["aliases"]
    assert meeting_on(driver, "2024-06-01") and rows(
        driver, "MATCH (:Person {id: 'abdoulaye-diop'})-[:ATTENDED]->(m:Meeting {date: '2024-06-01'}) RETURN m"
    )


def _digest(article: str) -> str:
    import hashlib

    return hashlib.sha1(article.encode()).hexdigest()[:8]
