"""The extraction pipeline: Documents -> Extractions, streamed, in input order, failures isolated.

Stages: clean (boilerplate) -> analyse (spaCy, one `nlp.pipe` per batch) -> `extract_article` (dates, people,
roles, meetings, topics). spaCy is loaded once per process (`load_nlp`).
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from ingest.analyse import analyse_many
from ingest.citations import cite
from ingest.clean import CleanText, clean
from ingest.errors import BadDocumentError
from ingest.extractor import extract_article
from ingest.gazetteer import load_gazetteer
from ingest.models import Document, Extraction, Failure
from ingest.nlp import bounded_vocabulary, load_nlp
from ingest.normalise import normalise_document
from ingest.syntax import load_parser


def _extract_batch(docs: list[Document]) -> list[Extraction | Failure]:
    """Extract a batch of documents in this process (one nlp.pipe over all their paragraphs); the text enters
    the pipeline here, so it is normalised here (`ingest.normalise`)."""
    gaz = load_gazetteer()
    docs = [normalise_document(d) for d in docs]
    cleaned: list[CleanText | Failure] = []
    for d in docs:
        try:
            cleaned.append(clean(d.text))
        except ValueError as exc:  # bad input only: a TypeError, KeyError, ... is a bug and stops the run
            cleaned.append(Failure(source=d.id, reason=f"cleaning failed: {exc}"))
    paragraphs = [c.paragraphs if isinstance(c, CleanText) else [] for c in cleaned]
    out: list[Extraction | Failure] = []
    # Strings spaCy interns for this batch are freed at its end once the vocabulary is full, so a long-lived
    # process (the API's worker, a long ingest) does not grow with the vocabulary of the texts; no spaCy object
    # leaves the block.
    with bounded_vocabulary(load_nlp()):
        for d, c, sents in zip(docs, cleaned, analyse_many(paragraphs), strict=True):
            if isinstance(c, Failure):
                out.append(c)
                continue
            try:
                out.append(cite(extract_article(d, c, sents, gaz), c.text))
            except (ValueError, OverflowError, RecursionError) as exc:  # bad input only; bugs propagate
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
    """Extractions (or Failures) in input order, streaming; at most 2 x n_process batches in flight.

    A worker process that dies (killed, out of memory) breaks the pool: the batches in flight are then run again
    one at a time, each in a fresh worker, so only the batch that kills its worker again fails, its documents
    named; the run goes on with a new pool."""
    if n_process <= 1:
        for chunk in _chunks(items, batch_size):
            yield from _run_chunk(chunk)
        return
    chunks = _chunks(items, batch_size)
    while True:
        pending: deque[tuple[list[Document | Failure], Future[list[Extraction | Failure]]]] = deque()
        broken = False
        with _pool(n_process) as pool:
            for chunk in chunks:
                pending.append((chunk, pool.submit(_run_chunk, chunk)))
                if len(pending) >= 2 * n_process:
                    results = _result(pending[0][1])
                    if results is None:
                        broken = True
                        break
                    pending.popleft()
                    yield from results
            while pending and not broken:
                results = _result(pending[0][1])
                if results is None:
                    broken = True
                    break
                pending.popleft()
                yield from results
        if not broken:
            return
        for chunk, _ in pending:
            yield from _run_isolated(chunk)


def _pool(n_process: int) -> ProcessPoolExecutor:
    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "fork")
    return ProcessPoolExecutor(max_workers=n_process, mp_context=ctx, initializer=_warm)


def _result(future: Future[list[Extraction | Failure]]) -> list[Extraction | Failure] | None:
    """The batch's results, or None when a worker of the pool died."""
    try:
        return future.result()
    except BrokenProcessPool:
        return None


def _run_isolated(chunk: list[Document | Failure]) -> list[Extraction | Failure]:
    """Run one batch in a fresh single worker; when that worker dies too, every document of it is a Failure."""
    with _pool(1) as pool:
        results = _result(pool.submit(_run_chunk, chunk))
    if results is not None:
        return results
    reason = "the extraction worker process died (killed, or out of memory) while extracting this document's batch"
    return [Failure(source=x.id, reason=reason) if isinstance(x, Document) else x for x in chunk]


def _warm() -> None:
    """Load spaCy (the NER pipeline and the parser of the cue sentences) and the gazetteers once in each worker
    process."""
    load_nlp()
    load_parser()
    load_gazetteer()


__all__ = ["extract_documents", "extract_one"]
