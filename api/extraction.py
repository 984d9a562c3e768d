"""POST /documents' extraction in a bounded worker process: a time limit, a cap on concurrent extractions, and a
process that is replaced when it hangs, dies or has served MAX_TASKS_PER_WORKER documents.

Running spaCy in the API process let one 1 MB paragraph hold a thread for 41 s and 3.2 GB (6.3 GB for two), and
the process grew with the vocabulary of the posted texts. Here the API process never loads spaCy; at most
MALIKG_EXTRACT_WORKERS documents are extracted at once (another request gets 503 with Retry-After at once), each
within MALIKG_EXTRACT_TIMEOUT_S (else the worker is killed and the request gets 422).
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from ingest.models import Document, Extraction, Failure

log = logging.getLogger(__name__)

# A worker is replaced after this many documents (on top of spaCy's memory zones), to bound its memory.
MAX_TASKS_PER_WORKER = 200
_START_TIMEOUT_S = 300.0
_WARM_UP_TEXT = (
    "Le ministre des Affaires étrangères, Abdoulaye Diop, a eu une rencontre bilatérale, ce mercredi 28 février, "
    "avec le chef de la diplomatie russe Sergueï Lavrov, à Moscou, sur la coopération militaire."
)


class ExtractionBusyError(Exception):
    """Every extraction worker is busy: retry in a moment."""


class ExtractionFailedError(Exception):
    """The document could not be extracted (a Failure, the time limit, or the worker died on it)."""


def _extract(document: Document) -> Extraction | Failure:
    from ingest.pipeline import _extract_batch

    return _extract_batch([document])[0]


def _ready() -> bool:
    return True


def _warm() -> None:
    from ingest.pipeline import _extract_batch
    from ingest.pipeline import _warm as warm

    warm()
    # One short document through the whole pipeline loads what the first real one would otherwise wait for
    # (date parsing's language data, cue and topic tables): 2.8 s -> see docs/benchmarks.md.
    _extract_batch([Document(id="warm-up", text=_WARM_UP_TEXT, published="2024-02-29")])


class ExtractionPool:
    """A pool of `workers` spawned processes, started in the background at API start-up when writes are enabled
    (`start_in_background`, MALIKG_EXTRACT_PRELOAD), else on first use; `extract` blocks the calling thread only."""

    def __init__(self, workers: int, timeout_s: float) -> None:
        self.workers = max(1, workers)
        self.timeout_s = timeout_s
        self._slots = threading.BoundedSemaphore(self.workers)
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._starting: ProcessPoolExecutor | None = None
        self._closed = False

    def start_in_background(self) -> None:
        """Start the worker (spaCy load) now, in a thread, so the API answers at once and the first document does
        not wait for the model; a document posted meanwhile waits for the load to finish, then runs."""
        threading.Thread(target=self._start_quietly, name="extraction-warm-up", daemon=True).start()

    def _start_quietly(self) -> None:
        try:
            self._current()
        except (BrokenProcessPool, FutureTimeout, OSError, ExtractionFailedError) as exc:
            # Not fatal: the first POST /documents starts the worker again and reports its failure.
            log.warning("the extraction worker did not start in the background: %s", exc)

    def extract(self, document: Document) -> Extraction:
        if not self._slots.acquire(blocking=False):
            raise ExtractionBusyError(f"all {self.workers} extraction workers are busy")
        try:
            pool = self._current()
            future = pool.submit(_extract, document)
            try:
                result = future.result(timeout=self.timeout_s)
            except FutureTimeout:
                self._discard(pool)
                raise ExtractionFailedError(
                    f"the extraction took longer than {self.timeout_s:.0f} s (MALIKG_EXTRACT_TIMEOUT_S) and was stopped"
                ) from None
            except BrokenProcessPool:
                self._discard(pool)
                raise ExtractionFailedError("the extraction worker died on this document (out of memory?)") from None
        finally:
            self._slots.release()
        if isinstance(result, Failure):
            raise ExtractionFailedError(result.reason)
        return result

    def _current(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                pool = ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=mp.get_context("spawn"),  # never fork a threaded server
                    initializer=_warm,
                    max_tasks_per_child=MAX_TASKS_PER_WORKER,
                )
                # Start the worker (loading spaCy takes seconds) before any document's time limit starts.
                self._starting = pool
                try:
                    pool.submit(_ready).result(timeout=_START_TIMEOUT_S)
                finally:
                    self._starting = None
                if self._closed:
                    self._kill(pool)
                    raise ExtractionFailedError("the API is shutting down")
                self._pool = pool
            return self._pool

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        """Kill the pool's processes (a hung extraction cannot be cancelled otherwise); the next call starts anew."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        self._kill(pool)

    @staticmethod
    def _kill(pool: ProcessPoolExecutor) -> None:
        processes = getattr(pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        self._closed = True
        starting = self._starting
        if starting is not None:  # still loading the model: stop it, which also frees the lock below
            self._kill(starting)
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            self._discard(pool)
