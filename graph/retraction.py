"""Retract an article: remove it and every fact only it supports (queries/write/retract_articles.cypher).

Meetings other articles still report stay, with their remaining sources; an original's earliest repost takes
over its reports first. The article is named by its graph id, the document id given at ingest, or its URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import neo4j

from graph import partner_tallies
from graph.queries import load_query


@dataclass(frozen=True)
class Retraction:
    """What a retraction removed and kept."""

    articles: list[str] = field(default_factory=list)
    meetings_deleted: list[str] = field(default_factory=list)
    meetings_kept: list[str] = field(default_factory=list)
    promoted_reposts: list[str] = field(default_factory=list)


class ArticleNotFoundError(LookupError):
    """No article has that id, document id or URL."""


def retract(driver: neo4j.Driver, database: str, key: str) -> Retraction:
    """Retract every article whose id, document id or URL is `key`, in one transaction."""
    with driver.session(database=database) as session:
        return session.execute_write(_retract, key)


def _retract(tx: neo4j.ManagedTransaction, key: str) -> Retraction:
    ids = [r["id"] for r in tx.run(load_query("review/find_articles"), key=key)]
    if not ids:
        raise ArticleNotFoundError(f"no article has the id, document id or URL '{key}'")
    tx.run(load_query("write/lock"), keys=[f"retract:{i}" for i in sorted(ids)]).consume()
    touched = partner_tallies.reported_meetings(tx, ids)
    partner_tallies.forget(tx, touched)  # taken out of GET /partners' counts; survivors are put back below
    heirs = [r["heir"] for r in tx.run(load_query("write/promote_repost"), ids=ids)]
    tx.run(load_query("write/unattest_roles"), ids=ids).consume()
    row = tx.run(load_query("write/retract_articles"), ids=ids).single(strict=True)
    partner_tallies.refresh(tx, touched)
    tx.run(load_query("write/unlock"), keys=[f"retract:{i}" for i in sorted(ids)]).consume()
    return Retraction(
        articles=ids,
        meetings_deleted=sorted(row["meetings_deleted"]),
        meetings_kept=sorted(row["meetings_kept"]),
        promoted_reposts=heirs,
    )
