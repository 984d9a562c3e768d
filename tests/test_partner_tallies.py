"""The partner tallies (graph/partner_tallies.py) against the meetings themselves, after random writes.

A seeded random walk over synthetic articles (bench/synthetic.py ground truth, reports of one meeting spread over
several articles, so they merge across articles): ingests of random subsets, re-ingests, corrections (same URL,
new text, changed meetings), retractions, and judgements (reject, set_date, set_host, set_type, merge_meetings,
split_meeting, merge_people). After every step, every state's partners read from the tallies as the API reads them
(api/partners.py over queries/rank_partners.cypher) equal those of the on-the-fly query
(queries/rank_partners_on_the_fly.cypher):
overall, per sector, and per period of whole years or with ends inside a year (months); and a graph tallied from
scratch has the same tallies.
"""

from __future__ import annotations

import hashlib
import json
import random
from typing import Any

import neo4j
import pytest

from api.partners import rank_partners, tallies_complete, tally_period
from api.reads import GraphReader
from bench.synthetic import generate
from graph.judgements import JudgementIn
from graph.partner_tallies import tally_untallied
from graph.queries import load_query
from graph.retraction import ArticleNotFoundError, retract
from graph.review import JudgementConflictError, TargetNotFoundError, record
from graph.writer import GraphWriter
from ingest.curation import load_reference
from ingest.models import Extraction

DATABASE = "neo4j"
STEPS = 24
# after three ingests, the operations in turn (what each does is drawn at random)
OPS = ["judge", "ingest", "judge", "reingest", "judge", "correct", "judge", "retract"]
# judgement kinds that change what /partners counts, and one that does not, taken in turn
JUDGED = ["reject_meeting", "set_date", "merge_meetings", "set_host", "split_meeting", "merge_people", "set_type"]
_TALLIES = "MATCH (t:PartnerTally) RETURN t {.*} AS t ORDER BY t.key"
_DATES = "MATCH (d:PartnerTallyDate) RETURN d.key AS key, d.date AS date, d.meetings AS meetings ORDER BY key, date"


def _rows(driver: neo4j.Driver, query: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(query, params, database_=DATABASE)
    return [r.data() for r in records]


def _sectors_as_pairs(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:  # equal counts may list sectors in either order only when tied: the query orders them
        row["sectors"] = [(s["sector"], s["meetings"]) for s in row["sectors"]]
    return rows


def _ranked(driver: neo4j.Driver, name: str, **params: Any) -> list[dict[str, Any]]:
    return _sectors_as_pairs(_rows(driver, load_query(name), offset=0, limit=500, **params))


def _from_tallies(driver: neo4j.Driver, state: str, sector: str | None, start: str | None, end: str | None) -> Any:
    """The ranking as the API reads it (api/partners.py), which must take the tallies for these periods."""
    assert tally_period(start, end) is not None
    reader = GraphReader(driver, DATABASE, 30.0)
    try:
        return _sectors_as_pairs(rank_partners(reader, state, sector, start, end, offset=0, limit=500))
    finally:
        reader.close()


def check_partners(driver: neo4j.Driver, rng: random.Random) -> int:
    """Compare tallies and meetings for every state; returns how many rankings were compared."""
    states = [
        r["iso3"]
        for r in _rows(
            driver,
            "MATCH (s:State) WHERE EXISTS { (s)-[:REPRESENTED_AT]->(:Meeting) } RETURN s.iso3 AS iso3 ORDER BY iso3",
        )
    ]
    sectors = [r["name"] for r in _rows(driver, "MATCH (x:Sector) RETURN x.name AS name ORDER BY name")]
    years = [
        r["y"]
        for r in _rows(
            driver,
            "MATCH (m:Meeting) WHERE m.start_day IS NOT NULL RETURN DISTINCT left(m.start_day, 4) AS y ORDER BY y",
        )
    ]
    compared = 0
    busy = ["MLI", *rng.sample(states, min(2, len(states)))]
    for state in states:
        periods: list[tuple[str | None, str | None]] = [(None, None)]
        if years:
            a, b = sorted(rng.choices(years, k=2))
            periods += [(a, b), (a, None), (None, b), (a, a)]
            # ends inside a year: the month tallies of the edge years (a and b may be the same year)
            m, n = sorted(rng.sample(range(1, 13), 2))
            periods += [(f"{a}-{m:02d}", f"{b}-{n:02d}"), (f"{a}-{m:02d}", None), (None, f"{b}-{n:02d}")]
            periods += [(f"{a}-{m:02d}", f"{a}-{m:02d}"), (f"{a}-{m:02d}", b), (a, f"{b}-{n:02d}")]
        chosen = [None, *(sectors if state == "MLI" else rng.sample(sectors, min(2, len(sectors))))]
        for sector in chosen if state in busy else [None]:
            for start, end in periods if sector is None else rng.sample(periods, min(2, len(periods))):
                tallied = _from_tallies(driver, state, sector, start, end)
                live = _ranked(
                    driver, "rank_partners_on_the_fly", state=state, sector=sector, **{"from": start, "to": end}
                )
                assert tallied == live, (state, sector, start, end)
                compared += 1
    return compared


def _corrected(doc: Extraction, rng: random.Random) -> Extraction:
    """The same URL with a new text: a meeting dropped, or its date, states or topics changed."""
    meetings = [m.model_copy(deep=True) for m in doc.meetings]
    if meetings:
        target = rng.choice(meetings)
        change = rng.choice(["drop", "date", "state", "topic"])
        if change == "drop":
            meetings.remove(target)
        elif change == "date" and target.date:
            target.date = f"{int(target.date[:4]) - 1}{target.date[4:]}"
        elif change == "state" and len(target.states) > 1:
            target.states = target.states[:-1]
            target.hosts = [h for h in target.hosts if h in target.states]
        else:
            target.topics = sorted({*target.topics, rng.choice(["défense", "santé", "énergie"])})
    sha = hashlib.sha1(f"{doc.id}-{rng.random()}".encode()).hexdigest()
    return doc.model_copy(update={"meetings": meetings, "text_sha1": sha})


def _tallies(driver: neo4j.Driver) -> list[dict[str, Any]]:
    """Every tally, with its per-sector counts as (sector, meetings) pairs in stored order, then every tally date."""
    found = _rows(driver, _TALLIES)
    for row in found:
        t = row["t"]
        t["by_sector"] = list(zip(t.pop("sectors"), t.pop("counts"), strict=True))
    return found + _rows(driver, _DATES)


def _meeting_ids(driver: neo4j.Driver) -> list[str]:
    return [r["id"] for r in _rows(driver, "MATCH (m:Meeting) RETURN m.id AS id ORDER BY id")]


def _judge(driver: neo4j.Driver, rng: random.Random, kind: str) -> str:
    meetings = _meeting_ids(driver)
    if len(meetings) < 2:
        return "none"
    meeting, other = rng.sample(meetings, 2)
    data: dict[str, Any] = {"kind": kind, "author": "test", "reason": "property test", "meeting": meeting}
    if kind == "set_date":
        data["date"] = rng.choice(["2019", "2021-06", "2023-02-14", "2025-12-31"])
    elif kind == "set_host":
        data["state"] = rng.choice(["MLI", "FRA", "RUS", "SEN", "CHN"])
        _rows(driver, "MERGE (:State {iso3: $s})", s=data["state"])
    elif kind == "set_type":
        data["type"] = "visit"
    elif kind == "merge_meetings":
        data["into"] = other
    elif kind == "split_meeting":
        reports = [
            r["a"] for r in _rows(driver, "MATCH (:Meeting {id: $m})-[:REPORTED_IN]->(a) RETURN a.id AS a", m=meeting)
        ]
        if len(reports) < 2:
            return "none"
        data["articles"] = reports[:1]
    elif kind == "merge_people":
        people = [
            r["id"]
            for r in _rows(driver, "MATCH (p:Person)-[:ATTENDED]->(:Meeting) RETURN DISTINCT p.id AS id ORDER BY id")
        ]
        if len(people) < 2:
            return "none"
        data.pop("meeting")
        data["person"], data["into"] = rng.sample(people, 2)
    try:
        record(driver, DATABASE, JudgementIn(**data))
    except (JudgementConflictError, TargetNotFoundError):
        return f"{kind} refused"
    return kind


@pytest.mark.slow
def test_partner_tallies_equal_the_meetings_after_random_writes(driver: neo4j.Driver) -> None:
    rng = random.Random(18)
    docs = [
        a.extraction().model_copy(update={"text_sha1": hashlib.sha1(a.id.encode()).hexdigest()})
        for a in generate(100, seed=18)
    ]
    writer = GraphWriter(driver, DATABASE, load_reference())
    ingested: list[Extraction] = []
    done: list[str] = []
    compared = judged = 0
    for step in range(STEPS):
        op = "ingest" if step < 3 else OPS[step % len(OPS)]
        if op == "ingest":
            batch = rng.sample(docs, rng.randint(5, 30))
            for outcome in writer.write_many(batch, batch_size=rng.choice([1, 7, 50])):
                assert not outcome.failures
            ingested += [d for d in batch if d not in ingested]
        elif op == "reingest" and ingested:
            for outcome in writer.write_many(rng.sample(ingested, min(10, len(ingested))), batch_size=10):
                assert not outcome.failures
        elif op == "correct" and ingested:
            doc = rng.choice(ingested)
            fixed = _corrected(doc, rng)
            writer.write(fixed)
            ingested[ingested.index(doc)] = fixed
        elif op == "retract" and ingested:
            doc = rng.choice(ingested)
            try:
                retract(driver, DATABASE, doc.url or doc.id)
            except ArticleNotFoundError:  # a repost's facts went to its original: nothing of its own to retract
                pass
            ingested.remove(doc)
        elif op == "judge":
            op = _judge(driver, rng, JUDGED[judged % len(JUDGED)])
            judged += 1
        done.append(op)
        compared += check_partners(driver, rng)
    assert compared > 500
    assert {"ingest", "reingest", "correct", "retract"} <= set(done)
    assert {"reject_meeting", "merge_meetings", "set_date", "set_host"} <= set(done), done
    assert not _rows(driver, "MATCH (t:PartnerTally) WHERE t.meetings <= 0 RETURN t.key AS k")
    assert not _rows(driver, "MATCH (d:PartnerTallyDate) WHERE d.meetings <= 0 RETURN d.key AS k")
    # every tally's first and last date are the ends of its tally dates, and no tally date outlives its tally
    assert not _rows(
        driver,
        "MATCH (d:PartnerTallyDate) WITH d.key AS key, min(d.date) AS first, max(d.date) AS last "
        "OPTIONAL MATCH (t:PartnerTally {key: key}) WITH key, first, last, t "
        "WHERE t IS NULL OR t.first <> first OR t.last <> last RETURN key",
    )
    # the same tallies and tally dates as a graph tallied from scratch (what apply_schema does for a graph without)
    kept = _tallies(driver)
    assert len(kept) > len(_rows(driver, _TALLIES)), "tally dates were compared too"
    _rows(driver, "MATCH (t) WHERE t:PartnerTally OR t:PartnerTallyDate DELETE t")
    _rows(driver, "MATCH (m) WHERE m.tallied IS NOT NULL REMOVE m.tallied")
    assert tally_untallied(driver, DATABASE) == len(_meeting_ids(driver))
    assert _tallies(driver) == kept
    # a graph tallied before tally dates (signatures of version 2, no PartnerTallyDate) gets them from apply_schema
    for row in _rows(driver, "MATCH (m:Meeting) RETURN m.id AS id, m.tallied AS tallied"):
        old = json.dumps([2, *json.loads(row["tallied"])[1:]], ensure_ascii=False)
        _rows(driver, "MATCH (m:Meeting {id: $id}) SET m.tallied = $old", id=row["id"], old=old)
    _rows(driver, "MATCH (d:PartnerTallyDate) DELETE d")
    assert tally_untallied(driver, DATABASE) == len(_meeting_ids(driver))
    assert _tallies(driver) == kept
    # a graph tallied before month tallies (signatures of version 1, no month tallies, no tally dates) gets them
    for row in _rows(driver, "MATCH (m:Meeting) RETURN m.id AS id, m.tallied AS tallied"):
        _, states, sectors, year, date, _months = json.loads(row["tallied"])
        old = json.dumps([states, sectors, year, date], ensure_ascii=False)
        _rows(driver, "MATCH (m:Meeting {id: $id}) SET m.tallied = $old", id=row["id"], old=old)
    _rows(driver, "MATCH (t) WHERE (t:PartnerTally AND t.year STARTS WITH 'm') OR t:PartnerTallyDate DELETE t")
    assert tally_untallied(driver, DATABASE) == len(_meeting_ids(driver))
    assert _tallies(driver) == kept


def test_a_graph_written_before_the_tallies_is_answered_from_its_meetings(driver: neo4j.Driver) -> None:
    docs = [a.extraction() for a in generate(40, seed=5)]
    for outcome in GraphWriter(driver, DATABASE, load_reference()).write_many(docs, batch_size=20):
        assert not outcome.failures
    # what a store written by a version without tallies holds: meetings, no tallies, no signatures
    _rows(driver, "MATCH (t) WHERE t:PartnerTally OR t:PartnerTallyDate DELETE t")
    _rows(driver, "MATCH (m:Meeting) REMOVE m.tallied")
    expected = {
        state: _ranked(driver, "rank_partners_on_the_fly", state=state, sector=None, **{"from": None, "to": None})
        for state in ("MLI", "RUS", "FRA")
    }
    assert expected["MLI"], "the synthetic graph has partners of Mali"

    def api_ranking(state: str) -> tuple[bool, Any]:
        reader = GraphReader(driver, DATABASE, 30.0)
        try:
            return tallies_complete(reader), _sectors_as_pairs(
                rank_partners(reader, state, None, None, None, limit=500)
            )
        finally:
            reader.close()

    for state, ranking in expected.items():
        assert api_ranking(state) == (False, ranking)  # never "no partners" from empty tallies
    assert tally_untallied(driver, DATABASE) == len(_meeting_ids(driver))
    for state, ranking in expected.items():
        assert api_ranking(state) == (True, ranking)
