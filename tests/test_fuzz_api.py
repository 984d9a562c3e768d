"""Property-based fuzzing of the live API with schemathesis: a real uvicorn on the seed graph, its own OpenAPI schema.

Every operation (POST /documents too, with the API key) gets a bounded number of generated requests, valid and
invalid, under every check schemathesis has (`--checks all`): no 5xx, every response documented (status, content
type, headers) and matching its schema, schema-valid requests accepted, schema-invalid ones refused, a complete
`Allow` on 405, no write without the key.

What the OpenAPI schema documents is checked as such (dates, sectors, the fields each judgement kind needs ...).
A few refusals cannot be written in JSON Schema and are stated in the operations' descriptions instead: a period
whose `from` is after its `to`, a named query called without one of its parameters, a document published in the
future or whose text is empty, binary or over `MALIKG_MAX_DOCUMENT_BYTES` in UTF-8, and a judgement that merges
something into itself. Valid requests are generated without those (`_documented_refusal`), the invalid ones keep
them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any, cast

import httpx
import neo4j
import pytest
import schemathesis
import schemathesis.specs.openapi.checks  # noqa: F401  (registers the OpenAPI checks)
from api_server import running_api, server_env
from e2e.seed_graph import load_seed_graph
from hypothesis import HealthCheck, given, settings
from pydantic import ValidationError
from schemathesis.checks import CHECKS as REGISTERED_CHECKS
from schemathesis.checks import CheckFunction
from schemathesis.core.result import Ok
from schemathesis.generation import GenerationMode
from schemathesis.schemas import APIOperation

from api.catalog import named_query
from api.errors import InvalidParameterError, NotFoundError
from api.main import create_app
from graph.judgements import JudgementIn
from ingest.models import Document
from ingest.readers import check_document

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
    if mode.is_positive:
        strategy = strategy.filter(lambda case: not _documented_refusal(case))

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


def _documented_refusal(case: schemathesis.Case[Any]) -> bool:
    """Whether a schema-valid request breaks a rule its operation states in words (see the module docstring)."""
    query = case.query or {}
    start, end = query.get("from"), query.get("to")
    if isinstance(start, str) and isinstance(end, str) and start[: len(end)] > end[: len(start)]:
        return True
    label = case.operation.label
    if label == "GET /queries/{name}":
        try:
            named_query(str((case.path_parameters or {}).get("name"))).bind({k: str(v) for k, v in query.items()})
        except InvalidParameterError:  # an unknown name is a 404, which is fine for a valid request
            return True
        except NotFoundError:
            pass
    if label == "POST /documents" and isinstance(case.body, dict):
        try:
            check_document(Document.model_validate(case.body))
        except (ValueError, ValidationError):
            return True
    if label.startswith("POST /judgements") and isinstance(case.body, dict):
        bodies = case.body.get("judgements", []) if label == "POST /judgements/import" else [case.body]
        for body in bodies if isinstance(bodies, list) else []:
            fields = {k: v for k, v in body.items() if k in JudgementIn.model_fields} if isinstance(body, dict) else {}
            try:
                JudgementIn.model_validate(fields)
            except ValidationError as error:
                if "into itself" in str(error) or "themself" in str(error):
                    return True
    return False
