"""Where a meeting took place: a gazetteer place (cities, palaces) or "à <capital>" in its sentence."""

from __future__ import annotations

from ingest.article import Sentence
from ingest.gazetteer import Gazetteer
from ingest.textutil import fold, unify


def sentence_place(gaz: Gazetteer, sent: Sentence, frame_end: int = 0) -> tuple[str | None, str | None]:
    """(city, ISO3 of its state) named in the sentence outside its frame clause, or (None, None)."""
    text = unify(sent.text).lower()
    for e in sent.ents:
        if e.start < frame_end:
            continue
        before = text[max(0, e.start - 14) : e.start]
        if e.ident.startswith("place:"):
            name = e.ident.split(":", 1)[1]
            entry = next((p for p in gaz.places if p.name == name), None)
            return name, entry.state if entry else None
        if e.label == "CAPITAL" and (before.endswith("à ") or before.endswith("a ")):
            iso = e.ident.split(":", 1)[1]
            return capital_name(gaz, iso, e.text), iso
    return None, None


def capital_name(gaz: Gazetteer, iso: str, surface: str) -> str:
    """The gazetteer spelling of a capital printed as `surface` ('BAMAKO' -> 'Bamako')."""
    st = gaz.state_by_iso3.get(iso)
    if st:
        for cap in st.capitals:
            if fold(cap) == fold(surface):
                return cap
    return surface
