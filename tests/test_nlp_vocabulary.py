"""`ingest.nlp.bounded_vocabulary`: spaCy keeps the words it meets until its vocabulary is full, then frees each
block's new words, so a long-lived process stays bounded; the entities found are the same either way (real model)."""

from __future__ import annotations

import spacy

from ingest.nlp import KEPT_LEXEMES, bounded_vocabulary, load_nlp


def test_words_are_kept_below_the_bound_and_freed_above_it() -> None:
    nlp = spacy.blank("fr")
    kept = len(nlp.vocab) + 50
    with bounded_vocabulary(nlp, kept):
        nlp("Le ministre zorglubien Wakandou a reçu son homologue.")
    assert "Wakandou" in nlp.vocab.strings  # kept: the next text with it is not tokenised again from scratch
    with bounded_vocabulary(nlp, kept):
        nlp(" ".join(f"mot{n}" for n in range(100)))  # fills the vocabulary past the bound
    held = len(list(nlp.vocab))  # the words it holds (`len(vocab)` also counts words freed since)
    assert held >= kept
    with bounded_vocabulary(nlp, kept):
        doc = nlp("Le président Krtzmarek est arrivé à Qwzrtyville.")
        assert doc[2].text == "Krtzmarek"
    assert "Krtzmarek" not in nlp.vocab.strings and "Qwzrtyville" not in nlp.vocab.strings
    assert len(list(nlp.vocab)) == held  # from now on the vocabulary does not grow
    assert "Wakandou" in nlp.vocab.strings


def test_entities_are_the_same_with_freed_and_with_kept_words() -> None:
    nlp = load_nlp()
    text = "À Bamako, le ministre Zoumbalé Krtzmarek a reçu l'ambassadeur de la Cédéao, M. Wakandou Qwzrty."
    with bounded_vocabulary(nlp, 0):  # a full vocabulary: this block's new words are freed at its end
        freed = [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]
    assert "Krtzmarek" not in nlp.vocab.strings
    with bounded_vocabulary(nlp, KEPT_LEXEMES):
        kept = [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]
    assert "Krtzmarek" in nlp.vocab.strings
    assert freed == kept
    assert ("Bamako", "CAPITAL", "state:MLI") in kept and ("Cédéao", "ORG", "org:cedeao") in kept
