"""The OpenAPI pages work offline: /docs and /redoc load Swagger UI and ReDoc from the API itself (assets shipped by
the fastapi-offline package), never from a CDN; the public schema has no module-qualified internal names and
documents the new routes, with an example of every answer. A real `malikg serve` over HTTP (no graph needed:
nothing here reads it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_server import free_port, running_api, server_env


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # a Bolt port nobody listens on: the pages and the schema never touch the graph
    env = server_env(f"bolt://127.0.0.1:{free_port()}")
    with running_api(env, Path(tmp_path_factory.mktemp("api")) / "api.log") as base:
        yield base


def _assets(page: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', page)


@pytest.mark.parametrize(("path", "asset"), [("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")])
def test_doc_pages_load_their_assets_from_the_api(api: str, path: str, asset: str) -> None:
    page = httpx.get(f"{api}{path}", timeout=30.0)
    assert page.status_code == 200
    assets = _assets(page.text)
    assert any(a.endswith(asset) for a in assets), assets
    assert not re.search(r"https?://(?!127\.0\.0\.1)", " ".join(assets)), assets
    assert "cdn.jsdelivr" not in page.text and "fonts.googleapis" not in page.text
    for url in assets:
        served = httpx.get(f"{api}{url}", timeout=30.0)
        assert served.status_code == 200, url
        assert len(served.content) > 10_000, url


def test_public_schema_has_no_internal_names_and_every_new_route(api: str) -> None:
    spec = httpx.get(f"{api}/openapi.json", timeout=30.0).json()
    names = list(spec["components"]["schemas"])
    assert [n for n in names if "__" in n] == []
    assert "MeetingRecord" in names and "Meeting" in names  # the API's record and the extraction contract's
    for path in ("/meetings", "/sectors", "/charts/timeline", "/charts/partners", "/charts/contacts"):
        assert path in spec["paths"], path
    csv_routes = ("/meetings", "/contacts", "/timeline", "/partners")
    for path in csv_routes:
        assert "text/csv" in spec["paths"][path]["get"]["responses"]["200"]["content"], path
    assert "image/svg+xml" in spec["paths"]["/charts/timeline"]["get"]["responses"]["200"]["content"]


def test_every_operation_has_a_response_example(api: str) -> None:
    """Walks the public schema: every operation shows an example of its successful answer."""
    spec = httpx.get(f"{api}/openapi.json", timeout=30.0).json()
    missing = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            contents = [
                content
                for code, response in operation["responses"].items()
                if code.startswith("2")
                for content in response.get("content", {}).values()
            ]
            if not any("example" in c or "examples" in c for c in contents):
                missing.append(f"{method.upper()} {path}")
    assert missing == []
    meeting = spec["paths"]["/meetings/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["example"]
    assert meeting["corrected"] is True and meeting["corrections"][0]["author"]
