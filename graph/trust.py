"""The writer's hooks for trust: replaced article versions, per-article provenance, judgements.

`before_write` runs right after the write locks: an article whose URL is already in the graph with another text
(an outlet's correction) has its earlier version's facts retracted. `after_write` runs last: it records which
article supports each edge of the meetings just written (so a retraction removes exactly the facts only that
article supports), stores the user's document id, and applies researchers' judgements to the meetings and people
the write touched. Both run inside the writer's transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import neo4j

from graph import partner_tallies
from graph.queries import load_query
from graph.review import apply_judgements
from graph.rows import BatchRows, normalise_title


def _run(tx: neo4j.ManagedTransaction, name: str, **params: Any) -> list[neo4j.Record]:
    return list(tx.run(load_query(name), params))


def before_write(tx: neo4j.ManagedTransaction, rows: BatchRows) -> None:
    """Retract the facts of earlier versions of the batch's articles whose text changed."""
    changed = [r["id"] for r in _run(tx, "review/changed_versions", rows=rows.articles)]
    if changed:
        touched = partner_tallies.reported_meetings(tx, changed)
        partner_tallies.forget(tx, touched)
        _run(tx, "write/promote_repost", ids=changed)
        _run(tx, "write/unattest_roles", ids=changed)
        _run(tx, "write/retract_articles", ids=changed)
        partner_tallies.refresh(tx, touched)


def after_write(tx: neo4j.ManagedTransaction, rows: BatchRows, meetings: Sequence[Mapping[str, Any]]) -> None:
    """Record provenance and the document ids, then apply the judgements on what was touched."""
    written = {(r["article"], r["index"]): r["meeting"] for r in meetings}
    citations = {a["id"]: a.get("citations") or [] for a in rows.articles}
    support: list[dict[str, Any]] = []
    for row in rows.meetings:
        meeting = written.get((row["article"], row["index"]))
        if meeting is not None:
            cited = citations.get(row["article"], [])
            citation = cited[row["index"]] if row["index"] < len(cited) else {}
            support.append(
                {
                    "meeting": meeting,
                    "article": row["article"],
                    "citation": citation,
                    "participants": row["participants"],
                    "states": row["states"],
                    "topics": row["topics"],
                    "organisations": row["organisations"],
                }
            )
    if support:
        _run(tx, "write/record_support", rows=support)
    _run(tx, "write/article_sources", rows=rows.articles)
    attested = [
        {**role, "title": normalise_title(role["title"]), "article": a["id"], "day": a["published"]}
        for a in rows.articles
        if a.get("published")
        for role in a.get("roles") or []
    ]
    if attested:
        _run(tx, "write/attest_roles", rows=attested)
    apply_judgements(tx, written.values(), [p["id"] for p in rows.people])
