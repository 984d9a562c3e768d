"""Unread contacts: contact sentences that gave no meeting, from the extraction (real spaCy) through the writer
(real Neo4j) to GET /unread (real `malikg serve`): listed with the side found and exact offsets, filtered by state,
article and period, replaced on re-ingest, gone with a retraction, reposts listed once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_server import running_api, server_env
from extraction_text import run
from spacy.language import Language
from trust_scenario import ingest, write_jsonl

from ingest.models import Extraction, contract_json

KEY = {"X-API-Key": "test-key-123"}
# One side only: the visitors are "une délégation" of no named state.
ONE_SIDE = (
    "Le ministre malien de l'Éducation nationale, Amadou Traoré, a reçu le mardi 12 mars 2024 à Bamako une "
    "délégation venue parler de la coopération universitaire."
)
# Both sides: a meeting, nothing unread.
BOTH_SIDES = (
    "Le ministre malien des Affaires étrangères, Abdoulaye Diop, a reçu le mardi 5 mars 2024 à Bamako "
    "l'ambassadeur de Russie au Mali, Igor Gromyko."
)


def _doc(doc_id: str, text: str, published: str, url: str | None = None) -> Extraction:
    return run(text, published=published, url=url or f"https://example.org/{doc_id}").model_copy(update={"id": doc_id})


def test_a_contact_with_one_side_found_is_unread_not_a_meeting(nlp: Language) -> None:
    x = run(ONE_SIDE)
    assert x.meetings == []
    (unread,) = x.unread
    assert (unread.type, unread.reason) == ("audience", "one_side_named")
    assert (unread.participants, unread.states) == (["amadou-traoré"], ["MLI"])
    assert x.text is not None and unread.evidence_start is not None and unread.evidence_end is not None
    assert x.text[unread.evidence_start : unread.evidence_end] == unread.evidence_quote == ONE_SIDE


def test_a_sentence_that_gave_a_meeting_is_not_unread(nlp: Language) -> None:
    x = run(f"{BOTH_SIDES} {ONE_SIDE}")
    assert len(x.meetings) == 1 and set(x.meetings[0].states) == {"MLI", "RUS"}
    assert [u.evidence for u in x.unread] == [ONE_SIDE]


def test_an_announced_contact_is_not_unread(nlp: Language) -> None:
    x = run("Le ministre de l'Éducation nationale, Amadou Traoré, recevra le mardi 19 mars 2024 une délégation.")
    assert x.meetings == [] and x.unread == []


def test_an_earlier_contact_told_without_a_date_is_unread(nlp: Language) -> None:
    x = run("Le Premier ministre avait rencontré Ivan Petrov, le ministre russe de l'Éducation.")
    assert x.meetings == []
    assert [(u.type, u.reason) for u in x.unread] == [("bilateral_meeting", "undated_earlier_contact")]


def test_the_output_line_leaves_out_an_empty_list(nlp: Language) -> None:
    assert '"unread"' not in contract_json(run(BOTH_SIDES))
    assert '"unread":[{' in contract_json(run(ONE_SIDE))


@pytest.fixture(scope="module")
def api(neo4j_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = server_env(neo4j_server.uri, neo4j_server.database, neo4j_server.password, MALIKG_API_KEY="test-key-123")
    with running_api(env, tmp_path_factory.mktemp("api") / "api.log") as base:
        yield base


def _unread(api: str, **params: str) -> httpx.Response:
    return httpx.get(f"{api}/unread", params=params, timeout=30.0)


def test_unread_contacts_over_http(
    api: str, driver: Any, neo4j_env: dict[str, str], nlp: Language, tmp_path: Path
) -> None:
    older = _doc("u1", f"{BOTH_SIDES} {ONE_SIDE}", "2024-03-15")
    newer = _doc(
        "u2",
        "Le ministre malien de la Santé, Fanta Diallo, s'est entretenu le lundi 3 juin 2024 avec le ministre russe "
        "de la Santé, Ivan Petrov. Le Premier ministre avait rencontré Oleg Sidorov, un ministre russe.",
        "2024-06-05",
    )
    repost = older.model_copy(update={"id": "u1-repost", "url": "https://example.org/u1-repost"})
    ingest(neo4j_env, write_jsonl(tmp_path / "a.jsonl", [older, newer, repost]))

    listed = _unread(api).json()
    assert listed["total"] == 2 and [u["article"] for u in listed["unread"]][0] != listed["unread"][1]["article"]
    first, second = listed["unread"]
    assert (first["published"], first["reason"], first["type"]) == (
        "2024-06-05",
        "undated_earlier_contact",
        "bilateral_meeting",
    )
    assert (second["published"], second["reason"], second["people"]) == (
        "2024-03-15",
        "one_side_named",
        ["amadou-traoré"],
    )
    assert second["url"] == "https://example.org/u1" and second["evidence"] == ONE_SIDE  # the repost: not listed
    stored = httpx.get(f"{api}/documents/{second['article']}/text", timeout=30.0).json()["text"]
    assert stored[second["evidence_start"] : second["evidence_end"]] == ONE_SIDE

    assert _unread(api, **{"from": "2024-04"}).json()["total"] == 1
    assert _unread(api, to="2024-03").json()["unread"][0]["evidence"] == ONE_SIDE
    assert _unread(api, article="https://example.org/u2").json()["total"] == 1
    assert _unread(api, limit="1", offset="1").json()["unread"][0]["evidence"] == ONE_SIDE
    assert [u["evidence"] for u in _unread(api, state="Mali").json()["unread"]] == [ONE_SIDE]
    assert _unread(api, state="Russie").json()["total"] == 0  # in the graph, named by no unread sentence
    missing = _unread(api, article="https://example.org/nowhere")
    assert missing.status_code == 404 and "nowhere" in missing.json()["detail"]
    assert _unread(api, state="Atlantide").status_code == 404
    assert _unread(api, limit="0").status_code == 422

    ingest(neo4j_env, write_jsonl(tmp_path / "again.jsonl", [older, newer]))  # re-ingest: replaced, not doubled
    assert _unread(api).json()["total"] == 2
    read_now = newer.model_copy(update={"unread": []})  # a later extraction that reads it: the list follows
    ingest(neo4j_env, write_jsonl(tmp_path / "read.jsonl", [read_now]))
    assert [u["article"] for u in _unread(api).json()["unread"]] == [second["article"]]

    retracted = httpx.delete(f"{api}/documents/{second['article']}", headers=KEY, timeout=30.0)
    assert retracted.status_code == 200
    # the repost is the original now: its own unread contact is listed in its place
    assert [u["url"] for u in _unread(api).json()["unread"]] == ["https://example.org/u1-repost"]
    left = driver.execute_query("MATCH (u:UnreadContact) RETURN u.article AS a").records
    assert len(left) == 1
