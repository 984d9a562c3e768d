"""Readers: .txt / .html / .jsonl files and folders of them -> Documents (or Failures), streamed lazily.

Plain text is decoded with its BOM or charset-normalizer (cp1252, UTF-16 ...); HTML goes through
trafilatura for the main text and metadata; JSONL is read line by line and a broken line yields a Failure
named `file:line`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from charset_normalizer import from_bytes
from pydantic import ValidationError

from ingest.models import Document, Failure

SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else charset-normalizer's best guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ValueError("unknown text encoding") from None
        return str(best)


def html_document(path: Path, html: str) -> Document:
    """Main text and metadata of an HTML page."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text:
        raise ValueError("no main text found in the HTML page")
    meta = trafilatura.extract_metadata(html)
    published = meta.date if meta is not None and meta.date else None
    return Document(
        id=path.stem,
        text=text,
        url=meta.url if meta is not None else None,
        title=meta.title if meta is not None else None,
        outlet=meta.sitename if meta is not None else None,
        published=published[:10] if published else None,
    )


def _files(paths: Sequence[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            yield p


def _jsonl(path: Path) -> Iterator[Document | Failure]:
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(decode(raw))
                if not isinstance(row, dict):
                    raise ValueError("a line must hold a JSON object")
                yield Document.model_validate(row)
            except (ValueError, ValidationError) as exc:
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                yield Failure(source=f"{path}:{n}", reason=reason)


def iter_documents(paths: Sequence[Path]) -> Iterator[Document | Failure]:
    """Every document of the given files and folders, in order."""
    for path in _files(paths):
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from _jsonl(path)
            continue
        try:
            text = decode(path.read_bytes())
            if suffix in (".html", ".htm"):
                yield html_document(path, text)
            else:
                yield Document(id=path.stem, text=text)
        except (OSError, ValueError) as exc:
            yield Failure(source=str(path), reason=str(exc) or type(exc).__name__)
