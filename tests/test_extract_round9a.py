"""Round 9a (issue 14), one-sided contacts: a contact whose sentence names one side only gets its other side from
the article (ingest/sides.py). One test per general French construction on an invented sentence; every text goes
through the whole extraction."""

from __future__ import annotations

from extraction_text import participant_names, run
from spacy.language import Language


def test_a_visitor_whose_country_no_mention_states_stands_for_the_other_state_of_the_article(nlp: Language) -> None:
    # "X s'est entretenu avec son homologue malien Y", "a eu une séance de travail avec X": a name printed bare
    # stands for the article's other state
    x = run(
        "La Chine et le Mali veulent renforcer leur coopération. Wang Lei s'est entretenu le lundi 4 mars 2024 à "
        "Bamako avec son homologue malien, Assimi Goïta."
    )
    (talk,) = x.meetings
    assert set(talk.states) == {"CHN", "MLI"}
    assert participant_names(x, talk.participants) == {"Wang Lei", "Assimi Goïta"}
    x = run(
        "La Chine et le Mali veulent renforcer leur coopération. Le ministre malien des Affaires étrangères, "
        "Abdoulaye Diop, a eu le lundi 4 mars 2024 à Bamako une séance de travail avec Wang Lei."
    )
    (talk,) = x.meetings
    assert set(talk.states) == {"CHN", "MLI"}


def test_an_organisation_official_stands_for_no_state(nlp: Language) -> None:
    # "X, médiateur de la CEDEAO": an organisation's official is no state's side
    x = run(
        "La Chine et le Mali veulent renforcer leur coopération. Le ministre malien des Affaires étrangères, "
        "Abdoulaye Diop, s'est entretenu le lundi 4 mars 2024 à Bamako avec Kwame Mensah, médiateur de la CEDEAO."
    )
    assert all("CHN" not in m.states for m in x.meetings)


def test_an_unnamed_head_office_of_the_home_state_is_its_side(nlp: Language) -> None:
    # "était venu rendre une visite de courtoisie au chef de l'État": the home state's head receives him
    x = run(
        "Kwame Mensah, ambassadeur du Ghana au Mali, était venu le mardi 12 mars 2024 rendre une visite de "
        "courtoisie au chef de l'État."
    )
    (contact,) = x.meetings
    assert set(contact.states) == {"GHA", "MLI"}


def test_a_head_office_with_its_country_is_not_the_home_state(nlp: Language) -> None:
    # "au chef de l'État sénégalais": another state's office, not Mali's
    x = run(
        "Kwame Mensah, ambassadeur du Ghana au Mali, était venu le mardi 12 mars 2024 rendre une visite de "
        "courtoisie au chef de l'État sénégalais."
    )
    assert all("MLI" not in m.states or "SEN" in m.states for m in x.meetings)
    # "au président de la République de Guinée": the country inside the office's own name
    x = run(
        "Kwame Mensah, ambassadeur du Ghana au Mali, était venu le mardi 12 mars 2024 rendre une visite de "
        "courtoisie au président de la République de Guinée."
    )
    assert all("MLI" not in m.states for m in x.meetings)


def test_who_receives_an_unnamed_delegation_is_not_of_its_state(nlp: Language) -> None:
    # "Le ministre de l'Éducation nationale, X, a reçu une délégation russe": X is of the article's other state,
    # even in an article that names Russia most
    x = run(
        "La Russie veut renforcer sa coopération avec le Mali dans l'éducation, et des bourses russes sont prévues. "
        "Le ministre de l'Éducation nationale, Amadou Traoré, a reçu le lundi 11 mars 2024 une délégation russe."
    )
    (audience,) = x.meetings
    assert set(audience.states) == {"RUS", "MLI"}
    assert participant_names(x, audience.participants) == {"Amadou Traoré"}


def test_a_joint_commission_launched_or_held_names_its_two_states_as_parties(nlp: Language) -> None:
    # "les travaux de la commission mixte Mali-Ghana ont été lancés", "la session, qui a eu lieu le ...": a
    # session of a joint commission that took place is a contact of the two states in its name, nobody named
    for text in (
        "Les travaux de la 5e session de la commission mixte de coopération Mali-Ghana ont été lancés le lundi 4 "
        "mars 2024 à Accra.",
        "La 5e session de la commission mixte de coopération entre le Mali et le Ghana, qui a eu lieu le lundi 4 "
        "mars 2024 à Accra, a mis en évidence la convergence de vues des deux pays.",
    ):
        (session,) = run(text).meetings
        assert session.type == "joint_commission"
        assert set(session.states) == {"MLI", "GHA"}
