"""schemathesis hooks for malikg's API: the refusals JSON Schema cannot state, checked instead of ignored.

Four rules of the API depend on more than one value, or on today's date, so no JSON Schema states them; each
operation states them in its description instead:

- a period (`from`, `to`) whose `from` is after its `to` (two parameters);
- a named query called without one of its parameters, or with a value of the wrong type (the parameters depend on
  the path's `name`);
- a document published in the future (today's date), or whose text is empty or binary once normalised, or over
  `MALIKG_MAX_DOCUMENT_BYTES` in UTF-8 (bytes, not characters);
- a judgement that merges a person or a meeting into itself (two fields).

A schema-valid request that breaks one of them gets a 422, which `positive_data_acceptance` (ST202) reports.
`filter_failure` below drops that one failure, and only when the 422 is the right refusal: the API's own check,
run here on the same request, names the rule, and the answer's `detail` carries exactly that message. Any other
422, another status, or another check's failure on the same response is kept. So the refusals are tested on every
generated request that breaks them, not skipped.

Used by tests/test_fuzz_api.py (imported, which registers the hook) and by the command line
(docs/reliability.md, "Fuzzing"):

    SCHEMATHESIS_HOOKS=tests.fuzz_hooks schemathesis run http://127.0.0.1:8000/openapi.json --checks all ...
"""

from __future__ import annotations

import json
from typing import Any

import schemathesis
from pydantic import ValidationError

from api.catalog import named_query
from api.deps import check_period
from api.errors import InvalidParameterError, NotFoundError
from graph.judgements import JudgementIn
from ingest.models import Document
from ingest.normalise import clean_metadata
from ingest.readers import check_document, main_text

REJECTED_POSITIVE_DATA = "ST202"  # schemathesis' code for "schema-valid request rejected"


def documented_refusal(case: schemathesis.Case[Any]) -> str | None:
    """The message the API refuses `case` with under one of the rules above, or None when it breaks none."""
    query = case.query or {}
    start, end = query.get("from"), query.get("to")
    if isinstance(start, str) and isinstance(end, str):
        try:
            check_period(start, end)
        except InvalidParameterError as error:
            if "is after" in str(error):
                return str(error)
    label = case.operation.label
    if label == "GET /queries/{name}":
        try:
            named_query(str((case.path_parameters or {}).get("name"))).bind({k: str(v) for k, v in query.items()})
        except InvalidParameterError as error:
            return str(error)
        except NotFoundError:  # an unknown name is a 404, which a valid request may get
            return None
    if label == "POST /documents" and isinstance(case.body, dict):
        return _document_refusal(case.body)
    if label.startswith("POST /judgements") and isinstance(case.body, dict):
        bodies = case.body.get("judgements", []) if label == "POST /judgements/import" else [case.body]
        for body in bodies if isinstance(bodies, list) else []:
            fields = {k: v for k, v in body.items() if k in JudgementIn.model_fields} if isinstance(body, dict) else {}
            try:
                JudgementIn.model_validate(fields)
            except ValidationError as error:
                for problem in error.errors():
                    if "into itself" in problem["msg"] or "themself" in problem["msg"]:
                        return str(problem["msg"]).removeprefix("Value error, ")
    return None


def _document_refusal(body: dict[str, Any]) -> str | None:
    """What `POST /documents` checks before extracting (api/routes/documents.py), run the same way."""
    try:
        document = clean_metadata(Document.model_validate(body))
    except ValidationError:
        return None  # not schema-valid after all: FastAPI's own 422, not a documented rule
    try:
        check_document(main_text(check_document(document)))
    except ValueError as error:
        return f"cannot be ingested: {error}"
    return None


def _details(text: str) -> list[str]:
    """The messages of a JSON 422 body: `detail` as a sentence, or the `msg` of each field error."""
    try:
        detail = json.loads(text).get("detail")
    except (ValueError, AttributeError):
        return []
    if isinstance(detail, str):
        return [detail]
    return [str(item.get("msg", "")) for item in detail if isinstance(item, dict)] if isinstance(detail, list) else []


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: schemathesis.Case[Any], response: Any) -> bool:
    """Keep every failure but an ST202 whose 422 is exactly the documented refusal of `case` (see above)."""
    if getattr(failure, "code", None) != REJECTED_POSITIVE_DATA or response.status_code != 422:
        return True
    expected = documented_refusal(case)
    return expected is None or not any(expected in message for message in _details(response.text))
