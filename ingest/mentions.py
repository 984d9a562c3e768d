"""States and organisations mentioned in an article, from the ruler ids of its entities."""

from __future__ import annotations

import re
from collections import Counter

from core.text import fold, unify
from ingest.article import Article
from ingest.gazetteer import Gazetteer
from ingest.models import OrganisationRef, StateRef

_LOCATIVE = re.compile(r"(?:\b[àa]|\bvers|\bdepuis|\bde|\bd')\s*$")
HOME_DEFAULT = "MLI"  # the project's focus: on a tie, Malian news is about Mali


def ident_of(ident: str, prefix: str) -> str | None:
    """'state:RUS' with prefix 'state:' -> 'RUS'; None when the id has another prefix."""
    return ident.split(":", 1)[1] if ident.startswith(prefix) else None


def top_org(gaz: Gazetteer, oid: str) -> str:
    """The organisation an organ belongs to (Conseil de sécurité -> onu), or the id itself."""
    org = gaz.organisation_by_id.get(oid)
    while org is not None and org.parent and org.parent in gaz.organisation_by_id:
        org = gaz.organisation_by_id[org.parent]
    return org.id if org else oid


def state_refs(article: Article, gaz: Gazetteer, taking_part: list[str]) -> list[StateRef]:
    """Every state named in the article (names, long forms, demonyms, capitals standing for the government),
    in order of first mention, then the states taking part in its meetings (the dateline's "ALGER -", a
    known person's country). A capital only named as a location ("réunis à Addis-Abeba") is a place."""
    found: list[str] = []
    for s in article.sentences:
        low = unify(s.text).lower()
        for e in s.ents:
            iso = ident_of(e.ident, "state:")
            if e.label == "CAPITAL" and _LOCATIVE.search(low[max(0, e.start - 12) : e.start]):
                continue
            if iso:
                found.append(iso)
    out = []
    for iso in dict.fromkeys(found + taking_part):
        if (st := gaz.state_by_iso3.get(iso)) is not None:
            out.append(StateRef(iso3=iso, name=st.name, name_en=st.name_en, wikidata=st.wikidata))
    return out


def organisation_refs(article: Article, gaz: Gazetteer) -> list[OrganisationRef]:
    """Every organisation named in the article, organs folded into their parent."""
    seen: dict[str, OrganisationRef] = {}
    for s in article.sentences:
        for e in s.ents:
            oid = ident_of(e.ident, "org:")
            if oid is None:
                continue
            top = gaz.organisation_by_id[top_org(gaz, oid)]
            seen.setdefault(
                top.id,
                OrganisationRef(
                    id=top.id, name=top.name, acronym=top.acronym, aliases=top.aliases, wikidata=top.wikidata
                ),
            )
    return list(seen.values())


def home_state(article: Article, gaz: Gazetteer, wire_dateline: str | None) -> str | None:
    """The state the article is written from: its dateline city ("Niamey, 6 déc. (ANP)"), else the state
    mentioned most often, its cities and palaces included (Mali on a tie that includes it), else None."""
    if wire_dateline:
        city = fold(wire_dateline.split(",")[0].split(" - ")[0])
        for st in gaz.states:
            if any(fold(c) == city for c in st.capitals):
                return st.iso3
        for place in gaz.places:
            if any(fold(n) == city for n in [place.name, *place.aliases]):
                return place.state
    counts = state_counts(article, gaz)
    if not counts:
        return None
    top = max(counts.values())
    leaders = [iso for iso, n in counts.items() if n == top]
    if len(leaders) == 1:
        return leaders[0]
    return HOME_DEFAULT if HOME_DEFAULT in leaders else None


def state_counts(article: Article, gaz: Gazetteer) -> Counter[str]:
    """How often each state is named in the article (its cities and palaces included)."""
    return Counter(iso for s in article.sentences for e in s.ents if (iso := _state_of_ent(gaz, e.ident)))


def _state_of_ent(gaz: Gazetteer, ident: str) -> str | None:
    """The state an entity's gazetteer id names: a state, or the state of a city or palace."""
    if iso := ident_of(ident, "state:"):
        return iso
    place = gaz.place_by_name.get(ident_of(ident, "place:") or "")
    return place.state if place is not None else None
