"""A deterministic synthetic graph of any size, for export tests and the benchmarks (never for real data).

Test-only: it lives in bench/, outside the product packages, with its two write queries (`bench/queries/`).
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from neo4j import Driver, ManagedTransaction

from core.dates import day_span
from graph.rdf.vocab import MEETING_TYPES

SECTORS = ("défense", "sécurité", "économie", "énergie", "santé", "éducation", "mines", "agriculture")
FIRST = ("Abdoulaye", "Sergueï", "Aïssata", "Moussa", "Fatoumata", "Ibrahim", "Jean-Noël", "Hélène", "Oumar", "Zoé")
LAST = ("Diop", "Lavrov", "Traoré", "Keïta", "Coulibaly", "Müller", "Dembélé", "Sissoko", "N'Diaye", "Ould Ahmed")
TITLES = ("ministre des Affaires étrangères", "ambassadeur", "ministre de la Défense", "Premier ministre")


def _states(n: int) -> list[dict[str, Any]]:
    codes = ["MLI", "RUS"] + [a + b + c for a in "BCDFG" for b in string.ascii_uppercase for c in "AEIOU"]
    return [
        {"iso3": code, "name": f"État {code}", "name_en": f"State {code}", "wikidata": f"Q{1000 + i}"}
        for i, code in enumerate(codes[:n])
    ]


def entities(meetings: int) -> dict[str, Any]:
    """Parameters of `bench/queries/synthetic_entities.cypher`, scaled to the number of meetings."""
    states = _states(40)
    iso3 = [s["iso3"] for s in states]
    people = []
    for i in range(max(20, meetings // 20)):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i}"
        people.append(
            {
                "id": person_id(i),
                "name": name,
                "aliases": [name.upper()],
                "wikidata": f"Q{500000 + i}" if i % 3 == 0 else None,
                "state": iso3[i % len(iso3)],
                "title": TITLES[i % len(TITLES)],
                "since": f"{2015 + i % 9}-0{1 + i % 9}" if i % 2 == 0 else f"{2015 + i % 9}",
            }
        )
    return {
        "states": states,
        "organisations": [{"id": f"org-{i}", "name": f"Organisation {i}", "acronym": f"O{i}"} for i in range(12)],
        "places": [{"id": f"lieu-{i}", "name": f"Lieu {i}", "state": iso3[i % len(iso3)]} for i in range(60)],
        "sectors": list(SECTORS),
        "people": people,
    }


def meeting_rows(meetings: int, people: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """Rows of `bench/queries/synthetic_meetings.cypher`: one a meeting, reproducible for a given seed."""
    rng = random.Random(seed)
    types = list(MEETING_TYPES)
    iso3 = [s["iso3"] for s in _states(40)]
    for i in range(meetings):
        year, month, day = 2015 + rng.randrange(10), 1 + rng.randrange(12), 1 + rng.randrange(28)
        precision = rng.choice(("day", "day", "day", "month", "year"))
        date = {"day": f"{year}-{month:02d}-{day:02d}", "month": f"{year}-{month:02d}", "year": f"{year}"}[precision]
        attendees = rng.sample(range(people), 2)
        states = rng.sample(iso3, 2)
        start_day, end_day = day_span(date)
        yield {
            "id": f"m{i:08d}",
            "type": rng.choice(types),
            "date": date,
            "date_precision": precision,
            "start_day": start_day,
            "end_day": end_day,
            "summary": f"Rencontre synthétique n° {i}",
            "confidence": round(rng.uniform(0.5, 1.0), 2),
            "people": [
                {"id": person_id(p), "role": rng.choice(TITLES) if rng.random() < 0.7 else None} for p in attendees
            ],
            "states": [{"iso3": s, "host": j == 0} for j, s in enumerate(states)],
            "place": f"lieu-{rng.randrange(60)}",
            "sectors": rng.sample(SECTORS, 1 + rng.randrange(3)),
            "organisation": f"org-{rng.randrange(12)}" if rng.random() < 0.3 else None,
            "article": {
                "id": f"art-{i:08d}",
                "url": f"https://example.org/actualite/{i}",
                "title": f"Article synthétique {i} : « rencontre »",
                "outlet": f"Journal {i % 15}",
                "published": f"{year}-{month:02d}-{day:02d}",
            },
            "evidence": f"Le ministre a rencontré son homologue (phrase n° {i}).",
        }


def person_id(i: int) -> str:
    """The id of the i-th synthetic person (non-ASCII on purpose: `personne-0000001-sergueï`)."""
    return f"personne-{i:07d}-{FIRST[i % len(FIRST)].lower()}"


@cache
def load_query(name: str) -> str:
    """The text of `bench/queries/<name>.cypher`."""
    return resources.files("bench").joinpath("queries", f"{name}.cypher").read_text(encoding="utf-8")


def _run(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> None:
    tx.run(query, params).consume()


def write_synthetic_graph(
    driver: Driver,
    database: str,
    meetings: int,
    batch_size: int = 2000,
    on_batch: Callable[[int], None] | None = None,
) -> None:
    """Write a synthetic graph of `meetings` meetings (with people, states, articles...) in write transactions."""
    params = entities(meetings)
    with driver.session(database=database) as session:
        session.execute_write(_run, load_query("synthetic_entities"), params)
        meetings_query = load_query("synthetic_meetings")
        batch: list[dict[str, Any]] = []
        done = 0
        for row in meeting_rows(meetings, len(params["people"])):
            batch.append(row)
            if len(batch) == batch_size:
                session.execute_write(_run, meetings_query, {"rows": batch})
                done += len(batch)
                batch = []
                if on_batch is not None:
                    on_batch(done)
        if batch:
            session.execute_write(_run, meetings_query, {"rows": batch})
            if on_batch is not None:
                on_batch(done + len(batch))
