"""Neo4j Browser, for real: the five seed articles are ingested (`malikg ingest tests/data/seed-articles`), then
headless Chromium opens the Browser served by the test Neo4j, connects over Bolt, plays the malikg guide, applies
the malikg style and runs the Diop–Lavrov contacts query from browser/queries/.

Needs Debian's chromium and chromium-driver (`scripts/install-browser-deps.sh`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import neo4j
import pytest
from guide_server import serve_directory
from neo4j_browser_page import CHROMEDRIVER, CHROMIUM, Neo4jBrowserPage, headless_chromium
from selenium.webdriver.common.by import By

from core.settings import REPO_ROOT

BROWSER_DIR = REPO_ROOT / "browser"
SEEDS = REPO_ROOT / "tests" / "data" / "seed-articles"
# The Diop–Lavrov meetings the seed articles report (see tests/data/seed-articles).
DIOP_LAVROV_DATES = ("2023-09", "2024-02-28", "2024-08-01", "2024-09-26")
SCREENSHOT = "browser-diop-lavrov.png"
SCREENSHOT_DIR = Path(__file__).parent / "screenshots"
DOCS_IMG_DIR = REPO_ROOT / "docs" / "img"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent: run scripts/install-browser-deps.sh"),
]


def query_body(name: str) -> str:
    """A saved query from browser/queries/ without its comment lines, on one line as typed into the editor."""
    text = (BROWSER_DIR / "queries" / f"{name}.cypher").read_text(encoding="utf-8")
    return " ".join(" ".join(line for line in text.splitlines() if not line.startswith("//")).split())


@pytest.fixture
def page(neo4j_server, driver: neo4j.Driver, neo4j_env: dict[str, str]):  # type: ignore[no-untyped-def]
    """A Browser connected to the test server, whose (emptied) database holds the ingested seed articles."""
    assert CHROMEDRIVER.exists(), f"{CHROMEDRIVER} is missing: run scripts/install-browser-deps.sh"
    malikg = Path(sys.executable).with_name("malikg")
    ingest = subprocess.run(
        [str(malikg), "ingest", str(SEEDS)], env=neo4j_env, capture_output=True, text=True, timeout=600, check=False
    )
    assert ingest.returncode == 0, ingest.stdout + ingest.stderr
    with headless_chromium() as chromium:
        browser_page = Neo4jBrowserPage(chromium, neo4j_server.http_url)
        browser_page.connect(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
        yield browser_page


def test_guide_plays_and_style_applies(page: Neo4jBrowserPage) -> None:
    with serve_directory(BROWSER_DIR) as port:
        # `localhost` is on the Browser's default remote-content allowlist (guides.neo4j.com, localhost).
        guide = page.run(f":play http://localhost:{port}/guide.html")
        page.wait.until(lambda _: "Mali's foreign relations as a graph" in guide.text)
        assert guide.find_elements(By.CSS_SELECTOR, "pre.runnable")
        style = page.run(f":style http://localhost:{port}/style.grass")
        page.wait.until(lambda _: "node.Meeting" in style.text or "ERROR" in style.text)
        assert "ERROR" not in style.text, style.text
        assert '"{type} {date}"' in style.text


def test_diop_lavrov_contacts_in_browser(page: Neo4jBrowserPage) -> None:
    with serve_directory(BROWSER_DIR) as port:
        page.run(f":style http://localhost:{port}/style.grass")
    page.run(":param a => 'Diop'")
    page.run(":param b => 'Lavrov'")
    frame = page.run(query_body("contacts_between"))

    # Graph view: the four meetings, captioned "type date" by the malikg style.
    page.wait.until(lambda _: len(frame.find_elements(By.CSS_SELECTOR, "svg g.node")) > 0)
    page.wait.until(lambda _: all(date in frame.text for date in DIOP_LAVROV_DATES))
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOT_DIR / SCREENSHOT
    assert frame.screenshot(str(shot))
    if os.environ.get("MALIKG_UPDATE_SCREENSHOTS") == "1":
        DOCS_IMG_DIR.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, DOCS_IMG_DIR / SCREENSHOT)

    # Table view: exactly the four meetings (one row per reporting article), in date order.
    page.show_table(frame)
    records = page.table_records(frame)
    dates = list(dict.fromkeys(record["date"] for record in records))
    assert dates == [f'"{date}"' for date in DIOP_LAVROV_DATES], records
