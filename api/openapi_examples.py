"""Response examples of the public OpenAPI schema, read from `api/data/openapi_examples.yaml`.

Every example of a response model is validated by that model when the schema is first built, so an example cannot
drift from the answer it illustrates; `install(app)` puts them into `/openapi.json` (Swagger UI and ReDoc show them).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml
from fastapi import FastAPI
from pydantic import BaseModel, TypeAdapter

from api.schemas.analytics import Network, Partners, Sectors, Stats
from api.schemas.documents import Ingested
from api.schemas.entities import OrganisationOut, PersonOut, SearchResults, StateOut
from api.schemas.health import Health
from api.schemas.meetings import Contacts, MeetingList, MeetingRecord, Timeline
from api.schemas.queries import QueryOut, QueryRun
from api.schemas.review import (
    ArticleText,
    Imported,
    JudgementFile,
    JudgementList,
    Provenance,
    Retracted,
    UnreadList,
    Withdrawn,
)
from graph.judgements import Judgement

MODELS: dict[str, type[BaseModel]] = {
    model.__name__: model
    for model in (
        Health, SearchResults, PersonOut, StateOut, OrganisationOut, MeetingRecord, Contacts, Timeline, MeetingList,
        Partners, Sectors, Network, Stats, QueryRun, Ingested, JudgementList, Judgement, JudgementFile, Withdrawn,
        Imported, Retracted, ArticleText, Provenance, UnreadList,
    )
}  # fmt: skip
# Operations whose JSON answer is not one model: the adapter that checks their example.
OPERATION_ADAPTERS: dict[str, TypeAdapter[Any]] = {"GET /queries": TypeAdapter(list[QueryOut])}


@cache
def examples() -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """(examples by schema name, examples by "METHOD path" and media type), each checked against its model."""
    text = files("api").joinpath("data/openapi_examples.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    models: dict[str, Any] = data["models"]
    operations: dict[str, dict[str, Any]] = data["operations"]
    for name, example in models.items():
        MODELS[name].model_validate(example)  # a KeyError names an example of no known model
    for operation, adapter in OPERATION_ADAPTERS.items():
        adapter.validate_python(operations[operation]["application/json"])
    return models, operations


def add_examples(schema: dict[str, Any]) -> dict[str, Any]:
    """Give each successful response of `schema` its example (in place; responses that have one keep it)."""
    models, operations = examples()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            given = operations.get(f"{method.upper()} {path}", {})
            for code, response in operation.get("responses", {}).items():
                if not str(code).startswith("2"):
                    continue
                for media, content in response.get("content", {}).items():
                    if "example" in content or "examples" in content:
                        continue
                    name = content.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1]
                    if media in given:
                        content["example"] = given[media]
                    elif name in models:
                        content["example"] = models[name]
    return schema


def install(app: FastAPI) -> None:
    """Serve the app's OpenAPI schema with the examples added."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        return add_examples(build())

    app.openapi = openapi  # type: ignore[method-assign]
