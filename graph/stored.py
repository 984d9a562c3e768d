"""Reads of what the graph already holds, for the writing commands (`malikg ingest`, `malikg crawl`).

Read transactions only; the queries live in `queries/ingest/`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import neo4j

from graph.queries import load_query


@dataclass(frozen=True)
class StoredArticle:
    """What the graph holds of an article: its cleaned-text hash and its metadata."""

    text_sha1: str | None
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    author: str | None = None


def stored_articles(driver: neo4j.Driver, database: str, article_ids: Sequence[str]) -> dict[str, StoredArticle]:
    """Article id -> what the graph holds of it, for the ids of `article_ids` that are in the graph."""
    if not article_ids:
        return {}

    def read(tx: neo4j.ManagedTransaction) -> dict[str, StoredArticle]:
        result = tx.run(load_query("ingest/stored_text_hashes"), ids=list(article_ids))
        return {
            r["id"]: StoredArticle(r["text_sha1"], r["url"], r["title"], r["outlet"], r["published"], r["author"])
            for r in result
        }

    with driver.session(database=database) as session:
        return session.execute_read(read)


@dataclass(frozen=True)
class MeetingCounts:
    """Meetings and meeting reports (REPORTED_IN) in the graph."""

    meetings: int
    reports: int


def meeting_counts(driver: neo4j.Driver, database: str) -> MeetingCounts:
    """How many meetings and reports the graph holds now."""

    def read(tx: neo4j.ManagedTransaction) -> MeetingCounts:
        record = tx.run(load_query("ingest/count_meetings_reports")).single(strict=True)
        return MeetingCounts(meetings=record["meetings"], reports=record["reports"])

    # On an empty graph Neo4j warns that REPORTED_IN does not exist yet: expected, not worth a log line.
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        return session.execute_read(read)
