"""A small hand-made graph for the Browser test: four Diop–Lavrov meetings and one Diop–Attaf audience.

Written through the project's own `GraphWriter`, so the nodes and relationships are exactly those of the real model.
"""

from __future__ import annotations

import neo4j

from graph.writer import GraphWriter
from ingest.curation import load_reference
from ingest.models import Extraction, Meeting, OrganisationRef, Person, Role, StateRef

DIOP_LAVROV_DATES = ("2023-09", "2024-02-28", "2024-08-01", "2024-09-26")
OTHER_MEETING_DATE = "2024-01-15"

_DIOP = Person(
    id="abdoulaye-diop",
    name="Abdoulaye Diop",
    roles=[Role(title="ministre des Affaires étrangères et de la Coopération internationale", represents="MLI")],
)
_LAVROV = Person(
    id="sergueï-lavrov", name="Sergueï Lavrov", roles=[Role(title="ministre des Affaires étrangères", represents="RUS")]
)
_CAMARA = Person(id="sadio-camara", name="Sadio Camara", roles=[Role(title="ministre de la Défense", represents="MLI")])
_ATTAF = Person(
    id="ahmed-attaf", name="Ahmed Attaf", roles=[Role(title="ministre des Affaires étrangères", represents="DZA")]
)
_MLI = StateRef(iso3="MLI", name="Mali")
_RUS = StateRef(iso3="RUS", name="Russie")
_DZA = StateRef(iso3="DZA", name="Algérie")
_ONU = OrganisationRef(id="onu", name="Organisation des Nations unies", acronym="ONU")


def _article(
    number: int, published: str, title: str, people: list[Person], states: list[StateRef], meeting: Meeting
) -> Extraction:
    return Extraction(
        id=f"browser-e2e-{number}",
        url=f"https://example.org/malikg-browser-e2e/{number}",
        title=title,
        outlet="example.org",
        published=published,
        people=people,
        states=states,
        organisations=[_ONU] if meeting.organisations else [],
        meetings=[meeting],
    )


def seed_extractions() -> list[Extraction]:
    """Five articles, one meeting each."""
    return [
        _article(
            1,
            "2023-09-25",
            "Diop et Lavrov en marge de l'AGNU",
            [_DIOP, _LAVROV],
            [_MLI, _RUS],
            Meeting(
                id="m1",
                type="bilateral_meeting",
                date="2023-09",
                date_precision="month",
                place="New York",
                participants=["abdoulaye-diop", "sergueï-lavrov"],
                states=["MLI", "RUS"],
                organisations=["onu"],
                topics=["diplomatie", "sécurité"],
                confidence=0.8,
                evidence="En marge de la 78e session de l'Assemblée générale des Nations unies, Abdoulaye Diop s'est "
                "entretenu avec Sergueï Lavrov.",
            ),
        ),
        _article(
            2,
            "2024-02-29",
            "Diop et Camara reçus à Moscou",
            [_DIOP, _CAMARA, _LAVROV],
            [_MLI, _RUS],
            Meeting(
                id="m2",
                type="bilateral_meeting",
                date="2024-02-28",
                date_precision="day",
                place="Moscou",
                participants=["abdoulaye-diop", "sadio-camara", "sergueï-lavrov"],
                states=["MLI", "RUS"],
                hosts=["RUS"],
                topics=["défense", "sécurité", "économie", "éducation"],
                confidence=0.9,
                evidence="Sergueï Lavrov a reçu le 28 février à Moscou Abdoulaye Diop et Sadio Camara.",
            ),
        ),
        _article(
            3,
            "2024-08-02",
            "Entretien téléphonique Diop-Lavrov",
            [_DIOP, _LAVROV],
            [_MLI, _RUS],
            Meeting(
                id="m3",
                type="phone_call",
                date="2024-08-01",
                date_precision="day",
                participants=["abdoulaye-diop", "sergueï-lavrov"],
                states=["MLI", "RUS"],
                topics=["sécurité"],
                confidence=0.85,
                evidence="Abdoulaye Diop a eu ce jeudi 1er août un entretien téléphonique avec Sergueï Lavrov.",
            ),
        ),
        _article(
            4,
            "2024-09-27",
            "Diop rencontre Lavrov à New York",
            [_DIOP, _LAVROV],
            [_MLI, _RUS],
            Meeting(
                id="m4",
                type="bilateral_meeting",
                date="2024-09-26",
                date_precision="day",
                place="New York",
                participants=["abdoulaye-diop", "sergueï-lavrov"],
                states=["MLI", "RUS"],
                organisations=["onu"],
                topics=["diplomatie", "économie"],
                confidence=0.9,
                evidence="Le 26 septembre, à New York, Abdoulaye Diop s'est entretenu avec son homologue russe Sergueï "
                "Lavrov.",
            ),
        ),
        _article(
            5,
            "2024-01-16",
            "Ahmed Attaf reçu par Abdoulaye Diop",
            [_DIOP, _ATTAF],
            [_MLI, _DZA],
            Meeting(
                id="m5",
                type="audience",
                date=OTHER_MEETING_DATE,
                date_precision="day",
                place="Bamako",
                participants=["abdoulaye-diop", "ahmed-attaf"],
                states=["MLI", "DZA"],
                hosts=["MLI"],
                topics=["diplomatie"],
                confidence=0.8,
                evidence="Abdoulaye Diop a reçu le 15 janvier à Bamako son homologue algérien Ahmed Attaf.",
            ),
        ),
    ]


def load_seed_graph(driver: neo4j.Driver, database: str) -> None:
    """Write the seed extractions; fails loudly if any document is rejected."""
    writer = GraphWriter(driver, database, load_reference())
    for outcome in writer.write_many(seed_extractions()):
        if outcome.failures:
            raise RuntimeError(f"seed documents rejected by the writer: {outcome.failures}")
