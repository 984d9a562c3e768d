"""Every Wikidata QID of the people and places gazetteers has its evidence in ingest/data/wikidata_sources.yaml.

The evidence file names, for each QID, a stored public source and the lines quoted from it; a QID added to a
gazetteer without evidence (or evidence left behind when a QID is removed) fails here.
"""

from __future__ import annotations

from typing import Any

import yaml
from rdflib import URIRef
from rdflib.namespace import OWL

from graph.rdf import mapping, vocab
from graph.rdf.rows import place_from_record
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
        assert any(f'{entry["wikidata"]}"' in q or f"{entry['wikidata']} " in q for q in quotes), entry


def test_place_evidence_quotes_the_country_the_gazetteer_places_it_in() -> None:
    state_of = {p.name: p.state for p in load_gazetteer().places}
    for entry in _evidence()["places"]:
        assert f'"iso3": "{state_of[entry["name"]]}"' in entry["quote"], entry


def test_a_place_with_a_qid_is_owl_same_as_wikidata_in_rdf() -> None:
    row = place_from_record({"id": "bamako", "name": "Bamako", "states": ["MLI"]})
    triples = mapping.place_triples(row)
    assert (vocab.place_iri("bamako"), OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q3703")) in triples
    unknown = place_from_record({"id": "kati", "name": "Kati", "states": ["MLI"]})
    assert not [t for t in mapping.place_triples(unknown) if t[1] == OWL.sameAs]
