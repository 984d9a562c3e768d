"""Round 10a (issue 14), articles that report several contacts, and the sides of their participants. One test per
general French construction on an invented text; every text goes through the whole extraction."""

from __future__ import annotations

from extraction_text import participant_names, run
from spacy.language import Language

from ingest.meetings import Candidate, merge
from ingest.normalise import normalise_text


def test_a_rotating_chair_of_an_organisation_stands_for_his_state(nlp: Language) -> None:
    # "le président en exercice de l'Union africaine, X": a head of state chairing it in turn, his state's side
    x = run(
        "Le président en exercice de l'Union africaine, Macky Sall, a été reçu le lundi 8 août 2022 à Bamako par "
        "le président de la Transition, le colonel Assimi Goïta.",
        published="2022-08-09",
    )
    (visit,) = x.meetings
    assert participant_names(x, visit.participants) == {"Macky Sall", "Assimi Goïta"}
    assert set(visit.states) == {"SEN", "MLI"}


def test_the_chair_of_an_organisations_commission_is_its_official(nlp: Language) -> None:
    # "le président en exercice de la Commission de l'Union africaine, X": no state's side
    x = run(
        "Le président en exercice de la Commission de l'Union africaine, Moussa Faki Mahamat, a été reçu le lundi "
        "8 août 2022 à Bamako par le président de la Transition, le colonel Assimi Goïta.",
        published="2022-08-09",
    )
    assert all("TCD" not in m.states for m in x.meetings)


def test_a_double_quote_between_letters_is_an_apostrophe() -> None:
    # "s”entretenir", "l”aéroport": an apostrophe mis-encoded by the outlet; "“Sahel”" between spaces stays a quotation
    text = "Le mot “Sahel” et s”entretenir à l”aéroport"
    assert normalise_text(text) == "Le mot “Sahel” et s’entretenir à l’aéroport"


def test_a_presence_told_on_one_side_is_no_host_of_the_next_contact() -> None:
    # merge level: "Ce déplacement a vu la présence du Premier ministre burkinabè X, dans le cadre des rencontres de
    # l'AES. Les Premiers ministres ont aussi rencontré le sultan Z": X received nobody, Z met the visitors
    presence = Candidate(
        "bilateral_meeting", 0, "Ce déplacement a vu la présence du Premier ministre burkinabè X.", ["x"], ["BFA"],
        party={"x": "BFA"}, organisations=["aes"],
    )  # fmt: skip
    further = Candidate(
        "bilateral_meeting", 1, "Les Premiers ministres ont aussi rencontré le sultan Z.", ["z"], [], additive=True,
    )  # fmt: skip
    out = merge([presence, further])
    assert [c.participants for c in out] == [["x"], ["z"]]


def test_a_side_told_alone_goes_on_into_a_contact_naming_its_state() -> None:
    # merge level: "X, ministre togolais, ... Le chef de la diplomatie togolaise a également été reçu par Y"
    presence = Candidate(
        "bilateral_meeting", 0, "Le ministre togolais X est arrivé.", ["x"], ["TGO"], party={"x": "TGO"},
    )  # fmt: skip
    further = Candidate(
        "audience", 1, "Le chef de la diplomatie togolaise a également été reçu par Y.", ["y"], ["MLI", "TGO"],
        rep_states=["TGO"], party={"y": "MLI"}, additive=True,
    )  # fmt: skip
    out = merge([presence, further])
    assert set(out[-1].participants) == {"x", "y"}


def test_the_further_contacts_of_an_organisations_official_are_his(nlp: Language) -> None:
    # "Le président de la Commission de la CEDEAO, X, est dans nos murs pour une visite officielle. Il a été reçu
    # par Y. Il a ensuite été reçu par Z": X, who stands for no state, met Y and Z
    x = run(
        "Le président de la Commission de la CEDEAO, Jean Kouassi, est dans nos murs depuis le mardi 12 mars 2024 "
        "pour une visite officielle. Il a été reçu en audience par le Président de la Transition, Assimi Goïta. "
        "Il a ensuite été reçu à la Primature par le Premier ministre, Choguel Kokalla Maïga."
    )
    audiences = [participant_names(x, m.participants) for m in x.meetings if m.type == "audience"]
    assert audiences == [{"Jean Kouassi", "Assimi Goïta"}, {"Jean Kouassi", "Choguel Kokalla Maïga"}]
    assert all("cedeao" in m.organisations for m in x.meetings if m.type == "audience")
