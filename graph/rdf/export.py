"""Stream the graph out as RDF: the export core's pages (graph/export/core.py) mapped and serialised batch by batch.

Every node is emitted once, by the section that owns it; peak memory does not grow with the graph. The last statement
of every export is the completeness marker (`completeness_triples`), so a cut export is recognisable in every format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, TextIO

from neo4j import Driver
from rdflib.namespace import RDF

from core.reference import ReferenceData
from graph.export.core import DEFAULT_BATCH_SIZE, iter_records
from graph.rdf import mapping, rows, trust
from graph.rdf.assets import ontology_graph
from graph.rdf.filters import ExportFilter
from graph.rdf.serialize import Format, Triple, writer_for
from graph.rdf.vocab import COMPLETE_EXPORT, EXPORT


def _compose(row_of: Callable[[Mapping[str, Any]], Any], triples_of: Callable[[Any], list[mapping.Triple]]) -> Any:
    return lambda record: triples_of(row_of(record))


def to_triples(reference: ReferenceData) -> dict[str, Callable[[Mapping[str, Any]], list[mapping.Triple]]]:
    """Per section of the export core, its records' triples; `reference` adds the places' Wikidata ids."""
    return {
        "sectors": _compose(rows.sector_from_record, mapping.sector_triples),
        "states": _compose(rows.state_from_record, mapping.state_triples),
        "organisations": _compose(rows.organisation_from_record, mapping.organisation_triples),
        "places": _compose(partial(rows.place_from_record, reference=reference), mapping.place_triples),
        "people": _compose(rows.person_from_record, mapping.person_triples),
        "articles": _compose(rows.article_from_record, mapping.article_triples),
        "meetings": _compose(rows.meeting_from_record, mapping.meeting_triples),
        "citations": trust.citation_triples,  # trust: quotes, offsets, reposts
        "judgements": trust.judgement_triples,  # trust: PROV-O of researchers' corrections
    }


def ontology_triples() -> list[Triple]:
    """The triples of graph/rdf/ontology.ttl."""
    return list(ontology_graph())


def iter_batches(
    driver: Driver,
    database: str,
    export_filter: ExportFilter,
    reference: ReferenceData,
    batch_size: int = DEFAULT_BATCH_SIZE,
    timeout_s: float | None = None,
) -> Iterator[list[Triple]]:
    """The triples of the (filtered) graph, one list per page of one section of the export core."""
    sections = to_triples(reference)
    for section, records in iter_records(driver, database, export_filter, batch_size, timeout_s):
        triples_of = sections[section]
        yield [t for record in records for t in triples_of(record)]


def iter_chunks(
    driver: Driver,
    database: str,
    fmt: Format,
    reference: ReferenceData,
    export_filter: ExportFilter | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    *,
    include_ontology: bool = False,
    timeout_s: float | None = None,
) -> Iterator[str]:
    """The export as text chunks: the format's header, one chunk per page, then its footer.

    With `include_ontology`, the project ontology (labels of meeting types and sectors in French and English,
    the `mko:` terms) comes first, so the export is self-describing."""
    writer = writer_for(fmt)
    yield writer.header()
    if include_ontology:
        yield writer.batch(ontology_triples())
    for triples in iter_batches(driver, database, export_filter or ExportFilter(), reference, batch_size, timeout_s):
        chunk = writer.batch(triples)
        if chunk:
            yield chunk
    yield writer.batch(completeness_triples())
    yield writer.footer()


@dataclass
class ExportStats:
    """What one export wrote."""

    triples: int = 0
    characters: int = 0


def write_export(
    driver: Driver,
    database: str,
    fmt: Format,
    out: TextIO,
    reference: ReferenceData,
    export_filter: ExportFilter | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[ExportStats], None] | None = None,
    *,
    include_ontology: bool = False,
) -> ExportStats:
    """Write the whole export to a text stream, counting triples; `on_batch` reports progress after each page."""
    stats = ExportStats()
    writer = writer_for(fmt)
    out.write(writer.header())
    if include_ontology:
        ontology = ontology_triples()
        out.write(writer.batch(ontology))
        stats.triples += len(ontology)
    for triples in iter_batches(driver, database, export_filter or ExportFilter(), reference, batch_size):
        chunk = writer.batch(triples)
        out.write(chunk)
        stats.triples += len(set(triples))
        stats.characters += len(chunk)
        if on_batch is not None:
            on_batch(stats)
    out.write(writer.batch(completeness_triples()))
    out.write(writer.footer())
    return stats


def completeness_triples() -> list[Triple]:
    """The marker written last, after every page: an export that lacks it was cut short."""
    return [(EXPORT, RDF.type, COMPLETE_EXPORT)]
