"""Round 6 (issue 14): recall — articles that gave no meeting and several contacts of one article told as one;
one test per general French construction on an invented sentence. spaCy is loaded once; every text goes through
the whole extraction."""

from __future__ import annotations

from extraction_text import run
from spacy.language import Language

from ingest.clean import is_sentence
from ingest.meetings import cue_text


def test_an_incise_between_commas_after_the_auxiliary_is_moved_after_the_participle() -> None:
    text = "Le ministre a, au cours de son séjour, également rencontré le président."
    low = cue_text(text)
    assert len(low) == len(text), "offsets outside the verb group hold"
    assert "a rencontré" in low and low.endswith(" le président.")


def test_a_contact_verb_cut_by_an_incise_between_commas_is_a_contact(nlp: Language) -> None:
    x = run(
        "Le ministre ghanéen des Affaires étrangères, Kwame Mensah, s'est, ce mardi 12 mars, entretenu à Bamako "
        "avec le ministre malien de la Défense, Sadio Camara."
    )
    (talk,) = x.meetings
    assert talk.type == "bilateral_meeting"
    assert set(talk.states) == {"GHA", "MLI"} and talk.date == "2024-03-12"


def test_a_long_story_paragraph_cut_short_is_running_text_a_headline_is_not() -> None:
    cut = (
        "En marge du forum régional sur la sécurité tenu dans la capitale, le ministre malien des Affaires "
        "étrangères et de la Coopération internationale, accompagné de plusieurs conseillers, a été reçu, lundi 11 "
        "mars, par le président ghanéen pour un long entretien sur"
    )
    assert is_sentence(cut), "a story paragraph cut at the end of the page"
    assert not is_sentence("Mali-Ghana : le ministre malien des Affaires étrangères reçu par le président ghanéen")
    assert not is_sentence(cut.upper()), "a long line in capitals is a headline"
    quoted = "Il a été reçu par le président. « Nous sommes venus en amis », a-t-il dit. « Nous reviendrons pour"
    assert is_sentence(quoted), "two full sentences before the cut, the second opening with a quote"


def test_a_contact_in_a_paragraph_cut_short_is_found(nlp: Language) -> None:
    x = run(
        "Mali-Ghana : le ministre reçu par le président\n\n"
        "En marge du forum régional sur la sécurité tenu à Accra, le ministre malien des Affaires étrangères, "
        "Abdoulaye Diop, accompagné de plusieurs conseillers, a été reçu, lundi 11 mars, par le président ghanéen "
        "Nana Akufo-Addo pour un long entretien sur"
    )
    (audience,) = x.meetings
    assert audience.type == "audience"
    assert set(audience.states) == {"GHA", "MLI"} and audience.date == "2024-03-11"


def test_a_compound_adjective_of_two_states_names_both(nlp: Language) -> None:
    doc = nlp("Le partenariat sénégalo-malien et la coopération tchado-nigérienne progressent dans l'Indo-Pacifique.")
    demonyms = [(e.text, e.ent_id_) for e in doc.ents if e.label_ == "DEMONYM"]
    assert demonyms == [
        ("sénégalo-", "state:SEN"),
        ("malien", "state:MLI"),
        ("tchado-", "state:TCD"),
        ("nigérienne", "state:NER"),
    ], "a place name with a hyphen is no compound of two states"


def test_a_joint_commission_named_by_a_compound_adjective_is_between_its_two_states(nlp: Language) -> None:
    x = run(
        "La grande commission mixte de coopération tchado-malienne a clôturé, jeudi à Bamako, sa 5e session sous "
        "la présidence des deux ministres, M. Idriss Mahamat Saleh et M. Abdoulaye Diop."
    )
    (session,) = x.meetings
    assert session.type == "joint_commission"
    assert set(session.states) == {"TCD", "MLI"} and session.date == "2024-03-14"


def test_a_visitor_received_in_turn_by_two_hosts_gives_one_audience_each(nlp: Language) -> None:
    x = run(
        "À Accra, le 12 mars, le ministre malien Abdoulaye Diop a été reçu par le président ghanéen Nana Akufo-Addo, "
        "puis par le président de la Commission de la CEDEAO, Omar Alieu Touray. Il a ensuite rencontré son "
        "homologue ghanéenne, Shirley Ayorkor Botchwey."
    )
    pairs = sorted(sorted(m.participants) for m in x.meetings)
    assert pairs == [
        ["abdoulaye-diop", "nana-akufo-addo"],
        ["abdoulaye-diop", "omar-alieu-touray"],
        ["abdoulaye-diop", "shirley-ayorkor-botchwey"],
    ], "the next contact told with 'il' continues the visitor of the split sentence, not of its last part"


def test_a_pluperfect_contact_told_with_a_weekday_is_news_even_with_no_page_date(nlp: Language) -> None:
    told = (
        "Le ministre malien des Affaires étrangères, Abdoulaye Diop, s'était entretenu jeudi à Accra avec son "
        "homologue ghanéenne, Shirley Ayorkor Botchwey, sur la sécurité au Sahel."
    )
    (talk,) = run(told, published=None).meetings
    assert talk.type == "bilateral_meeting" and set(talk.states) == {"GHA", "MLI"}
    background = told.replace("jeudi ", "")
    assert run(background, published=None).meetings == [], "an undated pluperfect contact stays background"


def test_two_states_joined_by_a_hyphen_after_the_cue_are_the_parties(nlp: Language) -> None:
    x = run(
        "Les Premiers ministres Amadou Issa Garba et Moussa Kéita ont coprésidé jeudi à Niamey un conseil des "
        "ministres conjoint Niger-Mali consacré à la sécurité des frontières."
    )
    (session,) = x.meetings
    assert set(session.states) == {"NER", "MLI"} and session.date == "2024-03-14"
