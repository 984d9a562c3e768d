"""Exceptions of the extraction package; `BadDocumentError` is the only one that becomes a per-document failure."""

from __future__ import annotations

from core.errors import MalikgError


class IngestError(MalikgError):
    """Base of the ingest package's exceptions."""


class BadDocumentError(IngestError, ValueError):
    """A document that cannot be extracted because of its content (the message says why, in one line)."""
