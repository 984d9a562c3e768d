"""Errors of the crawler: one base class, and a failure that names its URL."""

from __future__ import annotations


class CrawlError(Exception):
    """Base class of the crawler's errors."""


class SourcesError(CrawlError):
    """The sources file cannot be read or is not valid; the message says where and why."""


class FetchError(CrawlError):
    """A URL could not be fetched or read. `reason` is short and stable ("404 Not Found", "timeout"), for the
    summary's counts; `transient` says whether a later round should try again."""

    def __init__(self, url: str, reason: str, *, transient: bool = False, detail: str = "") -> None:
        super().__init__(f"{url}: {reason}{f' ({detail})' if detail else ''}")
        self.url = url
        self.reason = reason
        self.transient = transient
        self.detail = detail
