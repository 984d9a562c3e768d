"""Trust through the CLI against the real Neo4j: every kind of judgement survives a full re-ingest, new reports
and a rebuilt graph (export/import); contradictions are refused; `malikg retract`; a changed article replaces
its earlier version's facts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import neo4j
from ingest_builders import extraction, meeting
from trust_scenario import (
    DL,
    article_id,
    check_judged,
    corpus,
    ingest,
    judge_everything,
    malikg,
    meeting_on,
    new_reports,
    rows,
    write_jsonl,
)

EXIT_STATUS = {0: 201, 4: 409, 5: 404}
COMMANDS = {
    "reject_meeting": ("reject", ["meeting"]),
    "set_host": ("set-host", ["meeting", "state"]),
    "set_place": ("set-place", ["meeting", "place"]),
    "set_type": ("set-type", ["meeting", "type"]),
    "set_date": ("set-date", ["meeting", "date"]),
    "remove_participant": ("remove-participant", ["meeting", "person"]),
    "add_participant": ("add-participant", ["meeting", "person"]),
    "merge_meetings": ("merge-meetings", ["meeting", "into"]),
    "split_meeting": ("split", ["meeting", "articles"]),
    "merge_people": ("merge-people", ["person", "into"]),
    "distinct_people": ("distinct-people", ["person", "other"]),
}


def _cli_judge(env: dict[str, str]) -> Any:
    def judge(kind: str, reason: str, **fields: Any) -> int:
        command, positional = COMMANDS[kind]
        args: list[str] = []
        for name in positional:
            value = fields.pop(name)
            args += value if isinstance(value, list) else [value]
        if "place_state" in fields:
            args += ["--state", fields.pop("place_state")]
        assert not fields, fields
        run = malikg(env, "review", command, *args, "--reason", reason, "--author", "a.traore")
        assert run.returncode in EXIT_STATUS, run.stderr
        if run.returncode:
            assert run.stderr.strip(), "a refusal says why"
        return EXIT_STATUS[run.returncode]

    return judge


def test_every_judgement_survives_reingest_new_reports_and_a_rebuild(
    driver: neo4j.Driver, neo4j_env: dict[str, str], neo4j_server: Any, tmp_path: Path
) -> None:
    articles = write_jsonl(tmp_path / "corpus.jsonl", corpus())
    later = write_jsonl(tmp_path / "later.jsonl", new_reports())
    ingest(neo4j_env, articles)
    ids = judge_everything(driver, _cli_judge(neo4j_env))
    check_judged(driver, ids)
    ingest(neo4j_env, articles)  # a full re-ingest
    check_judged(driver, ids)
    ingest(neo4j_env, later)  # new reports of the judged meetings
    check_judged(driver, ids)

    listed = malikg(neo4j_env, "review", "list", "--json")
    judgements = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(judgements) == 11 and all(j["author"] == "a.traore" and j["reason"] for j in judgements)
    assert len(malikg(neo4j_env, "review", "list", "--meeting", ids["t"]).stdout.splitlines()) == 4

    exported = tmp_path / "judgements.json"
    assert malikg(neo4j_env, "review", "export", str(exported)).returncode == 0
    neo4j_server.reset()  # a rebuilt graph: judgements first, then the articles
    run = malikg(neo4j_env, "review", "import", str(exported))
    assert run.returncode == 0 and "imported 11" in run.stdout, run.stderr
    ingest(neo4j_env, articles)
    ingest(neo4j_env, later)
    check_judged(driver, ids)
    assert malikg(neo4j_env, "review", "import", str(exported)).stdout.startswith("imported 0")


def retraction_corpus() -> list[Any]:
    three = ["abdoulaye-diop", "sergueï-lavrov", "sadio-camara"]
    return [
        extraction("x1", [meeting("2024-02-28", three, ["MLI", "RUS"], "Diop, Camara et Lavrov.", topics=["défense"])]),
        extraction("x2", [meeting("2024-02-28", DL, ["MLI", "RUS"], "Diop et Lavrov mercredi.")]),
        extraction("x3", [meeting("2024-03-10", DL, ["MLI", "RUS"], "Diop et Lavrov le 10 mars.")], text_sha1="same"),
        extraction("x4", [meeting("2024-03-10", DL, ["MLI", "RUS"], "Diop et Lavrov le 10 mars.")], text_sha1="same"),
    ]


def test_retract_removes_what_only_the_article_supports(
    driver: neo4j.Driver, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    ingest(neo4j_env, write_jsonl(tmp_path / "x.jsonl", retraction_corpus()))
    [m] = meeting_on(driver, "2024-02-28")
    x1, x2, x3, x4 = (article_id(driver, d) for d in ("x1", "x2", "x3", "x4"))
    assert rows(driver, "MATCH (:Article {id: $a})-[:REPOST_OF]->(o) RETURN o.id AS o", a=x4) == [{"o": x3}]

    run = malikg(neo4j_env, "retract", "x1")  # by the document id given at ingest
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {
        "articles": [x1],
        "meetings_deleted": [],
        "meetings_kept": [m],
        "promoted_reposts": [],
    }
    people = rows(driver, "MATCH (p:Person)-[:ATTENDED]->(:Meeting {id: $m}) RETURN p.id AS p ORDER BY p", m=m)
    assert [r["p"] for r in people] == DL  # Camara was only in x1
    assert rows(driver, "MATCH (:Meeting {id: $m})-[:CONCERNS]->(s) RETURN s", m=m) == []
    sources = rows(driver, "MATCH (:Meeting {id: $m})-[:REPORTED_IN]->(a) RETURN a.id AS a", m=m)
    assert sources == [{"a": x2}]
    assert rows(driver, "MATCH (:Person {id: 'sadio-camara'})-[r:ATTENDED|MENTIONS]-() RETURN r") == []

    run = malikg(neo4j_env, "retract", "https://example.org/x2")  # by URL: the last source goes, so the meeting
    assert run.returncode == 0 and json.loads(run.stdout)["meetings_deleted"] == [m], run.stderr
    assert meeting_on(driver, "2024-02-28") == []

    run = malikg(neo4j_env, "retract", x3)  # an original with a repost: the repost takes over
    assert run.returncode == 0 and json.loads(run.stdout)["promoted_reposts"] == [x4], run.stderr
    [kept] = meeting_on(driver, "2024-03-10")
    assert rows(driver, "MATCH (:Meeting {id: $m})-[:REPORTED_IN]->(a) RETURN a.id AS a", m=kept) == [{"a": x4}]
    edges = rows(driver, "MATCH (p:Person)-[e:ATTENDED]->(:Meeting {id: $m}) RETURN e.articles AS a", m=kept)
    assert edges == [{"a": [x4]}, {"a": [x4]}]

    missing = malikg(neo4j_env, "retract", "https://example.org/none")
    assert missing.returncode == 5 and "no article" in missing.stderr


def test_a_changed_article_replaces_its_earlier_version(
    driver: neo4j.Driver, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    url = "https://example.org/corrected"
    first = extraction("y1", [meeting("2024-07-01", DL, ["MLI", "RUS"], "Lundi 1er juillet.")], url=url, text_sha1="v1")
    fixed = extraction("y1", [meeting("2024-07-02", DL, ["MLI", "RUS"], "Mardi 2 juillet.")], url=url, text_sha1="v2")
    ingest(neo4j_env, write_jsonl(tmp_path / "v1.jsonl", [first]))
    ingest(neo4j_env, write_jsonl(tmp_path / "v2.jsonl", [fixed]))
    assert meeting_on(driver, "2024-07-01") == []
    [m] = meeting_on(driver, "2024-07-02")
    reports = rows(driver, "MATCH (m:Meeting)-[:REPORTED_IN]->(a:Article {url: $u}) RETURN m.id AS m", u=url)
    assert reports == [{"m": m}]
    assert rows(driver, "MATCH (a:Article {url: $u}) RETURN a.text_sha1 AS s", u=url) == [{"s": "v2"}]
