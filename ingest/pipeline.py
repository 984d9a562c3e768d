"""The extraction pipeline: Documents -> Extractions, streamed, in input order, failures isolated.

Stages: clean (boilerplate) -> analyse (spaCy, one `nlp.pipe` per batch) -> `extract_article` (dates, people,
roles, meetings, topics). spaCy is loaded once per process (`load_nlp`).
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from ingest.analyse import analyse_many
from ingest.clean import CleanText, clean
from ingest.errors import BadDocumentError
from ingest.extractor import extract_article
from ingest.gazetteer import load_gazetteer
from ingest.models import Document, Extraction, Failure


def _extract_batch(docs: list[Document]) -> list[Extraction | Failure]:
    """Extract a batch of documents in this process (one nlp.pipe over all their paragraphs)."""
    gaz = load_gazetteer()
    cleaned: list[CleanText | Failure] = []
    for d in docs:
        try:
            cleaned.append(clean(d.text))
        except ValueError as exc:  # bad input only: a TypeError, KeyError, ... is a bug and stops the run
            cleaned.append(Failure(source=d.id, reason=f"cleaning failed: {exc}"))
    paragraphs = [c.paragraphs if isinstance(c, CleanText) else [] for c in cleaned]
    out: list[Extraction | Failure] = []
    for d, c, sents in zip(docs, cleaned, analyse_many(paragraphs), strict=True):
        if isinstance(c, Failure):
            out.append(c)
            continue
        try:
            out.append(extract_article(d, c, sents, gaz))
        except ValueError as exc:  # bad input only (BadDocumentError, unparsable values); bugs propagate
            out.append(Failure(source=d.id, reason=f"{type(exc).__name__}: {exc}"))
    return out


def extract_one(doc: Document) -> Extraction:
    """Extract one document (raises BadDocumentError when it cannot be extracted)."""
    result = _extract_batch([doc])[0]
    if isinstance(result, Failure):
        raise BadDocumentError(result.reason)
    return result


def _chunks(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _run_chunk(chunk: list[Document | Failure]) -> list[Extraction | Failure]:
    docs = [x for x in chunk if isinstance(x, Document)]
    results = iter(_extract_batch(docs)) if docs else iter([])
    return [next(results) if isinstance(x, Document) else x for x in chunk]


def extract_documents(
    items: Iterable[Document | Failure], *, batch_size: int = 8, n_process: int = 1
) -> Iterator[Extraction | Failure]:
    """Extractions (or Failures) in input order, streaming; at most 2 x n_process batches in flight."""
    if n_process <= 1:
        for chunk in _chunks(items, batch_size):
            yield from _run_chunk(chunk)
        return
    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "fork")
    with ProcessPoolExecutor(max_workers=n_process, mp_context=ctx, initializer=_warm) as pool:
        pending: deque[Future[list[Extraction | Failure]]] = deque()
        for chunk in _chunks(items, batch_size):
            pending.append(pool.submit(_run_chunk, chunk))
            if len(pending) >= 2 * n_process:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _warm() -> None:
    """Load spaCy and the gazetteers once in each worker process."""
    from ingest.nlp import load_nlp

    load_nlp()
    load_gazetteer()


__all__ = ["extract_documents", "extract_one"]
