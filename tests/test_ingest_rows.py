"""Keys, locks and rows the writer derives from extractions (no database)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from ingest_builders import DL, extraction, meeting

from core.reference import ReferenceData
from graph.meeting_identity import article_id, article_locks, evidence_fingerprint, meeting_key, meeting_lock
from graph.rows import InvalidExtractionError, build_rows, normalise_title
from ingest.curation import load_reference
from ingest.models import Meeting

NOW = datetime(2025, 1, 1, tzinfo=UTC)


def _meeting(**fields: object) -> Meeting:
    return Meeting.model_validate(meeting("2024-02-28", DL, ["MLI", "RUS"], "x") | fields)


def test_meeting_key_ignores_order_and_evidence_but_not_people_or_date() -> None:
    base = meeting_key(_meeting())
    assert meeting_key(_meeting(participants=list(reversed(DL)), states=["RUS", "MLI"], evidence="y")) == base
    assert meeting_key(_meeting(participants=DL[:1])) != base
    assert meeting_key(_meeting(date="2024-02-27")) != base
    undated = _meeting(date=None, date_precision=None)
    assert meeting_key(undated) != meeting_key(undated.model_copy(update={"type": "phone_call"}))


def test_every_pair_of_matchable_meetings_shares_a_lock() -> None:
    assert (
        meeting_lock(_meeting()) == meeting_lock(_meeting(date="2024-02", date_precision="month")) == "meeting:2024-02"
    )
    assert meeting_lock(_meeting(date="2024", date_precision="year")) == "meeting:2024"
    assert meeting_lock(_meeting(date=None, date_precision=None)) == "meeting:undated"


def test_article_id_is_the_url_hash_else_the_text_hash() -> None:
    a = extraction("a", [], url="https://x/1", text_sha1="t")
    assert article_id(a) == article_id(extraction("b", [], url="https://x/1", text_sha1="other"))
    assert article_id(a) != article_id(extraction("a", [], url="https://x/2", text_sha1="t"))
    no_url = extraction("c", [], url="", text_sha1="t")
    assert article_id(no_url) == article_id(extraction("d", [], url="", text_sha1="t"))


def test_fingerprint_survives_typography_but_not_other_words() -> None:
    text = "Le ministre Diop s'est entretenu avec Sergueï Lavrov au téléphone ce jeudi 1er août."
    one = extraction("a", [meeting("2024-08-01", DL, ["MLI", "RUS"], text)])
    copy = extraction("b", [meeting("2024-08-01", DL, ["MLI", "RUS"], "«" + text.replace("'", "’") + "»")])
    other = extraction("c", [meeting("2024-08-01", DL, ["MLI", "RUS"], text.replace("jeudi", "vendredi"))])
    assert evidence_fingerprint(one) == evidence_fingerprint(copy) is not None
    assert evidence_fingerprint(other) != evidence_fingerprint(one)
    assert evidence_fingerprint(extraction("d", [meeting("2024", DL, ["MLI"], "Court.")])) is None
    assert article_locks(one) == ["text:sha1-of-a", f"evidence:{evidence_fingerprint(one)}"]


def test_rows_are_sorted_deduplicated_and_carry_gazetteer_names() -> None:
    docs = [
        extraction("a", [meeting("2024-02-28", DL, ["RUS", "MLI"], "x", hosts=["RUS"], place="Moscou")]),
        extraction("b", [meeting("2023-09", DL, ["MLI", "RUS"], "y")]),
    ]
    rows = build_rows(docs, load_reference(), NOW)
    assert rows.locks == sorted(rows.locks) and "meeting:2023-09" in rows.locks and "meeting:2024-02" in rows.locks
    assert [s["iso3"] for s in rows.states] == ["MLI", "RUS"]
    assert [p["id"] for p in rows.people] == DL
    assert rows.states[1]["name"] == "Russie" and rows.states[1]["curated"]
    first = rows.meetings[0]
    assert (first["states"], first["hosts"], first["place"]["id"], first["rank"]) == (
        ["MLI", "RUS"],
        ["RUS"],
        "moscou",
        3,
    )
    assert len(rows.mentions["Person"]) == 4  # two people in each of two articles


def test_a_meeting_naming_an_unlisted_person_is_rejected() -> None:
    doc = extraction("a", [meeting("2024-02-28", ["ghost"], ["MLI"], "x")], people=[])
    with pytest.raises(InvalidExtractionError, match="ghost"):
        build_rows([doc], load_reference(), NOW)


def test_rows_are_a_function_of_the_extraction_and_the_reference_data_given() -> None:
    doc = extraction("a", [meeting("2024-02-28", DL, ["MLI", "RUS"], "x")])
    bare = build_rows([doc], ReferenceData(), NOW)
    assert not any(row["curated"] for row in [*bare.states, *bare.people])
    assert {s["iso3"]: (s["name"], s["aliases"], s["wikidata"]) for s in bare.states} == {
        "MLI": ("Mali", [], None),
        "RUS": ("Russie", [], None),
    }
    lavrov_bare = next(p for p in bare.people if p["id"] == "sergueï-lavrov")
    assert (lavrov_bare["aliases"], lavrov_bare["wikidata"]) == (["Sergueï LAVROV"], None)
    # without reference data the only HOLDS is the role the article gives Diop
    assert [(h["person"], h["target"]) for h in bare.holds_state] == [("abdoulaye-diop", "MLI")]

    reference = load_reference()
    curated = build_rows([doc], reference, NOW)
    russia = reference.states["RUS"]
    assert curated.states[1] == {
        **bare.states[1],
        "name": russia.name,
        "name_en": russia.name_en,
        "aliases": list(russia.aliases),
        "wikidata": russia.wikidata,
        "curated": True,
    }
    lavrov = reference.people["sergueï-lavrov"]
    lavrov_row = next(p for p in curated.people if p["id"] == "sergueï-lavrov")
    assert lavrov_row["curated"] and lavrov_row["wikidata"] == lavrov.wikidata is not None
    assert set(lavrov.aliases) | {"Sergueï LAVROV"} == set(lavrov_row["aliases"])
    held = {(h["target"], h["title"]) for h in curated.holds_state if h["person"] == "sergueï-lavrov"}
    assert held == {(p.represents, normalise_title(p.title)) for p in lavrov.posts if len(p.represents) == 3}
