"""The files shipped for Neo4j Browser (browser/): saved queries, guide and style stay consistent and run for real."""

from __future__ import annotations

import html
import re
from pathlib import Path

import neo4j
import pytest
from api_server import server_env
from seed_graph import DIOP_LAVROV_DATES, load_seed_graph
from trust_scenario import ingest_paths

from core.settings import REPO_ROOT

BROWSER_DIR = REPO_ROOT / "browser"
DEMO = REPO_ROOT / "corpus" / "demo"
QUERY_FILES = sorted((BROWSER_DIR / "queries").glob("*.cypher"))
PARAM_LINE = re.compile(r"^// :param (?P<name>[a-z_]+) => (?P<value>'[^']*'|-?\d+)$")
LABELS = ("Person", "State", "Organisation", "Meeting", "Article", "Place", "Sector")


def saved_query(path: Path) -> tuple[str, dict[str, str | int], str]:
    """(title, example parameters, Cypher body) of a saved query file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    params: dict[str, str | int] = {}
    for line in lines:
        match = PARAM_LINE.match(line)
        if match:
            value = match["value"]
            params[match["name"]] = value[1:-1] if value.startswith("'") else int(value)
    body = "\n".join(line for line in lines if not line.startswith("//"))
    return lines[0], params, body


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """Parse a .grass file as Neo4j Browser 5 does: braces inside quotes are text, quotes are dropped, no comments."""
    blocks: dict[str, str] = {}
    selector, body, in_quotes, in_block = "", "", False, False
    for char in text:
        if char in "'\"":
            in_quotes = not in_quotes
        elif char == "{" and not in_quotes and not in_block:
            in_block = True
        elif char == "}" and not in_quotes and in_block:
            blocks[selector], selector, body, in_block = body, "", "", False
        elif in_block:
            body += char
        elif not char.isspace():
            selector += char
    rules: dict[str, dict[str, str]] = {}
    for name, declarations in blocks.items():
        pairs = [part.split(":") for part in declarations.split(";") if part.strip()]
        assert all(len(pair) == 2 for pair in pairs), f"{name}: the Browser drops declarations with two colons"
        rules[name] = {key.strip(): value.strip() for key, value in pairs}
    return rules


def test_there_is_a_saved_query_per_question() -> None:
    assert {path.stem for path in QUERY_FILES} == {
        "contacts_between",
        "partners_by_sector",
        "person_network",
        "meetings_of_month",
        "meeting_articles",
    }


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda path: path.stem)
def test_saved_query_names_itself_and_documents_every_parameter(path: Path) -> None:
    title, params, body = saved_query(path)
    assert title.startswith("// malikg: "), "the first comment line is the name Browser favorites show"
    assert set(re.findall(r"\$([a-z_]+)", body)) == set(params)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda path: path.stem)
def test_guide_holds_the_same_query_and_parameters(path: Path) -> None:
    guide = html.unescape((BROWSER_DIR / "guide.html").read_text(encoding="utf-8"))
    runnable = [block.strip() for block in re.findall(r'<pre class="runnable">(.*?)</pre>', guide, re.S)]
    _, params, body = saved_query(path)
    assert body.strip() in runnable
    for name, value in params.items():
        literal = f"'{value}'" if isinstance(value, str) else str(value)
        assert f":param {name} => {literal}" in runnable


def test_guide_has_slides_with_titles() -> None:
    guide = (BROWSER_DIR / "guide.html").read_text(encoding="utf-8")
    slides = re.findall(r"<slide[^>]*>(.*?)</slide>", guide, re.S)
    assert len(slides) == 6
    assert all("<h3>" in slide for slide in slides)
    assert re.search(r"<title>.+</title>", guide)


def test_style_captions_every_label() -> None:
    text = (BROWSER_DIR / "style.grass").read_text(encoding="utf-8")
    assert "/*" not in text and "//" not in text, "Neo4j Browser's grass parser has no comments"
    rules = parse_grass(text)
    for label in LABELS:
        assert rules[f"node.{label}"]["caption"], label
        assert re.fullmatch(r"#[0-9A-F]{6}", rules[f"node.{label}"]["color"]), label
    assert rules["node.Meeting"]["caption"] == "{type} {date}"
    assert rules["node.Article"]["caption"] == "{title}"
    assert len({rules[f"node.{label}"]["color"] for label in LABELS}) == len(LABELS), "one colour per label"


# The examples are written for the demo graph (test_saved_query_examples_answer_on_the_demo); on the hand-made seed
# graph the two date-keyed queries take that graph's date.
SEED_GRAPH_PARAMS = {"meetings_of_month": {"month": "2024-02"}, "meeting_articles": {"date": "2024-02-28"}}


def test_saved_queries_answer_on_the_seed_graph(neo4j_server, driver: neo4j.Driver) -> None:  # type: ignore[no-untyped-def]
    load_seed_graph(driver, neo4j_server.database)
    answers = {}
    for path in QUERY_FILES:
        _, params, body = saved_query(path)
        params = {**params, **SEED_GRAPH_PARAMS.get(path.stem, {})}
        records, _, _ = driver.execute_query(body, params, database_=neo4j_server.database)
        answers[path.stem] = [record.data() for record in records]

    assert [row["date"] for row in answers["contacts_between"]] == list(DIOP_LAVROV_DATES)
    defence = {row["sector"]: row["partners"] for row in answers["partners_by_sector"]}
    assert defence["défense"] == ["Russie (1)"]
    assert defence["diplomatie"] == ["Russie (2)", "Algérie (1)"]
    assert len(answers["person_network"]) == 5
    assert [(row["date"], row["people"]) for row in answers["meetings_of_month"]] == [
        ("2024-02-28", ["Abdoulaye Diop", "Sadio Camara", "Sergueï Lavrov"])
    ]
    [source] = answers["meeting_articles"]
    assert source["url"] == "https://example.org/malikg-browser-e2e/2"
    assert "Moscou" in source["evidence"]


def test_saved_query_examples_answer_on_the_demo(neo4j_server) -> None:  # type: ignore[no-untyped-def]
    """The guide's and saved queries' example parameters find something in the graph the demo builds (corpus/demo),
    so a newcomer who runs them as shown never meets an empty answer."""
    neo4j_server.reset()
    ingest_paths(server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password), str(DEMO))
    empty = []
    with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth()) as driver:
        for path in QUERY_FILES:
            _, params, body = saved_query(path)
            records, _, _ = driver.execute_query(
                body, params, database_=neo4j_server.database, routing_=neo4j.RoutingControl.READ
            )
            if not records:
                empty.append(path.stem)
    assert QUERY_FILES
    assert empty == []
