"""The project's controlled vocabularies, read once from YAML tables in core/data/ and validated at load.

An unknown key, a missing label or a value of the wrong type fails loudly with `VocabularyError` naming the file,
so a typo in a table never silently drops a type.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.errors import VocabularyError

_KEY = r"^[a-z][a-z_]*$"


class MeetingTypeLabels(BaseModel):
    """Labels of one meeting type."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fr: str = Field(min_length=1)
    en: str = Field(min_length=1)


class _MeetingTypeTable(BaseModel):
    model_config = ConfigDict(extra="forbid")

    types: dict[str, MeetingTypeLabels] = Field(min_length=1)


def read_table(name: str) -> Any:
    """The parsed YAML of `core/data/<name>`, from the installed package."""
    try:
        text = resources.files("core").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise VocabularyError(f"core/data/{name} is missing from the installed package") from exc
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def meeting_types() -> MappingProxyType[str, MeetingTypeLabels]:
    """Meeting type -> labels, in the table's order (core/data/meeting_types.yaml)."""
    return parse_meeting_types(read_table("meeting_types.yaml"))


def parse_meeting_types(raw: Any) -> MappingProxyType[str, MeetingTypeLabels]:
    """The validated meeting-type table from parsed YAML; raises VocabularyError saying what is wrong."""
    try:
        table = _MeetingTypeTable.model_validate({"types": raw})
    except ValidationError as exc:
        raise VocabularyError(f"core/data/meeting_types.yaml: {exc}") from exc
    bad = [key for key in table.types if not _valid_key(key)]
    if bad:
        raise VocabularyError(f"core/data/meeting_types.yaml: keys must be lower_snake_case, not {bad}")
    return MappingProxyType(dict(table.types))


def _valid_key(key: str) -> bool:
    return re.fullmatch(_KEY, key) is not None
