"""Limits of the HTTP server itself, before the application sees a request (used by `malikg serve`).

- Header size: uvicorn's default parser (httptools) has no limit on a header, and one 120 MB header froze every
  request for 25 s. The h11 parser refuses a request head over MAX_HEADER_BYTES with 400 and closes the connection.
- Request read time: a client has REQUEST_READ_TIMEOUT_S from the moment the server waits for a request (new
  connection, or the previous response sent) until the request's head and body are in; a slower client (slowloris,
  a stalled upload) is disconnected. The application's own time is not limited here.
- Concurrency: at most MAX_CONCURRENCY connections and requests at once; beyond that uvicorn answers 503.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.h11_impl import H11Protocol

MAX_HEADER_BYTES = 64 * 1024
REQUEST_READ_TIMEOUT_S = 30.0
MAX_CONCURRENCY = 500


class TimedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for reading each request (head and body)."""

    request_read_timeout_s = REQUEST_READ_TIMEOUT_S
    _read_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        self._read_deadline = self.loop.call_later(self.request_read_timeout_s, self._deadline_passed)

    def _disarm(self) -> None:
        if self._read_deadline is not None:
            self._read_deadline.cancel()
            self._read_deadline = None

    def _deadline_passed(self) -> None:
        self._read_deadline = None
        waiting_for_head = self.cycle is None or self.cycle.response_complete
        if waiting_for_head or self.cycle.more_body:
            self.logger.warning(
                "closing a connection that did not send its request within %.0f s", self.request_read_timeout_s
            )
            self.transport.close()
