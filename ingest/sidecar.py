"""Citable metadata for plain-text articles: a sidecar `name.json` next to `name.txt`, or a front-matter block
at the top of the file (`---` lines around `key: value` lines, YAML). Known keys: url, outlet, published, title,
author, id; the sidecar wins over the front matter, and the front matter is cut from the text. Values are bounded
like the same fields of a JSONL line (`Document`)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ingest.models import Document

KEYS = ("id", "url", "outlet", "published", "title", "author")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|\Z)", re.DOTALL)


class MetadataError(ValueError):
    """A sidecar or front matter that is not a mapping of the known keys to text."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(metadata, text without the block); ({}, text) when the text has no front matter."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise MetadataError(f"front matter is not YAML: {str(exc).splitlines()[0]}") from None
    return _checked(meta, "front matter"), text[match.end() :]


def _checked(meta: Any, where: str) -> dict[str, Any]:
    if not isinstance(meta, dict):
        raise MetadataError(f"{where} must be a mapping of {', '.join(KEYS)}")
    unknown = sorted(set(meta) - set(KEYS))
    if unknown:
        raise MetadataError(f"{where} has unknown keys: {', '.join(map(str, unknown))} (known: {', '.join(KEYS)})")
    return {k: None if v is None else str(v) for k, v in meta.items()}


def with_metadata(path: Path, doc: Document) -> Document:
    """`doc` (read from `path`) with its sidecar's or front matter's metadata applied."""
    meta, text = split_front_matter(doc.text)
    sidecar = path.with_suffix(".json")
    if sidecar.is_file():
        try:
            loaded = json.loads(sidecar.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise MetadataError(f"{sidecar.name} is not JSON: {exc}") from None
        meta |= _checked(loaded, sidecar.name)
    if not meta and text == doc.text:
        return doc
    update = {k: v for k, v in meta.items() if v is not None}
    try:  # validated, not just copied: an author line or title over its bound is refused as in a JSONL line
        return Document.model_validate({**doc.model_dump(), **update, "text": text})
    except ValidationError as exc:
        fields = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise MetadataError(f"{path.name}: invalid metadata: {fields}") from None
