"""GET /meetings and GET /meetings/{id} show the corrected fact and that it was corrected (who, when, why), over HTTP
against a real `malikg serve` and the real Neo4j; an uncorrected meeting says it was not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
from api_server import running_api, server_env
from trust_scenario import corpus, ingest, meeting_on, write_jsonl

KEY = {"X-API-Key": "test-key-123"}
WHY = "checked against the ministry's communiqué"


@pytest.fixture(scope="module")
def api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password, MALIKG_API_KEY="test-key-123")
    with running_api(env, tmp_path_factory.mktemp("api") / "api.log") as base:
        yield base


def test_meetings_show_the_corrected_fact_and_the_correction(
    api: str, driver: neo4j.Driver, neo4j_env: dict[str, str], tmp_path: Path
) -> None:
    ingest(neo4j_env, write_jsonl(tmp_path / "corpus.jsonl", corpus()))
    [t] = meeting_on(driver, "2024-01-15")
    [a] = meeting_on(driver, "2024-02-28")
    for body in ({"kind": "set_type", "type": "phone_call"}, {"kind": "set_date", "date": "2024-01"}):
        judged = httpx.post(
            f"{api}/judgements", json={**body, "meeting": t, "author": "a.traore", "reason": WHY}, headers=KEY
        )
        assert judged.status_code == 201, judged.text

    one = httpx.get(f"{api}/meetings/{t}", timeout=30.0).json()
    assert (one["type"], one["date"], one["date_precision"]) == ("phone_call", "2024-01", "month")
    assert one["corrected"] is True
    assert [c["kind"] for c in one["corrections"]] == ["set_type", "set_date"]
    assert all(c["author"] == "a.traore" and c["reason"] == WHY and c["created_at"] for c in one["corrections"])
    assert all(c["id"].startswith("j-") for c in one["corrections"])

    listed = httpx.get(f"{api}/meetings", params={"from": "2024-01", "to": "2024-02"}, timeout=30.0).json()
    by_id = {m["id"]: m for m in listed["meetings"]}
    assert by_id[t]["corrected"] is True and by_id[t]["type"] == "phone_call"
    assert by_id[t]["corrections"] == one["corrections"]
    assert by_id[a]["corrected"] is False and by_id[a]["corrections"] == []
