"""Member states of small organisations (ingest/data/org_members.yaml), for their multilateral meetings."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

_PATH = Path(__file__).resolve().parent / "data" / "org_members.yaml"


@lru_cache(maxsize=1)
def members() -> dict[str, list[str]]:
    """Organisation id -> ISO3 codes of its member states."""
    with _PATH.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return {str(k): [str(x) for x in v] for k, v in data.items()}
