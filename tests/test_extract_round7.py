"""Round 7 (issue 14): a side named only by a post, a pronoun or an organisation's official; one contact per
counterpart of one visitor. One test per general French construction on an invented sentence; every text goes
through the whole extraction."""

from __future__ import annotations

from extraction_text import run
from spacy.language import Language

from ingest.analyse import analyse_many
from ingest.clean import clean
from ingest.extractor import prepare
from ingest.gazetteer import load_gazetteer
from ingest.models import Document


def test_a_home_post_printed_alone_as_subject_is_the_home_state(nlp: Language) -> None:
    x = run(
        "Coopération sécuritaire au Mali\n\n"
        "Le ministre de la Sécurité et de la Protection civile a reçu, le mardi 12 mars 2024, le représentant "
        "spécial Moussa Keïta, chef de la mission de l'Union africaine pour le Mali et le Sahel. Les échanges ont "
        "porté sur la situation sécuritaire au Mali."
    )
    (audience,) = x.meetings
    assert audience.type == "audience" and audience.date == "2024-03-12"
    assert audience.states == ["MLI"] and audience.organisations == ["ua"]


def test_a_post_with_its_country_printed_is_no_bare_home_post(nlp: Language) -> None:
    x = run(
        "Le ministre nigérien de la Défense a reçu, le mardi 12 mars 2024 à Niamey, le ministre malien de la "
        "Défense, Sadio Camara."
    )
    (audience,) = x.meetings
    assert set(audience.states) == {"NER", "MLI"}


def test_a_lone_pronoun_subject_is_the_one_person_named_in_the_sentence_before(nlp: Language) -> None:
    x = run(
        "Une semaine après sa nomination, le Premier ministre malien, Adama Diarra, multiplie les consultations. "
        "C'est dans ce cadre qu'il a reçu en audience, le lundi 11 mars 2024, l'ambassadeur du Ghana au Mali, "
        "Kwame Boateng."
    )
    (audience,) = x.meetings
    names = {p.name for p in x.people if p.id in audience.participants}
    assert names == {"Adama Diarra", "Kwame Boateng"}
    assert set(audience.states) == {"MLI", "GHA"} and audience.date == "2024-03-11"


def test_a_pronoun_after_a_delegation_resumes_the_delegation_not_the_person_before(nlp: Language) -> None:
    text = (
        "Le ministre ghanéen, Kwame Boateng, a été accueilli à l'aéroport le lundi 11 mars 2024 par son homologue "
        "malien, Abdoulaye Diop. Ensuite la délégation s'est rendue à l'hôtel, puis elle a été reçue au palais par "
        "le président Assimi Goïta."
    )
    ct = clean(text)
    sentences = next(iter(analyse_many([ct.paragraphs])))
    _, article, _, finder = prepare(
        Document(id="t", text=text, published="2024-03-15"), ct, sentences, load_gazetteer()
    )
    found, _ = finder.candidates()
    (later,) = [c for c in found if c.sentence == 1]
    assert later.participants == ["assimi-goïta"], "not the Ghanaian minister of the sentence before"
