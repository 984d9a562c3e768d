"""GET /export/rdf: the graph (or the meetings matching the filters) as RDF, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.deps import NAME_SCHEMA, DriverDep, PeriodDep, ReaderDep, SettingsDep
from api.errors import InvalidParameterError
from api.resolve import resolve_entity
from api.schemas.common import ERRORS, InvalidRequest
from graph.rdf.errors import InvalidFilterError
from graph.rdf.export import iter_chunks
from graph.rdf.filters import ExportFilter
from graph.rdf.serialize import EXTENSIONS, MEDIA_TYPES
from ingest.curation import load_reference

router = APIRouter(tags=["export"])

RdfFormat = Literal["turtle", "json-ld", "nt"]
_RESPONSES: dict[int | str, dict[str, object]] = {
    **ERRORS,
    200: {
        "description": "The export, streamed.",
        "content": {media.split(";")[0]: {} for media in MEDIA_TYPES.values()},
    },
    422: {"model": InvalidRequest, "description": "Unknown format, or a date that is not YYYY, YYYY-MM or YYYY-MM-DD."},
}


@router.get(
    "/export/rdf",
    response_class=StreamingResponse,
    responses=_RESPONSES,
    summary="The graph as RDF (Turtle, JSON-LD or N-Triples)",
)
def export_rdf(
    driver: DriverDep,
    settings: SettingsDep,
    reader: ReaderDep,
    period: PeriodDep,
    format: Annotated[RdfFormat, Query(description="turtle, json-ld or nt (N-Triples).")] = "turtle",
    entity: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            json_schema_extra=NAME_SCHEMA,
            description="Only meetings involving this person, state or organisation (id, ISO3 or name).",
            examples=["abdoulaye-diop"],
        ),
    ] = None,
    ontology: Annotated[
        bool,
        Query(description="Include the project ontology: meeting types and sectors labelled in French and English."),
    ] = False,
) -> StreamingResponse:
    """Meetings (SEM events) with their actors, places, dates, topics and provenance (PROV-O, with the evidence
    sentence), people and their posts (FOAF, W3C ORG), states and organisations (schema.org, ORG, owl:sameAs
    Wikidata), articles (dcterms). Filters keep the meetings involving `entity` and/or overlapping `from`..`to`,
    and what those meetings reference. The body is streamed page by page; validate it with graph/rdf/shapes.ttl."""
    key = resolve_entity(reader, entity).id if entity is not None else None
    try:
        export_filter = ExportFilter.parse(entity=key, date_from=period.start, date_to=period.end)
    except InvalidFilterError as error:
        raise InvalidParameterError(str(error)) from error
    chunks = iter_chunks(
        driver,
        settings.neo4j_database,
        format,
        load_reference(),
        export_filter,
        include_ontology=ontology,
        timeout_s=settings.malikg_query_timeout_s,
    )
    # Read the first page now, so that an unreachable database answers 503 instead of a truncated 200.
    head = [next(chunks), next(chunks)]
    body: Iterator[str] = chain(head, chunks)
    return StreamingResponse(
        body,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="malikg.{EXTENSIONS[format]}"'},
    )
