"""Resolution, roles and meetings on short French sentences written for the tests (spaCy loaded once)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from ingest.models import Document, Extraction
from ingest.nlp import load_nlp
from ingest.pipeline import extract_one


@pytest.fixture(scope="session")
def nlp() -> Iterator[Language]:
    """The cached spaCy pipeline, loaded once for the whole session."""
    yield load_nlp()


def run(text: str, published: str | None = "2024-03-15") -> Extraction:
    return extract_one(Document(id="t", text=text, published=published))


def test_people_are_grouped_and_titles_stripped(nlp: Language) -> None:
    x = run(
        "Le Premier ministre, le Général de division Abdoulaye Maïga, a reçu jeudi l'ambassadeur de Chine au Mali. "
        "Le Premier ministre MAÏGA a salué la coopération."
    )
    names = [p.name for p in x.people]
    assert names == ["Abdoulaye Maïga"]
    assert "Maïga" not in names


def test_apposition_gives_the_represented_state(nlp: Language) -> None:
    x = run(
        "Le ministre des Affaires étrangères, Abdoulaye Diop, a reçu en audience mardi 12 mars 2024, "
        "Kwame Mensah Boateng, ambassadeur du Ghana au Mali."
    )
    person = next(p for p in x.people if p.name.endswith("Boateng"))
    assert person.nationality == "GHA"
    (m,) = x.meetings
    assert m.type == "audience"
    assert set(m.states) == {"MLI", "GHA"}
    assert m.date == "2024-03-12"


def test_plural_meetings_with_unnamed_ambassadors_are_split(nlp: Language) -> None:
    x = run(
        "Le ministre des Affaires étrangères, Abdoulaye Diop, a eu successivement des rencontres bilatérales, "
        "le mercredi 13 mars à Bamako, avec les ambassadeurs du Maroc et de la Türkiye."
    )
    assert sorted(sorted(m.states) for m in x.meetings) == [["MAR", "MLI"], ["MLI", "TUR"]]
    assert all(m.date == "2024-03-13" for m in x.meetings)


def test_future_events_are_not_meetings(nlp: Language) -> None:
    x = run(
        "Le président sénégalais Bassirou Diomaye Faye sera reçu en audience par le colonel Assimi Goïta. "
        "Les deux chefs d'État assisteront ensuite à un sommet prévu pour le mois prochain."
    )
    assert x.meetings == []


def test_phone_call_with_a_described_counterpart(nlp: Language) -> None:
    x = run("Le ministre Abdoulaye Diop s'est entretenu hier au téléphone avec son homologue algérien.")
    (m,) = x.meetings
    assert m.type == "phone_call"
    assert set(m.states) == {"MLI", "DZA"}
    assert m.date == "2024-03-14"


def test_communique_and_internal_meetings_are_not_meetings(nlp: Language) -> None:
    x = run(
        "Dans un communiqué publié lundi, le gouvernement du Mali a dénoncé les propos du ministre français. "
        "Le ministre Abdoulaye Diop a reçu en audience le directeur national des douanes, Moussa Koné."
    )
    assert x.meetings == []


def test_visit_takes_the_host_from_the_destination(nlp: Language) -> None:
    x = run("Le Premier ministre malien, Abdoulaye Maïga, s'est rendu au Niger le samedi 9 mars 2024.")
    (m,) = x.meetings
    assert m.type == "visit"
    assert set(m.states) == {"MLI", "NER"}
    assert m.hosts == ["NER"]


def test_frame_organisation_is_linked_not_a_meeting(nlp: Language) -> None:
    x = run(
        "En marge du sommet de l'Union africaine, le ministre Abdoulaye Diop s'est entretenu le 10 février "
        "avec son homologue russe, Sergueï Lavrov."
    )
    (m,) = x.meetings
    assert m.type == "bilateral_meeting"
    assert set(m.states) == {"MLI", "RUS"}
    assert m.organisations == ["ua"]
