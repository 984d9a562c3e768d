"""Constraints and indexes of the graph model (DESIGN.md), created idempotently with `IF NOT EXISTS`."""

from __future__ import annotations

import logging
from typing import LiteralString

import neo4j

from core.dates import day_span
from core.errors import PartialDateError
from graph.partner_tallies import refresh, tally_untallied
from graph.queries import load_query

log = logging.getLogger(__name__)

# Names are fixed here so that `SHOW CONSTRAINTS` / `SHOW INDEXES` read the same on every run.
CONSTRAINTS: tuple[LiteralString, ...] = (
    "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT state_iso3 IF NOT EXISTS FOR (n:State) REQUIRE n.iso3 IS UNIQUE",
    "CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT sector_name IF NOT EXISTS FOR (n:Sector) REQUIRE n.name IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
    # The writer's lock nodes must be unique for MERGE on them to serialise concurrent ingests.
    "CREATE CONSTRAINT write_lock_key IF NOT EXISTS FOR (n:WriteLock) REQUIRE n.key IS UNIQUE",
    # Researchers' judgements (graph/review.py).
    "CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (n:Judgement) REQUIRE n.id IS UNIQUE",
    # Partner tallies (graph/partner_tallies.py), merged by key by every write path.
    "CREATE CONSTRAINT partner_tally_key IF NOT EXISTS FOR (n:PartnerTally) REQUIRE n.key IS UNIQUE",
    # A tally's dates with their meeting counts: its first and last date are one ordered index seek away.
    "CREATE CONSTRAINT partner_tally_date IF NOT EXISTS FOR (n:PartnerTallyDate) REQUIRE (n.key, n.date) IS UNIQUE",
)

TRUST_INDEXES: tuple[LiteralString, ...] = tuple(
    f"CREATE INDEX judgement_{key} IF NOT EXISTS FOR (n:Judgement) ON (n.{key})"
    for key in ("meeting", "person", "into", "other", "split_into", "created_at")
) + ("CREATE INDEX rejected_meeting_id IF NOT EXISTS FOR (n:RejectedMeeting) ON (n.id)",)

INDEXES: tuple[LiteralString, ...] = (
    "CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)",
    "CREATE INDEX meeting_type IF NOT EXISTS FOR (n:Meeting) ON (n.type)",
    # Date filters compare a period with the first and last day a meeting's (partial) date covers.
    "CREATE INDEX meeting_start_day IF NOT EXISTS FOR (n:Meeting) ON (n.start_day)",
    "CREATE INDEX meeting_end_day IF NOT EXISTS FOR (n:Meeting) ON (n.end_day)",
    "CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url)",
    "CREATE INDEX article_text_sha1 IF NOT EXISTS FOR (n:Article) ON (n.text_sha1)",
    "CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)",
    "CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)",
    "CREATE INDEX state_name IF NOT EXISTS FOR (n:State) ON (n.name)",
    "CREATE INDEX organisation_name IF NOT EXISTS FOR (n:Organisation) ON (n.name)",
    "CREATE INDEX organisation_acronym IF NOT EXISTS FOR (n:Organisation) ON (n.acronym)",
    "CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name)",
    # GET /partners reads a state's tallies for one sector filter (queries/rank_partners.cypher).
    "CREATE INDEX partner_tally_read IF NOT EXISTS FOR (n:PartnerTally) ON (n.state, n.sector, n.year)",
    # Repost detection looks articles up by the fingerprint of their evidence sentences.
    "CREATE INDEX article_fingerprint IF NOT EXISTS FOR (n:Article) ON (n.fingerprint)",
    # The writer looks up the judgements and rejected meetings of what it touched (graph/review.py).
    *TRUST_INDEXES,
    # Name search across the three kinds of actor; `aliases` is a list of strings, which full-text indexes accept.
    # The `standard-folding` analyzer ignores accents as well as case ("algerie" finds "Algérie").
    "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Person|State|Organisation) ON EACH [n.name, n.aliases]"
    " OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
)

FULLTEXT_INDEX = "entity_names"
SCHEMA_STATEMENTS: tuple[LiteralString, ...] = CONSTRAINTS + INDEXES


def apply_schema(driver: neo4j.Driver, database: str, *, wait_s: float = 60.0) -> None:
    """Create every constraint and index that is missing, wait until all indexes are online, then fill in the days
    of meetings stored before they had them, turn the attestation lists of posts written before ATTESTS into ATTESTS
    relationships, and tally the meetings never tallied (graph/partner_tallies.py).

    Running it again changes nothing. Schema commands cannot share a transaction with other writes, so each
    statement runs in its own auto-commit transaction.
    """
    with driver.session(database=database) as session:
        for statement in SCHEMA_STATEMENTS:
            session.run(statement).consume()
        session.run("CALL db.awaitIndexes($timeout)", timeout=int(wait_s)).consume()
        session.execute_write(_fill_meeting_days)
        # CALL ... IN TRANSACTIONS: an auto-commit transaction, in batches (a large old graph converts in parts).
        converted = session.run(load_query("admin/attestation_lists")).single(strict=True)["converted"]
        if converted:
            log.info("%d posts: attestation lists turned into ATTESTS relationships", converted)
    tally_untallied(driver, database)


def _fill_meeting_days(tx: neo4j.ManagedTransaction) -> None:
    """Give meetings stored before `start_day`/`end_day` existed their days, so date filters see them."""
    rows = []
    for record in tx.run(load_query("admin/meetings_without_days")):
        try:
            start_day, end_day = day_span(record["date"])
        except PartialDateError:
            log.warning("meeting %s: stored date %r is not a calendar date; date filters skip it", *record.values())
            continue
        rows.append({"id": record["id"], "start_day": start_day, "end_day": end_day})
    if rows:
        tx.run(load_query("admin/set_meeting_days"), rows=rows).consume()
        refresh(tx, [row["id"] for row in rows])  # their year for the partner tallies


def schema_names(driver: neo4j.Driver, database: str) -> tuple[list[str], list[str]]:
    """The names of the constraints and of the indexes in `database`, sorted (for `malikg db schema` and tests)."""
    with driver.session(database=database) as session:
        constraints = sorted(record["name"] for record in session.run("SHOW CONSTRAINTS YIELD name"))
        indexes = sorted(record["name"] for record in session.run("SHOW INDEXES YIELD name"))
    return constraints, indexes
