"""The README's API examples are right: the demo corpus (corpus/demo) ingested as `scripts/demo.sh` does, a real
`malikg serve`, and every `curl` line of the README's console blocks run against it (the /contacts, /meetings, CSV
and chart examples), with the output the README shows where it shows one. Every demo meeting is citable: it has a
source with a URL and an outlet."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

import httpx
import neo4j
import pytest
from api_server import running_api, server_env
from trust_scenario import ingest_paths

from core.settings import REPO_ROOT

README = REPO_ROOT / "README.md"
DEMO = REPO_ROOT / "corpus" / "demo"
DEMO_API = "http://127.0.0.1:8000"
CURL = re.compile(r"^\$ curl -s '(?P<url>http://127\.0\.0\.1:8000/[^']+)'(?P<rest>.*)$")


def readme_examples() -> list[tuple[str, str, list[str]]]:
    """(url, the rest of the command line, the output lines the README shows) of every `$ curl -s '...'` line."""
    lines = README.read_text(encoding="utf-8").splitlines()
    found = []
    for i, line in enumerate(lines):
        match = CURL.match(line)
        if match is None:
            continue
        shown = []
        for after in lines[i + 1 :]:
            if after.startswith(("$", "```")):
                break
            shown.append(after)
        found.append((match["url"], match["rest"], shown))
    return found


@pytest.fixture(scope="module")
def demo_api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    neo4j_server.reset()
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password)
    ingest_paths(env, str(DEMO))
    with running_api(env, tmp_path_factory.mktemp("api") / "api.log") as base:
        yield base


def test_every_demo_meeting_has_a_source_with_url_and_outlet(demo_api: str, neo4j_server: Any) -> None:
    with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth()) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (m:Meeting) OPTIONAL MATCH (m)-[:REPORTED_IN]->(a:Article) "
            "RETURN m.id AS meeting, collect([a.url, a.outlet]) AS sources",
            database_=neo4j_server.database,
            routing_=neo4j.RoutingControl.READ,
        )
    assert records
    uncitable = [r["meeting"] for r in records if not any(url and outlet for url, outlet in r["sources"])]
    assert uncitable == []


def test_the_readme_shows_meetings_csv_and_chart_examples() -> None:
    urls = [url for url, _, _ in readme_examples()]
    assert any("/meetings?" in u and "format=csv" not in u for u in urls)
    assert any("format=csv" in u for u in urls)
    assert any("/charts/" in u for u in urls)


@pytest.mark.parametrize(("url", "rest", "shown"), readme_examples(), ids=lambda v: str(v)[:60])
def test_readme_example_answers_as_shown(demo_api: str, url: str, rest: str, shown: list[str]) -> None:
    response = httpx.get(url.replace(DEMO_API, demo_api), timeout=60.0)
    assert response.status_code == 200, response.text
    media = response.headers["content-type"]
    if "format=csv" in url:
        assert media.startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert rows and {"date", "type", "participants", "source_urls", "evidence"} <= set(rows[0])
    elif "/charts/" in url:
        assert media.startswith("image/svg+xml")
        assert ElementTree.fromstring(response.content).tag.endswith("svg")
    else:
        assert media.startswith("application/json")
    if shown:
        assert _as_jq(response.json(), rest) == shown


def _as_jq(body: dict[str, Any], rest: str) -> list[str]:
    """The output of the few `jq` filters the README uses, computed in Python."""
    if "jq '.total'" in rest:
        return [json.dumps(body["total"])]
    if "[.date, .type, .place.name] | @tsv" in rest:
        return ["\t".join([m["date"] or "", m["type"], (m["place"] or {}).get("name") or ""]) for m in body["meetings"]]
    if "[.date, .sources[0].outlet, .sources[0].url] | @tsv" in rest:
        firsts = [(m["date"] or "", m["sources"][0]) for m in body["meetings"]]
        return ["\t".join([day, source["outlet"], source["url"]]) for day, source in firsts]
    raise AssertionError(f"no Python equivalent for the README's jq filter: {rest}")


def test_readme_images_exist() -> None:
    for image in re.findall(r"\]\((docs/img/[^)]+)\)", README.read_text(encoding="utf-8")):
        assert (REPO_ROOT / image).is_file(), image
