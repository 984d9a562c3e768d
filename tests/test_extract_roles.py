"""Role titles fit for the graph, organisation seats as places, towns inside names: short sentences written for
the tests (spaCy loaded once)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from ingest.gazetteer import load_gazetteer
from ingest.models import Document, Extraction
from ingest.pipeline import extract_one
from ingest.roles import CleanTitle, clean_title


def run(text: str, published: str | None = "2024-09-28") -> Extraction:
    return extract_one(Document(id="t", text=text, published=published))


def person_title(x: Extraction, pid: str) -> str | None:
    person = next(p for p in x.people if p.id == pid)
    return person.roles[0].title if person.roles else None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("homologue de la Fédération de Russie, Son Excellence Monsieur", CleanTitle(None, relational=True)),
        ("homologue malien", CleanTitle(None, relational=True)),
        ("celui de la Défense et des Anciens combattants, le colonel", CleanTitle(None, relational=True)),
        ("ministres", CleanTitle(None)),
        ("les ambassadeurs", CleanTitle(None)),
        ("le ministère", CleanTitle(None)),
        ("colonel", CleanTitle(None, rank_only=True)),
        ("le Général de division", CleanTitle(None, rank_only=True)),
        ("S.E. M.", CleanTitle(None)),
        ("Ministre des Affaires étrangères du Mali", CleanTitle("ministre des Affaires étrangères du Mali")),
        ("Premier ministre, le Général de division", CleanTitle("premier ministre")),
        ("ministre de la Défense, le général", CleanTitle("ministre de la Défense")),
        ("Son Excellence Madame l'ambassadrice de Suède", CleanTitle("ambassadrice de Suède")),
        ("Dr ministre de la Santé,", CleanTitle("ministre de la Santé")),
        ("secrétaire général", CleanTitle("secrétaire général")),  # "général" here is no rank
        ("chef de la délégation", CleanTitle("chef de la délégation")),
        ("ministre des Affaires étrangères de la Russie", CleanTitle("ministre des Affaires étrangères de la Russie")),
        ("CEO de la société", CleanTitle("CEO de la société")),  # an acronym keeps its case
        (None, CleanTitle(None)),
    ],
)
def test_clean_title(raw: str | None, expected: CleanTitle) -> None:
    assert clean_title(raw) == expected


def test_honorifics_and_relational_titles_give_the_gazetteer_post(nlp: Language) -> None:
    x = run(
        "En marge de la 78ème session de l'Assemblée Générale des Nations Unies, Son Excellence Monsieur Abdoulaye "
        "DIOP, Ministre des Affaires étrangères et de la Coopération internationale du Mali, a tenu un entretien "
        "bilatéral avec son homologue de la Fédération de Russie, Son Excellence Monsieur Sergueï LAVROV.",
        published="2023-09-25",
    )
    assert person_title(x, "sergueï-lavrov") == "ministre des Affaires étrangères"
    diop = "ministre des Affaires étrangères et de la Coopération internationale du Mali"
    assert person_title(x, "abdoulaye-diop") == diop
    (m,) = x.meetings
    assert m.roles == {"abdoulaye-diop": diop, "sergueï-lavrov": "ministre des Affaires étrangères"}


def test_an_unknown_counterpart_takes_the_kind_of_the_other_post(nlp: Language) -> None:
    x = run(
        "Le ministre des Affaires étrangères du Ghana, Kwame Mensah Boateng, a eu un entretien téléphonique "
        "le 12 mars 2024 avec son homologue togolais, Komla Dodzi Agbenou."
    )
    agbenou = next(p for p in x.people if p.name.endswith("Agbenou"))
    assert [r.title for r in agbenou.roles] == ["ministre des Affaires étrangères"]
    assert agbenou.roles[0].represents == "TGO"


def test_a_bare_rank_is_replaced_by_the_post_held_or_dropped(nlp: Language) -> None:
    x = run(
        "Le colonel Sadio Camara a reçu en audience le colonel Issa Kone Tangara, attaché militaire, "
        "et l'ambassadeur de Chine au Mali, le 20 septembre 2024."
    )
    assert person_title(x, "sadio-camara") == "ministre de la Défense et des Anciens combattants"
    assert all(r.title != "colonel" for p in x.people for r in p.roles)


def test_the_gazetteer_post_is_the_one_held_at_the_meeting_date(nlp: Language) -> None:
    x = run("Le ministre malien de la Défense, Sadio Camara, a rencontré Sergueï Choïgou le 10 juin 2024 à Moscou.")
    (m,) = x.meetings
    assert m.roles["sergueï-choïgou"] == "secrétaire du Conseil de sécurité de la Fédération de Russie"
    x = run(
        "Le ministre malien de la Défense, Sadio Camara, a rencontré Sergueï Choïgou le 10 juin 2023 à Moscou.",
        published="2023-06-12",
    )
    (m,) = x.meetings
    assert m.roles["sergueï-choïgou"] == "ministre de la Défense"


def test_a_session_of_the_general_assembly_takes_its_seat_as_place(nlp: Language) -> None:
    x = run(
        "Lors de la 79e session de l'Assemblée générale des Nations Unies, le 26 septembre, le ministre malien des "
        "Affaires étrangères, Abdoulaye Diop, a eu une discussion bilatérale avec son homologue russe, Serguei Lavrov."
    )
    (m,) = x.meetings
    assert (m.place, m.place_state) == ("New York", "USA")
    assert sorted(m.states) == ["MLI", "RUS"]  # the seat's state is not a party
    assert m.roles["sergueï-lavrov"] == "ministre des Affaires étrangères"


def test_a_stated_place_wins_over_the_seat_and_calls_have_none(nlp: Language) -> None:
    x = run(
        "En marge de l'Assemblée générale des Nations unies, le ministre malien des Affaires étrangères, Abdoulaye "
        "Diop, a rencontré le 24 septembre à Washington son homologue russe, Sergueï Lavrov."
    )
    assert [m.place for m in x.meetings] == ["Washington"]
    x = run(
        "En marge de l'Assemblée générale des Nations unies, le ministre malien des Affaires étrangères, Abdoulaye "
        "Diop, a eu le 24 septembre un entretien téléphonique avec son homologue russe, Sergueï Lavrov."
    )
    assert [(m.type, m.place) for m in x.meetings] == [("phone_call", None)]


def test_a_town_inside_a_person_name_is_not_a_place(nlp: Language) -> None:
    x = run(
        "Le ministre turc du Commerce, Ahmet Kaya, a reçu en audience le 3 mars 2024 à Ankara l'ambassadeur du "
        "Mali en Turquie."
    )
    assert any(p.name == "Ahmet Kaya" for p in x.people)
    assert [m.place for m in x.meetings] == ["Ankara"]
    x = run("Le Premier ministre burkinabè a reçu à Kaya le 3 mars 2024 l'ambassadeur du Mali au Burkina Faso.")
    assert [m.place for m in x.meetings] == ["Kaya"]


def test_palaces_and_new_office_holders_of_the_gazetteer(nlp: Language) -> None:
    gaz = load_gazetteer()
    assert {"abderaman-koulamallah", "igor-gromyko", "joël-meyer", "el-haouès-riache", "hissein-brahim-taha"} <= set(
        gaz.person_by_id
    )
    assert [p.id for p in gaz.holders("ambassador", "FRA", "2022-01")] == ["joël-meyer"]
    assert gaz.organisation_by_id["agnu"].seat == "New York"
    x = run(
        "Le président Xi Jinping a reçu le colonel Assimi Goïta le 5 septembre 2024 au Grand Palais du Peuple.",
        published="2024-09-06",
    )
    assert [(m.place, m.place_state) for m in x.meetings] == [("Pékin", "CHN")]
