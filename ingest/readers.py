"""Readers: .txt / .html / .jsonl files and folders of them -> Documents (or Failures), streamed lazily.

Plain text is decoded with its BOM or charset-normalizer (cp1252, UTF-16 ...); HTML goes through
trafilatura for the main text and metadata (title, site name, date, canonical URL, author line); JSONL is read
line by line and a broken line yields a Failure named `file:line`. Every document is checked (`check_document`):
not empty, not binary, no larger than MALIKG_MAX_DOCUMENT_BYTES, `published` a real past date; a file is never
read whole when its size already exceeds the limit, and a JSONL line is read with a bounded buffer.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes
from pydantic import ValidationError

from core.date_pattern import DAY_PATTERN
from ingest.models import AUTHOR_MAX_CHARS, WEB_URL_PATTERN, Document, Failure
from ingest.normalise import clean_metadata
from ingest.sidecar import with_metadata

log = logging.getLogger(__name__)

SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}
# Raw HTML carries markup, scripts and styles around the text: its file may be this many times the text limit.
HTML_SIZE_FACTOR = 4
# A JSONL line escapes non-ASCII text (\u00e9 is 6 bytes for 2): it may be this many times the text limit.
JSONL_SIZE_FACTOR = 6
_DAY = re.compile(DAY_PATTERN)
_TEXT_CONTROLS = set("\t\n\r\f\v\x85")  # \x85: NEXT LINE, a line break
# The earliest `published` accepted: older dates are typing errors ("0001-01-01") and break date arithmetic.
EARLIEST_PUBLISHED = date(1900, 1, 1)
# Mostly UTF-8: at least this many valid multi-byte characters per invalid byte (a cp1252 or Latin-1 file has
# almost none), or, in text that is otherwise ASCII, at most one invalid byte per this many bytes.
_UTF8_RATIO = 3
_STRAY_BYTE_EVERY = 200
# Only web addresses are stored and served back as links (not javascript:, data:, file: ...).
_WEB_URL = re.compile(WEB_URL_PATTERN)
_HTML_PAGE = re.compile(r"^\s*(<!doctype\s+html|<html[\s>])", re.IGNORECASE)


def max_document_bytes() -> int:
    """The size limit of one document's text in UTF-8 bytes (MALIKG_MAX_DOCUMENT_BYTES)."""
    from core.settings import get_settings

    return get_settings().malikg_max_document_bytes


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size} bytes"


def too_large(size: int, limit: int) -> str:
    """The message for a document of `size` bytes over `limit`."""
    return f"document too large ({_megabytes(size)} > limit {_megabytes(limit)}; see MALIKG_MAX_DOCUMENT_BYTES)"


def check_document(doc: Document, max_bytes: int | None = None, today: date | None = None) -> Document:
    """`doc` unchanged, or a ValueError saying in one line why it cannot be ingested."""
    limit = max_document_bytes() if max_bytes is None else max_bytes
    size = len(doc.text.encode("utf-8", errors="surrogatepass"))
    if size > limit:
        raise ValueError(too_large(size, limit))
    if not doc.text.strip():
        raise ValueError("empty document: no text")
    controls = sum(1 for c in doc.text if unicodedata.category(c) == "Cc" and c not in _TEXT_CONTROLS)
    if controls > max(2, len(doc.text) // 100):
        raise ValueError(f"binary content, not text ({controls} control characters)")
    if doc.published is not None:
        _check_published(doc.published, today or date.today())
    if doc.url is not None and not _WEB_URL.match(doc.url):
        raise ValueError(f"url {doc.url[:100]!r} is not an http(s) URL")
    return doc


def _check_published(published: str, today: date) -> None:
    try:
        day = date.fromisoformat(published) if _DAY.fullmatch(published) else None
    except ValueError:
        day = None
    if day is None:
        raise ValueError(f"published {published!r} is not a date YYYY-MM-DD")
    if day > today + timedelta(days=1):  # one day of slack for time zones
        raise ValueError(f"published {published} is in the future")
    if day < EARLIEST_PUBLISHED:
        raise ValueError(f"published {published} is before {EARLIEST_PUBLISHED.year}: not a publication date")


def decode(data: bytes) -> str:
    """Bytes to text (see `decode_counting`)."""
    return decode_counting(data)[0]


def decode_counting(data: bytes) -> tuple[str, int]:
    """(text, invalid bytes replaced by U+FFFD): UTF-8 (with or without BOM), UTF-16 with BOM, mostly-UTF-8 text
    with its few invalid bytes replaced, else charset-normalizer's best guess (cp1252, Latin-1 ...)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), 0
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for c in text if c > "\x7f") - text.count("\ufffd")
    if multibyte >= _UTF8_RATIO * invalid:
        return text, invalid
    best = from_bytes(data).best()
    if best is not None:
        return str(best), 0
    if multibyte == 0 and invalid * _STRAY_BYTE_EVERY <= len(data):
        return text, invalid
    raise ValueError("binary content or unknown text encoding, not a text file")


def _replaced(source: str, invalid: int) -> None:
    """Report invalid UTF-8 bytes that were replaced (the document is still ingested)."""
    if invalid:
        log.warning("%s: not valid UTF-8: %d invalid byte(s) replaced by U+FFFD", source, invalid)


def html_document(path: Path, html: str) -> Document:
    """Main text and metadata of an HTML page."""
    return _html_main(Document(id=path.stem, text=html))


def _html_main(doc: Document) -> Document:
    """`doc` with its HTML text replaced by the page's main text (no script, style, menus); metadata the
    document lacks is taken from the page."""
    import trafilatura

    html = doc.text
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text:
        raise ValueError("no main text found in the HTML page")
    meta = trafilatura.extract_metadata(html)
    published = meta.date[:10] if meta is not None and meta.date else None
    author = meta.author if meta is not None else None
    if author is not None and len(author) > AUTHOR_MAX_CHARS:  # a page's runaway byline: not worth refusing it
        author = None
    return doc.model_copy(
        update={
            "text": text,
            "url": doc.url or (meta.url if meta is not None else None),
            "title": doc.title or (meta.title if meta is not None else None),
            "outlet": doc.outlet or (meta.sitename if meta is not None else None),
            "author": doc.author or author,
            "published": doc.published or published,
        }
    )


def html_main_text(doc: Document) -> Document:
    """`doc`, whose text is an HTML page, with the page's main text and metadata (for fetched pages)."""
    return _html_main(doc)


def main_text(doc: Document) -> Document:
    """`doc` itself, or, when its text is a whole HTML page (`<!DOCTYPE html>`, `<html>`), its main text."""
    return _html_main(doc) if _HTML_PAGE.match(doc.text) else doc


def _files(paths: Sequence[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if not f.is_dir() and f.suffix.lower() in SUFFIXES)
        else:
            yield p


def invalid_fields(exc: ValidationError) -> str:
    """Pydantic's errors in one line: `id: Field required; text: Input should be a valid string`."""
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'document'}: {e['msg']}" for e in exc.errors())


def _lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each line; None instead of a line longer than `max_bytes`, which is skipped
    in bounded chunks rather than read into memory."""
    n = 0
    while raw := fh.readline(max_bytes + 1):
        n += 1
        if len(raw) <= max_bytes or raw.endswith(b"\n"):
            yield n, raw
            continue
        while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield n, None


def _jsonl_row(raw: bytes, source: str) -> Document:
    text, invalid = decode_counting(raw)
    _replaced(source, invalid)
    try:
        row = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"broken JSON line ({exc})") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if not isinstance(row, dict):
        raise ValueError("a line must hold a JSON object")
    try:
        return clean_metadata(Document.model_validate(row))
    except ValidationError as exc:
        name = f" {row['id']!r}" if isinstance(row.get("id"), str) and row["id"] else ""
        raise ValueError(f"invalid document{name}: {invalid_fields(exc)}") from None


def _jsonl(path: Path, max_bytes: int) -> Iterator[Document | Failure]:
    line_limit = JSONL_SIZE_FACTOR * max_bytes
    with path.open("rb") as fh:
        for n, raw in _lines(fh, line_limit):
            if raw is None:
                reason = f"document too large (JSON line over {_megabytes(line_limit)}; see MALIKG_MAX_DOCUMENT_BYTES)"
                yield Failure(source=f"{path}:{n}", reason=reason)
                continue
            if not raw.strip():
                continue
            try:
                doc = main_text(_jsonl_row(raw, f"{path}:{n}"))
            except ValueError as exc:
                yield Failure(source=f"{path}:{n}", reason=str(exc) or type(exc).__name__)
                continue
            try:
                yield check_document(doc, max_bytes)
            except ValueError as exc:
                yield Failure(source=f"{path}:{n} ({doc.id})", reason=str(exc))


def _read_file(path: Path, max_bytes: int) -> Document:
    html = path.suffix.lower() in (".html", ".htm")
    file_limit = max_bytes * (HTML_SIZE_FACTOR if html else 1)
    size = path.stat().st_size
    if size > file_limit:
        raise ValueError(too_large(size, file_limit) + (" (HTML file)" if html else ""))
    text, invalid = decode_counting(path.read_bytes())
    _replaced(str(path), invalid)
    doc = html_document(path, text) if html else with_metadata(path, Document(id=path.stem, text=text))
    return check_document(clean_metadata(doc), max_bytes)


def iter_documents(paths: Sequence[Path], max_bytes: int | None = None) -> Iterator[Document | Failure]:
    """Every document of the given files and folders, in order; a document that cannot be read or fails
    `check_document` is a Failure named by its file (and line)."""
    limit = max_document_bytes() if max_bytes is None else max_bytes
    for path in _files(paths):
        if not path.is_file():  # a FIFO, socket or device would block the read, or never end
            yield Failure(source=str(path), reason="not a regular file (a FIFO, socket or device?)")
            continue
        if path.suffix.lower() == ".jsonl":
            yield from _jsonl(path, limit)
            continue
        try:
            yield _read_file(path, limit)
        except (OSError, ValueError) as exc:
            yield Failure(source=str(path), reason=str(exc) or type(exc).__name__)
