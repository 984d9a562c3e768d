"""Property-based fuzzing of the live API with schemathesis: a real uvicorn on the seed graph, its own OpenAPI schema.

Every operation (POST /documents too, with the API key) gets a bounded number of generated requests, valid and
invalid; no response may be a 5xx, and every response must be documented (status code, content type) and match
its schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import neo4j
import pytest
import schemathesis
from api_server import running_api, server_env
from e2e.seed_graph import load_seed_graph
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.generation import GenerationMode
from schemathesis.schemas import APIOperation
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.main import create_app

KEY = "fuzz-key"
EXAMPLES = 15  # per operation and mode; the whole module stays well under two minutes on two busy cores
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def seeded_api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn with writes enabled, over the seed graph (written once for the module)."""
    neo4j_server.reset()
    with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth()) as driver:
        load_seed_graph(driver, neo4j_server.database)
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password, MALIKG_API_KEY=KEY)
    with running_api(env, tmp_path_factory.mktemp("fuzz") / "api.log") as base:
        yield base


# The schema as the application builds it (no server needed to collect the tests); the test checks that the live
# server publishes exactly this one.
SCHEMA_DICT = create_app().openapi()
SCHEMA = schemathesis.openapi.from_dict(SCHEMA_DICT)


def _operations() -> dict[str, APIOperation[Any, Any, Any, Any]]:
    found = {}
    for result in SCHEMA.get_all_operations():
        if not isinstance(result, Ok):
            raise AssertionError(f"the app's OpenAPI schema has an invalid operation: {result}")
        found[result.ok().label] = result.ok()
    return found


OPERATIONS = _operations()
# An operation with neither parameters nor body has no invalid request to generate.
RUNS = [
    (label, mode)
    for label, op in sorted(OPERATIONS.items())
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if mode.is_positive or op.definition.raw.get("parameters") or op.definition.raw.get("requestBody")
]


@pytest.fixture(scope="module")
def live_api(seeded_api: str) -> str:
    live = httpx.get(f"{seeded_api}/openapi.json", timeout=30.0)
    assert live.status_code == 200 and live.json() == SCHEMA_DICT
    return seeded_api


@pytest.mark.parametrize(("label", "mode"), RUNS, ids=[f"{label}-{mode}" for label, mode in RUNS])
def test_every_operation_answers_within_its_schema(live_api: str, label: str, mode: GenerationMode) -> None:
    operation = OPERATIONS[label]

    @given(case=operation.as_strategy(mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def fuzz(case: schemathesis.Case[Any]) -> None:
        case.call_and_validate(base_url=live_api, headers={"X-API-Key": KEY}, checks=CHECKS, timeout=120)

    fuzz()
