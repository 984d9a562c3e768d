"""What a meeting record cites (people, states, organisations, places, articles), by key, gathered from the
export core's earlier sections so the table and network writers can print names instead of keys."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.export.core import Record

_KEYS = {"states": "iso3", "organisations": "id", "places": "id", "people": "id", "articles": "id"}


@dataclass
class Names:
    """Records of the referenced nodes, per section and key."""

    by_section: dict[str, dict[str, Record]] = field(default_factory=dict)

    def add(self, section: str, records: list[Record]) -> bool:
        """Keep the records of a referenced section; False for a section it does not keep (e.g. meetings)."""
        key = _KEYS.get(section)
        if key is None:
            return False
        self.by_section.setdefault(section, {}).update((r[key], r) for r in records)
        return True

    def get(self, section: str, key: str) -> Record:
        return self.by_section.get(section, {}).get(key) or {}

    def name(self, section: str, key: str) -> str:
        return str(self.get(section, key).get("name") or key)
