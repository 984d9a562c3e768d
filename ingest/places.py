"""Where a meeting took place: a gazetteer place (cities, palaces) or "à <capital>" in its sentence."""

from __future__ import annotations

from core.text import fold, unify
from ingest.article import Sentence
from ingest.gazetteer import Gazetteer
from ingest.meetings import FUTURE


def sentence_place(gaz: Gazetteer, sent: Sentence, frame: tuple[int, int] = (0, 0)) -> tuple[str | None, str | None]:
    """(city, ISO3 of its state) named in the sentence outside its frame clause ("en marge du sommet de ..."),
    not announced ("un forum prévu à Riyad"), or (None, None)."""
    text = unify(sent.text).lower()
    for e in sent.ents:
        if frame[0] <= e.start < frame[1]:
            continue
        before = text[max(0, e.start - 14) : e.start]
        if FUTURE.search(text[max(0, e.start - 25) : e.start]):
            continue
        if e.ident.startswith("place:"):
            return canonical_place(gaz, e.ident.split(":", 1)[1])
        if e.label == "CAPITAL" and (before.endswith("à ") or before.endswith("a ")):
            iso = e.ident.split(":", 1)[1]
            return canonical_place(gaz, e.text, iso)
    return None, None


def canonical_place(gaz: Gazetteer, surface: str, iso: str | None = None) -> tuple[str, str | None]:
    """(city, its state) for a printed capital or a gazetteer place id. A capital keeps its printed spelling
    ('Abu Dhabi', 'Beijing'; 'BAMAKO' -> 'Bamako'); a palace or landmark gives its city ('Koulouba' -> Bamako)."""
    key = fold(surface)
    st = gaz.state_by_iso3.get(iso or "")
    if st:
        for cap in st.capitals:
            if fold(cap) == key:
                return cap, st.iso3
    for p in gaz.places:
        if fold(p.name) == key:
            return p.name, p.state
    return surface, iso


def seat_place(gaz: Gazetteer, sent: Sentence, frame: tuple[int, int]) -> tuple[str | None, str | None]:
    """(city, ISO3) where the body named in the sentence's frame clause sits ("en marge de la 79e session de
    l'Assemblée générale des Nations unies" -> New York), from the organisation's `seat` in the gazetteer."""
    for e in sent.ents:
        if not frame[0] <= e.start < frame[1] or not e.ident.startswith("org:"):
            continue
        org = gaz.organisation_by_id.get(e.ident.split(":", 1)[1])
        if org is not None and org.seat:
            return canonical_place(gaz, org.seat)
    return None, None
