"""The root of the project's exceptions; each package derives its own base from `MalikgError`.

`ingest.errors.IngestError`, `graph.errors.GraphError` and `api.errors.ApiError` are the package roots; code that
must tell the project's own, expected failures from programming errors catches `MalikgError`, never `Exception`.
"""

from __future__ import annotations


class MalikgError(Exception):
    """Base of every exception the project raises on purpose."""


class CoreError(MalikgError):
    """Base of the core package's exceptions."""


class VocabularyError(CoreError):
    """A vocabulary table is missing or malformed; the message names the file and what to fix."""


class PartialDateError(CoreError, ValueError):
    """Text that is not a YYYY, YYYY-MM or YYYY-MM-DD date."""
