"""Charts over HTTP (a real `malikg serve` on the seed graph): valid SVG with the expected bars and labels, PNG
with its signature, errors as JSON; then each SVG rendered in headless Chromium, screenshots kept in docs/img/."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
from api_server import REPO_ROOT, running_api, server_env
from e2e.neo4j_browser_page import CHROMIUM, headless_chromium
from e2e.seed_graph import load_seed_graph

SVG = "{http://www.w3.org/2000/svg}"
CHARTS = {
    "chart-timeline-mali.svg": ("/charts/timeline", {"entity": "Mali", "by": "partner"}),
    "chart-partners-by-sector.svg": ("/charts/partners", {"state": "Mali"}),
    "chart-contacts-diop-lavrov.svg": ("/charts/contacts", {"a": "Diop", "b": "Lavrov"}),
}


@pytest.fixture(scope="module")
def api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    neo4j_server.reset()
    with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth()) as driver:
        load_seed_graph(driver, neo4j_server.database)
    with running_api(
        server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password),
        tmp_path_factory.mktemp("api") / "a.log",
    ) as b:
        yield b


def _svg(base: str, path: str, **params: str) -> ET.Element:
    response = httpx.get(f"{base}{path}", params=params, timeout=120.0)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/svg+xml"
    return ET.fromstring(response.content)  # raises on anything that is not well-formed XML


def _texts(root: ET.Element) -> str:
    return " ".join(t.text or "" for t in root.iter(f"{SVG}text"))


def test_timeline_svg_stacks_months_by_partner_or_type(api: str) -> None:
    by_partner = _svg(api, "/charts/timeline", entity="Mali")
    assert by_partner.tag == f"{SVG}svg"
    text = _texts(by_partner)
    assert "Mali: meetings per month" in text
    assert "Russie" in text and "Algérie" in text and "Mali (" not in text
    for month in ("2023-09", "2024-01", "2024-02", "2024-08", "2024-09"):
        assert month in text
    by_type = _texts(_svg(api, "/charts/timeline", entity="Lavrov", by="type"))
    assert "bilateral_meeting" in by_type and "phone_call" in by_type and "audience" not in by_type


def test_partners_chart_has_every_sector_of_the_partners(api: str) -> None:
    text = _texts(_svg(api, "/charts/partners", state="MLI"))
    assert "Partners of Mali by sector" in text
    for label in ("Russie", "Algérie", "sécurité", "diplomatie", "défense", "éducation"):
        assert label in text
    only_defence = _texts(_svg(api, "/charts/partners", state="MLI", sector="defence"))
    assert "Russie" in only_defence and "Algérie" not in only_defence


def test_contacts_chart_and_png(api: str) -> None:
    text = _texts(_svg(api, "/charts/contacts", a="Diop", b="Russia"))
    assert "Abdoulaye Diop – Russie" in text and "phone_call" in text and "2023" in text and "2024" in text
    png = httpx.get(f"{api}/charts/contacts", params={"a": "Diop", "b": "Lavrov", "format": "png"}, timeout=120.0)
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n") and len(png.content) > 5_000


def test_chart_errors_are_json(api: str) -> None:
    unknown = httpx.get(f"{api}/charts/timeline", params={"entity": "Lavrof"}, timeout=60.0)
    assert unknown.status_code == 404 and unknown.json()["suggestions"]
    assert httpx.get(f"{api}/charts/partners", params={"sector": "astrology"}, timeout=60.0).status_code == 422
    assert httpx.get(f"{api}/charts/timeline", params={"entity": "Mali", "format": "gif"}).status_code == 422


def test_same_data_same_bytes(api: str) -> None:
    first = httpx.get(f"{api}/charts/partners", timeout=60.0).content
    assert first == httpx.get(f"{api}/charts/partners", timeout=60.0).content


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent: run scripts/install-browser-deps.sh")
def test_charts_render_in_headless_chromium(api: str, tmp_path: Path) -> None:
    """Chromium opens each SVG the API serves; the page has the drawing's size and the screenshot is kept."""
    docs_img = REPO_ROOT / "docs" / "img"
    with headless_chromium() as browser:
        for name, (path, params) in CHARTS.items():
            browser.get(str(httpx.URL(f"{api}{path}", params=params)))
            size = browser.execute_script(
                "const r = document.documentElement.getBoundingClientRect(); return [r.width, r.height];"
            )
            assert document_is_svg(browser.execute_script("return document.documentElement.tagName;"))
            assert size[0] > 300 and size[1] > 150, size
            # the viewport exactly as large as the drawing, so the screenshot shows all of it and nothing else
            browser.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": int(size[0]) + 16, "height": int(size[1]) + 16, "deviceScaleFactor": 1, "mobile": False},
            )
            shot = docs_img / name.replace(".svg", ".png")
            assert browser.save_screenshot(str(tmp_path / shot.name))
            shot.write_bytes((tmp_path / shot.name).read_bytes())
            assert shot.read_bytes().startswith(b"\x89PNG")


def document_is_svg(tag: str) -> bool:
    return tag.lower() == "svg"
