"""Every Wikidata QID of the people and places gazetteers has its evidence in ingest/data/wikidata_sources.yaml.

The evidence file names, for each QID, a stored public source and the lines quoted from it; a QID added to a
gazetteer without evidence (or evidence left behind when a QID is removed) fails here.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml
from rdflib import URIRef
from rdflib.namespace import OWL

from graph.rdf import mapping, vocab
from graph.rdf.rows import place_from_record
from ingest.curation import load_reference
from ingest.gazetteer import DATA_DIR, load_gazetteer


def _evidence() -> dict[str, Any]:
    with (DATA_DIR / "wikidata_sources.yaml").open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def test_every_person_qid_has_evidence_and_every_evidence_its_person() -> None:
    evidence = _evidence()
    gazetteer = {p.id: p.wikidata for p in load_gazetteer().people if p.wikidata is not None}
    recorded = {e["id"]: e["wikidata"] for e in evidence["people"]}
    assert gazetteer == recorded


def test_every_place_qid_has_evidence_and_every_evidence_its_place() -> None:
    evidence = _evidence()
    gazetteer = {p.name: p.wikidata for p in load_gazetteer().places if p.wikidata is not None}
    recorded = {e["name"]: e["wikidata"] for e in evidence["places"]}
    assert gazetteer == recorded


def test_every_evidence_names_known_sources_and_quotes_its_qid() -> None:
    evidence = _evidence()
    sources = evidence["sources"]
    for source in sources.values():
        assert source.get("repository") or source.get("index_file_id"), source
        assert source["what"]
    for entry in evidence["people"] + evidence["places"]:
        assert entry["sources"] and set(entry["sources"]) <= set(sources), entry
        quotes = entry.get("quotes") or [entry["quote"]]
        exact_qid = re.compile(rf"\b{entry['wikidata']}\b")  # Q3718 is not quoted by a line holding Q37181
        assert any(exact_qid.search(q) for q in quotes), entry


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def test_person_evidence_names_the_person_it_gives_a_qid() -> None:
    """A quote holds the person's name, an alias or the surname: a QID is never tied to a person by position alone."""
    people = {p.id: p for p in load_gazetteer().people}
    for entry in _evidence()["people"]:
        person = people[entry["id"]]
        names = [person.name, *person.aliases]
        forms = {_folded(n) for n in names} | {_folded(n.split()[-1]) for n in names if len(n.split()[-1]) >= 4}
        quoted = " ".join(_folded(q) for q in entry["quotes"])
        assert any(form in quoted for form in forms), entry


def test_place_evidence_quotes_the_country_the_gazetteer_places_it_in() -> None:
    state_of = {p.name: p.state for p in load_gazetteer().places}
    for entry in _evidence()["places"]:
        # verbatim quotes: the source's Zimbabwe entry spells the key "is3"
        assert re.search(rf'"iso?3": "{state_of[entry["name"]]}"', entry["quote"]), entry


def test_a_place_with_a_qid_is_owl_same_as_wikidata_in_rdf() -> None:
    row = place_from_record({"id": "bamako", "name": "Bamako", "states": ["MLI"]}, load_reference())
    triples = mapping.place_triples(row)
    assert (vocab.place_iri("bamako"), OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q3703")) in triples
    unknown = place_from_record({"id": "kati", "name": "Kati", "states": ["MLI"]}, load_reference())
    assert not [t for t in mapping.place_triples(unknown) if t[1] == OWL.sameAs]
