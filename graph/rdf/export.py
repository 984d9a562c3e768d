"""Stream the graph out as RDF: keyset-paged reads in read transactions, mapped and serialised batch by batch.

Each section (sectors, states, organisations, places, people, articles, meetings) is read page by page with
`WHERE key > $last ORDER BY key LIMIT $limit`, so no query ever holds more than one page and peak memory does
not grow with the graph. Every node is emitted once, by the section that owns it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TextIO

from neo4j import READ_ACCESS, Driver, ManagedTransaction, NotificationMinimumSeverity, unit_of_work

from graph.queries import load_query
from graph.rdf import mapping, rows, trust
from graph.rdf.assets import ontology_graph
from graph.rdf.filters import ExportFilter
from graph.rdf.serialize import Format, Triple, writer_for

DEFAULT_BATCH_SIZE = 1000


@dataclass(frozen=True)
class Section:
    """One kind of node: its export query, the key it pages on, and how a record becomes triples."""

    query: str
    key: str
    to_triples: Callable[[Mapping[str, Any]], list[mapping.Triple]]


def _compose(row_of: Callable[[Mapping[str, Any]], Any], triples_of: Callable[[Any], list[mapping.Triple]]) -> Any:
    return lambda record: triples_of(row_of(record))


SECTIONS: tuple[Section, ...] = (
    Section("export/sectors", "name", _compose(rows.sector_from_record, mapping.sector_triples)),
    Section("export/states", "iso3", _compose(rows.state_from_record, mapping.state_triples)),
    Section("export/organisations", "id", _compose(rows.organisation_from_record, mapping.organisation_triples)),
    Section("export/places", "id", _compose(rows.place_from_record, mapping.place_triples)),
    Section("export/people", "id", _compose(rows.person_from_record, mapping.person_triples)),
    Section("export/articles", "id", _compose(rows.article_from_record, mapping.article_triples)),
    Section("export/meetings", "id", _compose(rows.meeting_from_record, mapping.meeting_triples)),
    Section("export/citations", "key", trust.citation_triples),  # trust: quotes, offsets, reposts
    Section("export/judgements", "id", trust.judgement_triples),  # trust: PROV-O of researchers' corrections
)


def ontology_triples() -> list[Triple]:
    """The triples of graph/rdf/ontology.ttl."""
    return list(ontology_graph())


def _fetch(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [record.data() for record in tx.run(query, params)]


def iter_batches(
    driver: Driver,
    database: str,
    export_filter: ExportFilter,
    batch_size: int = DEFAULT_BATCH_SIZE,
    timeout_s: float | None = None,
) -> Iterator[list[Triple]]:
    """The triples of the (filtered) graph, one list per page of one section, each page in its own read transaction
    (stopped by Neo4j after `timeout_s` when given: the API passes MALIKG_QUERY_TIMEOUT_S)."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    fetch = _fetch if timeout_s is None else unit_of_work(timeout=timeout_s)(_fetch)
    base = export_filter.params()
    # Notifications off: properties absent from a small graph (e.g. no article has an outlet) are expected here.
    with driver.session(
        database=database, default_access_mode=READ_ACCESS, notifications_min_severity=NotificationMinimumSeverity.OFF
    ) as session:
        for section in SECTIONS:
            query = load_query(section.query)
            last = ""
            while True:
                params = {**base, "last": last, "limit": batch_size}
                records = session.execute_read(fetch, query, params)
                if records:
                    yield [t for record in records for t in section.to_triples(record)]
                if len(records) < batch_size:
                    break
                last = records[-1][section.key]


def iter_chunks(
    driver: Driver,
    database: str,
    fmt: Format,
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
    for triples in iter_batches(driver, database, export_filter or ExportFilter(), batch_size, timeout_s):
        chunk = writer.batch(triples)
        if chunk:
            yield chunk
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
    for triples in iter_batches(driver, database, export_filter or ExportFilter(), batch_size):
        chunk = writer.batch(triples)
        out.write(chunk)
        stats.triples += len(set(triples))
        stats.characters += len(chunk)
        if on_batch is not None:
            on_batch(stats)
    out.write(writer.footer())
    return stats
