"""One crawl round: read the listings, fetch the due pages, filter, and write through `malikg ingest`'s path.

Pages stream through: fetching runs in a thread pool (the fetcher keeps each host's pace) while the main thread
filters, extracts and writes. The crawl state is written only from the main thread, and a page is recorded as
`written` only once its batch is committed; when `stop` is set no new request starts, the batch in hand is written,
and the round ends with everything it recorded complete.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

import neo4j

from crawl.errors import FetchError
from crawl.fetcher import Fetcher, Response
from crawl.listings import Entry, Listing, parse_listing
from crawl.pages import page_document
from crawl.relevance import mali_terms, off_topic
from crawl.sources import Politeness, Source
from crawl.state import CrawlState, due
from crawl.summary import RoundSummary
from graph.stored import meeting_counts
from graph.writer import GraphWriter
from ingest.curation import load_reference
from ingest.models import Document, Extraction, Failure
from ingest.pipeline import extract_documents
from malikg.unchanged import UnchangedFilter

MAX_SITEMAPS = 50  # sitemaps read per source and round, index included


@dataclass(frozen=True)
class Due:
    """A page to fetch: its URL, the listing's change date, its outlet and the validators from the last fetch."""

    url: str
    changed: str | None
    outlet: str | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class Loaded:
    """A due page after the fetch thread's work: the answer, or why there is none; its document (200) and, when it
    is off-topic, why."""

    response: Response | None = None
    error: FetchError | None = None
    document: Document | None = None
    off_topic: str | None = None


def _load(fetcher: Fetcher, page: Due) -> Loaded:
    """Fetch a page, and turn it into a document and judge its relevance, in a fetch thread (so trafilatura and the
    filter of one page overlap the NLP of others)."""
    try:
        response = fetcher.get(page.url, page.etag, page.last_modified)
    except FetchError as exc:
        return Loaded(error=exc)
    if response.not_modified:
        return Loaded(response)
    try:
        doc = page_document(response, page.outlet)
    except FetchError as exc:
        return Loaded(response, exc)
    return Loaded(response, document=doc, off_topic=off_topic(doc.text))


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class Round:
    """Runs rounds over `sources` with one fetcher, state file and writer."""

    def __init__(
        self,
        sources: list[Source],
        politeness: Politeness,
        state: CrawlState,
        driver: neo4j.Driver,
        database: str,
        *,
        stop: threading.Event | None = None,
        batch_size: int = 50,
        processes: int = 1,
        report: Callable[[str], None] = _say,
    ) -> None:
        self.sources = sources
        self.politeness = politeness
        self.state = state
        self.driver = driver
        self.database = database
        self.stop = stop or threading.Event()
        self.batch_size = batch_size
        self.processes = processes
        self.report = report

    def run(
        self, on_total: Callable[[int], None] = lambda n: None, advance: Callable[[], None] = lambda: None
    ) -> RoundSummary:
        """One round; `on_total(n)` is told how many pages are due, `advance()` is called per page done."""
        summary = RoundSummary()
        before = meeting_counts(self.driver, self.database)
        mali_terms()  # load the gazetteers once, before the fetch threads need them
        with Fetcher(self.politeness, self.stop) as fetcher, ThreadPoolExecutor(self.politeness.workers) as pool:
            pages = self._due_pages(fetcher, pool, summary)
            on_total(len(pages))
            self._pages(fetcher, pool, pages, summary, advance)
        after = meeting_counts(self.driver, self.database)
        summary.meetings_created = max(0, after.meetings - before.meetings)
        summary.meetings_merged = max(0, after.reports - before.reports - summary.meetings_created)
        summary.stopped = self.stop.is_set()
        return summary

    # -- listings ---------------------------------------------------------------------------------------------

    def _due_pages(self, fetcher: Fetcher, pool: ThreadPoolExecutor, summary: RoundSummary) -> list[Due]:
        listed: dict[str, tuple[str | None, str | None]] = {}  # url -> (changed, outlet), first source wins
        for source in self.sources:
            if source.kind == "page":
                listed.setdefault(source.url, (None, source.outlet))
        entries = self._read_listings(fetcher, pool, [s for s in self.sources if s.kind != "page"], summary)
        for entry, outlet in entries:
            changed, first_outlet = listed.get(entry.url, (None, outlet))
            newest = max(filter(None, [changed, entry.changed]), default=None)
            listed[entry.url] = (newest, first_outlet)
        summary.listed = len(listed)
        out = []
        for url, (changed, outlet) in listed.items():
            record = self.state.page(url)
            if not due(changed, record):
                summary.not_due += 1
                continue
            etag = record.etag if record is not None else None
            last_modified = record.last_modified if record is not None else None
            out.append(Due(url, changed, outlet, etag, last_modified))
        summary.deferred = max(0, len(out) - self.politeness.max_pages)
        return out[: self.politeness.max_pages]

    def _read_listings(
        self, fetcher: Fetcher, pool: ThreadPoolExecutor, sources: list[Source], summary: RoundSummary
    ) -> list[tuple[Entry, str | None]]:
        """Entries of every feed and sitemap (sitemap indexes followed, at most MAX_SITEMAPS per source)."""
        out: list[tuple[Entry, str | None]] = []
        level = [(s.url, s.outlet, s.url) for s in sources]  # (listing url, outlet, source url)
        read: dict[str, int] = {}
        while level and not self.stop.is_set():
            futures = []
            for url, outlet, root in level:
                known = self.state.listing(url)
                etag, last_modified = (known[0], known[1]) if known is not None else (None, None)
                futures.append((url, outlet, root, known, pool.submit(fetcher.get, url, etag, last_modified)))
            level = []
            for url, outlet, root, known, future in futures:
                listing = self._listing(url, known, future, summary)
                out.extend((entry, outlet) for entry in listing.entries)
                for sitemap in listing.sitemaps:
                    read[root] = read.get(root, 1) + 1
                    if read[root] <= MAX_SITEMAPS:
                        level.append((sitemap, outlet, root))
        return out

    def _listing(
        self,
        url: str,
        known: tuple[str | None, str | None, Listing] | None,
        future: Future[Response],
        summary: RoundSummary,
    ) -> Listing:
        try:
            response = future.result()
            if response.not_modified and known is not None:
                summary.listings_not_modified += 1
                return known[2]
            listing = parse_listing(response.url, response.body)
        except FetchError as exc:
            self._failed(exc)
            summary.failed[exc.reason] += 1
            return Listing()
        summary.listings += 1
        self.state.record_listing(url, response.etag, response.last_modified, listing)
        return listing

    # -- pages ------------------------------------------------------------------------------------------------

    def _fetched(self, fetcher: Fetcher, pool: ThreadPoolExecutor, pages: list[Due]) -> Iterator[tuple[Due, Loaded]]:
        """Each due page, loaded, in the order the answers come; no new request after stop."""
        todo = iter(pages)
        running: dict[Future[Loaded], Due] = {}
        while True:
            while not self.stop.is_set() and len(running) < 2 * self.politeness.workers:
                page = next(todo, None)
                if page is None:
                    break
                running[pool.submit(_load, fetcher, page)] = page
            if not running:
                return
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield running.pop(future), future.result()

    def _documents(
        self,
        fetcher: Fetcher,
        pool: ThreadPoolExecutor,
        pages: list[Due],
        summary: RoundSummary,
        advance: Callable[[], None],
        pending: dict[str, Due],
    ) -> Iterator[Document]:
        """Documents of the fetched pages that are on topic; everything else is recorded and counted here."""
        for page, loaded in self._fetched(fetcher, pool, pages):
            answer, error, doc = loaded.response, loaded.error, loaded.document
            if answer is not None and not answer.not_modified:
                summary.fetched += 1
            if error is not None:
                if error.reason == "stopped":
                    continue
                self._failed(error)
                summary.failed[error.reason] += 1
                outcome = "retry" if error.transient else "failed"
                self.state.record_page(page.url, outcome, changed=page.changed, reason=error.reason)
                advance()
                continue
            assert answer is not None
            if answer.not_modified or doc is None:
                summary.not_modified += 1
                self.state.record_page(page.url, "not-modified", changed=page.changed)
                advance()
                continue
            if loaded.off_topic is not None:
                summary.off_topic[loaded.off_topic] += 1
                self.state.record_page(
                    page.url,
                    "off-topic",
                    etag=answer.etag,
                    last_modified=answer.last_modified,
                    changed=page.changed,
                    reason=loaded.off_topic,
                )
                advance()
                continue
            if doc.id in pending:  # two listed URLs lead to one page (a redirect): it is handled once
                self.state.record_page(page.url, "duplicate", changed=page.changed, reason=doc.id)
                advance()
                continue
            pending[doc.id] = Due(page.url, page.changed, page.outlet, answer.etag, answer.last_modified)
            yield doc

    def _pages(
        self,
        fetcher: Fetcher,
        pool: ThreadPoolExecutor,
        pages: list[Due],
        summary: RoundSummary,
        advance: Callable[[], None],
    ) -> None:
        pending: dict[str, Due] = {}  # document id -> its page, until written (or skipped)
        unchanged = UnchangedFilter(self.driver, self.database, batch=8)
        reported = 0

        def record(doc_id: str, outcome: str, text_sha1: str | None = None, reason: str | None = None) -> None:
            page = pending.pop(doc_id, None)
            if page is None:
                return
            self.state.record_page(
                page.url,
                outcome,
                etag=page.etag,
                last_modified=page.last_modified,
                changed=page.changed,
                text_sha1=text_sha1,
                reason=reason,
            )
            advance()

        def extractions() -> Iterator[Extraction]:
            nonlocal reported
            documents = self._documents(fetcher, pool, pages, summary, advance, pending)
            for item in extract_documents(_skipping(unchanged, documents), batch_size=8, n_process=self.processes):
                for doc_id in unchanged.skipped[reported:]:
                    summary.unchanged += 1
                    record(doc_id, "unchanged")
                reported = len(unchanged.skipped)
                if isinstance(item, Failure):
                    self.report(f"{item.source}: extraction failed: {item.reason}")
                    summary.failed["extraction failed"] += 1
                    record(item.source, "failed", reason="extraction failed")
                    continue
                yield item
            for doc_id in unchanged.skipped[reported:]:
                summary.unchanged += 1
                record(doc_id, "unchanged")

        hashes: dict[str, str | None] = {}
        writer = GraphWriter(self.driver, self.database, load_reference())
        for outcome in writer.write_many(_noting(extractions(), hashes), batch_size=self.batch_size):
            for doc_id in outcome.written:
                summary.written += 1
                record(doc_id, "written", text_sha1=hashes.pop(doc_id, None))
            for failure in outcome.failures:
                self.report(f"{failure.source}: not written: {failure.reason}")
                summary.failed["not written"] += 1
                if failure.source in pending:
                    record(failure.source, "retry", reason="not written")

    def _failed(self, error: FetchError) -> None:
        self.report(str(error))


def _skipping(unchanged: UnchangedFilter, documents: Iterator[Document]) -> Iterator[Document | Failure]:
    yield from unchanged(documents)


def _noting(extractions: Iterator[Extraction], hashes: dict[str, str | None]) -> Iterator[Extraction]:
    for extraction in extractions:
        hashes[extraction.id] = extraction.text_sha1
        yield extraction
