"""The graph's version: a token that every committed write to the database advances, read in one read transaction.

Neo4j already numbers committed transactions, and returns that number, as a bookmark, at the end of every
transaction, read-only ones included: a read's bookmark names the last transaction committed before it. So the
bookmark of a tiny read changes exactly when some write has committed since the previous read: an ingest
(`malikg ingest`, POST /documents, any worker on any host), a retraction, a judgement, or a write made in Neo4j
Browser, with nothing to bump in the writer and no version node that every writer would have to lock. The store
id (`db.info()`) is part of the token, so a store replaced by a backup or a rebuilt one never reuses a version.
"""

from __future__ import annotations

import hashlib

import neo4j

from graph.queries import load_query


def read_version(driver: neo4j.Driver, database: str, timeout_s: float) -> str:
    """The current version of `database` (a short hex token); raises the driver's errors when it is unreachable."""
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:

        @neo4j.unit_of_work(timeout=timeout_s)
        def work(tx: neo4j.ManagedTransaction) -> str:
            record = tx.run(load_query("health/graph_version")).single(strict=True)
            return str(record["store"])

        store = session.execute_read(work)
        bookmarks = sorted(session.last_bookmarks().raw_values)
    return hashlib.sha256("\n".join([store, *bookmarks]).encode()).hexdigest()[:24]
