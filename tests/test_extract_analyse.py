"""The NLP stage assigns every entity to its own sentence, exactly as spaCy's `Span.ents` does."""

from __future__ import annotations

from ingest.analyse import _sentences
from ingest.nlp import load_nlp

TEXT = (
    "Le ministre des Affaires étrangères, Abdoulaye Diop, a reçu l'ambassadeur de Turquie à Bamako. "
    "Il s'est ensuite entretenu au téléphone avec Sergueï Lavrov. "
    "Les échanges ont porté sur la coopération entre le Mali et la Russie au sein de l'ONU."
)


def test_entities_are_bucketed_by_sentence_like_span_ents() -> None:
    doc = load_nlp()(TEXT)
    sentences = _sentences(doc, paragraph=0, running=True)
    expected = [[(e.text, e.label_) for e in sent.ents] for sent in doc.sents]
    assert [[(e.text, e.label) for e in s.ents] for s in sentences] == expected
    assert sum(len(s.ents) for s in sentences) == len(doc.ents) > 3
    for sentence in sentences:
        for ent in sentence.ents:
            assert sentence.text[ent.start : ent.end] == ent.text


def test_exact_case_one_word_names_keep_their_own_label_and_id() -> None:
    # one token pattern holds every exact-case one-word form (ingest/nlp.py EXACT); each match gets its name back
    doc = load_nlp()("La RDC, l'UA et la Cédéao ont reçu la Grenade au siège de la CEDEAO, puis à la grenade.")
    found = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert {
        ("RDC", "STATE", "state:COD"),
        ("UA", "ORG", "org:ua"),
        ("Cédéao", "ORG", "org:cedeao"),
        ("CEDEAO", "ORG", "org:cedeao"),
        ("Grenade", "STATE", "state:GRD"),
    } <= found
    assert all(e.label_ != "EXACT" for e in doc.ents)
    assert not any(e.text in {"au", "grenade"} and e.ent_id_ for e in doc.ents)  # lower case: words, not names
