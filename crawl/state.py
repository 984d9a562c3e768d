"""What the crawler has seen, in one SQLite file: per page and per listing (feed or sitemap) its HTTP validators
(ETag, Last-Modified), when it was fetched, the listing's change date, the text hash and the outcome.

Why SQLite and not Neo4j: this is the crawler's bookkeeping, not knowledge; keeping it out of the graph keeps the
graph a function of the extractions (DESIGN.md), lets the crawler stay polite (no refetch) even while Neo4j is
down, and needs nothing beyond the standard library. Each `record_*` commits at once, and a page is recorded only
after what it produced is committed to Neo4j, so a stopped round leaves nothing half recorded.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from crawl.listings import Entry, Listing

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
  url TEXT PRIMARY KEY,
  etag TEXT, last_modified TEXT,
  changed TEXT,          -- the listing's change date of the page when it was fetched
  fetched_at TEXT NOT NULL,
  text_sha1 TEXT,
  outcome TEXT NOT NULL, -- written, unchanged, not-modified, off-topic, failed, retry
  reason TEXT
);
CREATE TABLE IF NOT EXISTS listings (
  url TEXT PRIMARY KEY,
  etag TEXT, last_modified TEXT,
  fetched_at TEXT NOT NULL,
  entries TEXT NOT NULL  -- JSON {"entries": [[url, changed], ...], "sitemaps": [url, ...]}, reused on 304
);
"""


@dataclass(frozen=True)
class PageRecord:
    etag: str | None
    last_modified: str | None
    changed: str | None
    outcome: str


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class CrawlState:
    """The state file; one connection, used from the thread that opened it."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path)
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CrawlState:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def page(self, url: str) -> PageRecord | None:
        row = self._db.execute(
            "SELECT etag, last_modified, changed, outcome FROM pages WHERE url = ?", (url,)
        ).fetchone()
        return None if row is None else PageRecord(*row)

    def record_page(
        self,
        url: str,
        outcome: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        changed: str | None = None,
        text_sha1: str | None = None,
        reason: str | None = None,
    ) -> None:
        """Record a page's outcome; validators and hash not given are kept from the previous record."""
        with self._db:
            self._db.execute(
                """INSERT INTO pages (url, etag, last_modified, changed, fetched_at, text_sha1, outcome, reason)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(url) DO UPDATE SET
                     etag = coalesce(excluded.etag, etag), last_modified = coalesce(excluded.last_modified,
                     last_modified), changed = coalesce(excluded.changed, changed), fetched_at = excluded.fetched_at,
                     text_sha1 = coalesce(excluded.text_sha1, text_sha1), outcome = excluded.outcome,
                     reason = excluded.reason""",
                (url, etag, last_modified, changed, now(), text_sha1, outcome, reason),
            )

    def listing(self, url: str) -> tuple[str | None, str | None, Listing] | None:
        """(ETag, Last-Modified, what it listed) of a listing read before."""
        row = self._db.execute("SELECT etag, last_modified, entries FROM listings WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        saved = json.loads(row[2])
        return row[0], row[1], Listing([Entry(u, c) for u, c in saved["entries"]], list(saved["sitemaps"]))

    def record_listing(self, url: str, etag: str | None, last_modified: str | None, listing: Listing) -> None:
        with self._db:
            self._db.execute(
                """INSERT INTO listings (url, etag, last_modified, fetched_at, entries) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                     fetched_at = excluded.fetched_at, entries = excluded.entries""",
                (url, etag, last_modified, now(), json.dumps(_saved(listing))),
            )

    def outcomes(self) -> dict[str, int]:
        """Pages per outcome (for docs and tests)."""
        return dict(self._db.execute("SELECT outcome, count(*) FROM pages GROUP BY outcome").fetchall())


def _saved(listing: Listing) -> dict[str, list[object]]:
    return {"entries": [[e.url, e.changed] for e in listing.entries], "sitemaps": list(listing.sitemaps)}


def due(changed: str | None, record: PageRecord | None) -> bool:
    """Whether a listed page must be fetched: never fetched, to be retried, or listed as changed since."""
    if record is None or record.outcome == "retry":
        return True
    return changed is not None and (record.changed is None or changed > record.changed)
