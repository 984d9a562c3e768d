"""The one read path of every export: keyset-paged sections of the (filtered) graph, in read transactions.

Each section (sectors, states, organisations, places, people, articles, meetings) is read page by page with
`WHERE key > $last ORDER BY key LIMIT $limit`, so no query ever holds more than one page. With a filter
(entity, period) only the matching meetings and what they reference are read. The formats (RDF, CSV, GEXF,
GraphML) only differ in how they write these records.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from neo4j import READ_ACCESS, Driver, ManagedTransaction, NotificationMinimumSeverity, unit_of_work

from graph.queries import load_query
from graph.rdf.filters import ExportFilter

DEFAULT_BATCH_SIZE = 1000
Record = dict[str, Any]

# name -> (query under queries/, key the pages are keyed on); in this order, so a meeting comes after what it cites
SECTIONS: dict[str, tuple[str, str]] = {
    "sectors": ("export/sectors", "name"),
    "states": ("export/states", "iso3"),
    "organisations": ("export/organisations", "id"),
    "places": ("export/places", "id"),
    "people": ("export/people", "id"),
    "articles": ("export/articles", "id"),
    "meetings": ("export/meetings", "id"),
    "citations": ("export/citations", "key"),  # trust: quotes, offsets, reposts (RDF only)
    "judgements": ("export/judgements", "id"),  # trust: researchers' corrections (RDF only)
}


def _fetch(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> list[Record]:
    return [record.data() for record in tx.run(query, params)]


def iter_records(
    driver: Driver,
    database: str,
    export_filter: ExportFilter | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    timeout_s: float | None = None,
    sections: tuple[str, ...] = tuple(SECTIONS),
) -> Iterator[tuple[str, list[Record]]]:
    """(section name, one page of its records), each page in its own read transaction (stopped by Neo4j after
    `timeout_s` when given: the API passes MALIKG_QUERY_TIMEOUT_S)."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    fetch = _fetch if timeout_s is None else unit_of_work(timeout=timeout_s)(_fetch)
    base = (export_filter or ExportFilter()).params()
    # Notifications off: properties absent from a small graph (e.g. no article has an outlet) are expected here.
    with driver.session(
        database=database, default_access_mode=READ_ACCESS, notifications_min_severity=NotificationMinimumSeverity.OFF
    ) as session:
        for name in sections:
            query_name, key = SECTIONS[name]
            query = load_query(query_name)
            last = ""
            while True:
                records = session.execute_read(fetch, query, {**base, "last": last, "limit": batch_size})
                if records:
                    yield name, records
                if len(records) < batch_size:
                    break
                last = records[-1][key]
