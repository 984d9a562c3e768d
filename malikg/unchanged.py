"""Skip unchanged documents before the NLP: same article id (URL, else text), same cleaned-text hash, no new metadata.

The Extraction's `text_sha1` is the SHA-1 of the cleaned text (`ingest.clean`, regular expressions only, no spaCy),
and the writer keys articles by `graph.meeting_identity.article_id`; both are computed here for each document and
looked up in the graph in batches (one read query per batch). A document found with the same hash would be written
as exactly what the graph already holds, so it is dropped; a new or changed one goes on to the NLP. Shared by
`malikg ingest` and `malikg crawl`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from itertools import islice

import neo4j

from graph.meeting_identity import article_id
from graph.stored import StoredArticle, stored_articles
from ingest.clean import clean
from ingest.models import Document, Extraction, Failure
from ingest.normalise import normalise_document

LOOKUP_BATCH = 500


def document_key(doc: Document) -> tuple[str, str] | None:
    """(article id, text hash) the writer would store for `doc`; None when its text cannot be cleaned (the
    pipeline then reports why)."""
    doc = normalise_document(doc)  # as the pipeline does first, so the hash is the one the writer stores
    try:
        text = clean(doc.text).text
    except (ValueError, TypeError, re.error):
        return None
    sha1 = hashlib.sha1(text.encode("utf-8")).hexdigest()
    return article_id(Extraction(id=doc.id, url=doc.url, text_sha1=sha1)), sha1


class UnchangedFilter:
    """Passes on new and changed documents (and failures), counts and drops the unchanged ones."""

    def __init__(self, driver: neo4j.Driver, database: str, batch: int = LOOKUP_BATCH) -> None:
        self._driver = driver
        self._database = database
        self._batch = batch
        self.skipped: list[str] = []  # ids of the documents dropped as unchanged

    def __call__(self, items: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
        it = iter(items)
        while chunk := list(islice(it, self._batch)):
            keys = {id(x): document_key(x) for x in chunk if isinstance(x, Document)}
            known = stored_articles(self._driver, self._database, sorted({k[0] for k in keys.values() if k}))
            for item in chunk:
                key = keys.get(id(item))
                if isinstance(item, Document) and key is not None and _unchanged(item, key[1], known.get(key[0])):
                    self.skipped.append(item.id)
                    continue
                yield item


def _unchanged(doc: Document, text_sha1: str, stored: StoredArticle | None) -> bool:
    """The graph holds this text, and the document's metadata adds nothing to it (a new or conflicting url, title,
    outlet, author or publication day must reach the writer, which fills gaps and records conflicts)."""
    if stored is None or stored.text_sha1 != text_sha1:
        return False
    given = {"url": doc.url, "title": doc.title, "outlet": doc.outlet, "author": doc.author, "published": doc.published}
    return all(value is None or str(value) == getattr(stored, name) for name, value in given.items())
