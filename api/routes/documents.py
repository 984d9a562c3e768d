"""POST /documents: extract one article and write what was found into the graph (needs the API key)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Request

from api.auth import ApiKeyDep
from api.deps import DriverDep, SettingsDep
from api.errors import ExtractorBusyError, InvalidParameterError
from api.extraction import ExtractionBusyError, ExtractionFailedError, ExtractionPool
from api.schemas.common import InvalidRequest, Problem
from api.schemas.documents import Ingested
from graph.writer import GraphWriter
from ingest.curation import load_reference
from ingest.models import Document
from ingest.normalise import clean_metadata
from ingest.readers import check_document, main_text

router = APIRouter(tags=["documents"])

_EXAMPLE = {
    "id": "essor-2024-02-29-moscou",
    "text": "Le ministre des Affaires étrangères, Abdoulaye Diop, a eu une rencontre bilatérale, ce mercredi 28 "
    "février, avec le chef de la diplomatie russe Sergueï Lavrov, à Moscou.",
    "published": "2024-02-29",
    "outlet": "L'Essor",
}


def get_extractor(request: Request) -> ExtractionPool:
    """The API's pool of extraction workers (api/extraction.py), created in the lifespan."""
    extractor: ExtractionPool = request.app.state.extractor
    return extractor


@router.post(
    "/documents",
    response_model=Ingested,
    status_code=201,
    summary="Ingest one article",
    responses={
        400: {"model": Problem, "description": "A body that cannot be decoded (JSON text must be UTF-8)."},
        401: {"model": Problem, "description": "Missing or wrong X-API-Key (checked before the body is read)."},
        415: {"model": Problem, "description": "A body that is not sent as application/json."},
        422: {
            "model": InvalidRequest,
            "description": "Invalid body, or an article that cannot be ingested (empty, binary, larger than "
            "MALIKG_MAX_DOCUMENT_BYTES, `published` not a YYYY-MM-DD date between 1900 and today, `url` not "
            "http(s)) or extracted; ids, urls, titles, outlets and authors over 1000, 2048, 2000, 500 "
            "and 500 characters.",
        },
        413: {"model": Problem, "description": "Body larger than 2 MB."},
        503: {
            "model": Problem,
            "description": "Writes disabled (no MALIKG_API_KEY), Neo4j unreachable, or every extraction worker busy "
            "(with Retry-After).",
        },
    },
)
def post_document(
    _: ApiKeyDep,
    extractor: Annotated[ExtractionPool, Depends(get_extractor)],
    driver: DriverDep,
    settings: SettingsDep,
    document: Annotated[Document, Body(openapi_examples={"article": {"summary": "An article", "value": _EXAMPLE}})],
) -> Ingested:
    """Run the French NLP extraction on the article and write the result (idempotent: posting the same article
    again changes nothing). A `text` that is a whole HTML page is reduced to its main text first. Answers with
    the extraction and what was written."""
    document = clean_metadata(document)  # lone surrogates, NULs: the id is repeated in messages
    try:
        limit = settings.malikg_max_document_bytes
        document = check_document(main_text(check_document(document, limit)), limit)
    except ValueError as error:
        raise InvalidParameterError(f"Document '{document.id}' cannot be ingested: {error}") from None
    try:
        extraction = extractor.extract(document)
    except ExtractionBusyError:
        raise ExtractorBusyError(
            "Every extraction worker is busy (MALIKG_EXTRACT_WORKERS); retry in a moment.", retry_after_s=5
        ) from None
    except ExtractionFailedError as error:
        raise InvalidParameterError(f"Document '{document.id}' could not be extracted: {error}") from None
    written = GraphWriter(driver, settings.neo4j_database, load_reference()).write(extraction)
    return Ingested(extraction=extraction, written=written.counters(), meetings=list(written.meetings))
