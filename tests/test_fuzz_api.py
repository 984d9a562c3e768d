"""Property-based fuzzing of the live API with schemathesis: a real uvicorn on the seed graph, its own OpenAPI schema.

Every operation (POST /documents too, with the API key) gets a bounded number of generated requests, valid and
invalid, under every check schemathesis has (`--checks all`): no 5xx, every response documented (status, content
type, headers) and matching its schema, schema-valid requests accepted, schema-invalid ones refused, a complete
`Allow` on 405, no write without the key.

What the OpenAPI schema documents is checked as such (dates, sectors, a document's `published` and `url`, the
fields each judgement kind needs ...). A few refusals cannot be written in JSON Schema and are stated in the
operations' descriptions instead (a period whose `from` is after its `to`, a named query without one of its
parameters, a document published in the future or whose text is empty, binary or too large in UTF-8, a judgement
that merges something into itself): schema-valid requests that break them are generated and sent like any other,
and `fuzz_hooks.filter_failure` accepts their 422 only when it is exactly that refusal (the API's own check names
the rule and the answer carries its message); every other check still runs on those answers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any, cast

import fuzz_hooks  # noqa: F401  (registers the filter_failure hook: documented refusals must be exact)
import httpx
import neo4j
import pytest
import schemathesis
import schemathesis.specs.openapi.checks  # noqa: F401  (registers the OpenAPI checks)
from api_server import running_api, server_env
from e2e.seed_graph import load_seed_graph
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import CHECKS as REGISTERED_CHECKS
from schemathesis.checks import CheckFunction
from schemathesis.core.result import Ok
from schemathesis.generation import GenerationMode
from schemathesis.openapi.checks import RejectedPositiveData, UndefinedStatusCode
from schemathesis.schemas import APIOperation

from api.main import create_app

KEY = "fuzz-key"
EXAMPLES = 10  # per operation and mode; the whole module stays within a few minutes on two busy cores
# The suite draws a fixed set of examples (derandomized), so a failure is reproducible and never a coin toss in CI;
# MALIKG_FUZZ_RANDOM=1 draws new ones on each run, to explore.
DERANDOMIZE = os.environ.get("MALIKG_FUZZ_RANDOM") != "1"
# every check, as `schemathesis run --checks all` (all are plain check functions; the registry's type is wider)
CHECKS = cast(list[CheckFunction], REGISTERED_CHECKS.get_all())


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

    strategy = operation.as_strategy(mode)

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=DERANDOMIZE,
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(case: schemathesis.Case[Any]) -> None:
        case.call_and_validate(base_url=live_api, headers={"X-API-Key": KEY}, checks=CHECKS, timeout=120)

    fuzz()


# One request per rule no schema can state, and the same request mended: what the API answers to the first, and what
# the hook makes of that answer.
REFUSALS = [
    (
        "GET /charts/timeline",
        {"query": {"entity": "Abdoulaye Diop", "from": "2024", "to": "2023-06"}},
        {"query": {"entity": "Abdoulaye Diop", "from": "2023", "to": "2024-06"}},
    ),
    (
        "GET /queries/{name}",
        {"path_parameters": {"name": "get_organisation"}, "query": {}},
        {"path_parameters": {"name": "get_organisation"}, "query": {"id": "onu"}},
    ),
    (
        "POST /documents",
        {"body": {"id": "future", "text": "Un texte.", "published": "2999-01-01"}},
        {"body": {"id": "future", "text": "Un texte.", "published": "2024-01-01"}},
    ),
    (
        "POST /judgements",
        {
            "body": {
                "kind": "distinct_people",
                "author": "fuzz",
                "reason": "test",
                "person": "abdoulaye-diop",
                "other": "abdoulaye-diop",
            }
        },
        {
            "body": {
                "kind": "distinct_people",
                "author": "fuzz",
                "reason": "test",
                "person": "abdoulaye-diop",
                "other": "sergueï-lavrov",
            }
        },
    ),
]


@pytest.mark.parametrize(("label", "refused", "mended"), REFUSALS, ids=[label for label, _, _ in REFUSALS])
def test_a_documented_refusal_is_dropped_only_when_it_is_exactly_that_refusal(
    live_api: str, label: str, refused: dict[str, Any], mended: dict[str, Any]
) -> None:
    operation = OPERATIONS[label]
    media = {"media_type": "application/json"} if "body" in refused else {}
    case = operation.Case(**refused, **media)
    response = case.call(base_url=live_api, headers={"X-API-Key": KEY}, timeout=120)
    rejected = RejectedPositiveData(operation=label, message="", status_code=422, allowed_statuses=["2xx"])
    expected = fuzz_hooks.documented_refusal(case)
    assert response.status_code == 422 and expected is not None and expected in response.text
    assert fuzz_hooks.filter_failure(None, rejected, case, response) is False  # the right refusal: dropped
    # the same 422 for a request that breaks no such rule is kept, and so is another failure of the refusal
    valid = operation.Case(**mended, **media)
    assert fuzz_hooks.documented_refusal(valid) is None
    assert fuzz_hooks.filter_failure(None, rejected, valid, response) is True
    undocumented = UndefinedStatusCode(
        operation=label, status_code=422, defined_status_codes=[], allowed_status_codes=[], message=""
    )
    assert fuzz_hooks.filter_failure(None, undocumented, case, response) is True
