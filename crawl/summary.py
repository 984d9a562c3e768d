"""What one crawl round did, counted, and its summary lines."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class RoundSummary:
    """Counts of a round. `failed` and `off_topic` are keyed by reason ("404 Not Found", "not French")."""

    listings: int = 0  # feeds and sitemaps read (200)
    listings_not_modified: int = 0  # answered 304: their last entries are reused
    listed: int = 0  # distinct pages the sources list
    not_due: int = 0  # seen before and not listed as changed since: no request
    deferred: int = 0  # due but over max_pages: next round
    fetched: int = 0  # pages answered 200
    not_modified: int = 0  # pages answered 304 to a conditional GET
    unchanged: int = 0  # fetched, but the graph holds the same text: skipped before the NLP
    off_topic: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    written: int = 0  # articles extracted and written
    meetings_created: int = 0
    meetings_merged: int = 0  # reports that joined a meeting already in the graph
    stopped: bool = False  # ended early on SIGINT/SIGTERM (everything counted here is complete)

    def lines(self) -> list[str]:
        failed = ", ".join(f"{n} {reason}" for reason, n in sorted(self.failed.items())) or "none"
        off = ", ".join(f"{n} {reason}" for reason, n in sorted(self.off_topic.items())) or "none"
        return [
            f"listings: {self.listings} read, {self.listings_not_modified} not modified; "
            f"pages listed: {self.listed}, {self.not_due} seen before (not fetched), {self.deferred} deferred",
            f"pages: {self.fetched} fetched, {self.not_modified} not modified, {self.unchanged} unchanged "
            f"(skipped before the NLP), {sum(self.off_topic.values())} off-topic ({off}), "
            f"{self.written} written",
            f"failed: {sum(self.failed.values())} ({failed})",
            f"meetings: {self.meetings_created} created, {self.meetings_merged} merged into existing ones"
            + ("; stopped early on request" if self.stopped else ""),
        ]
