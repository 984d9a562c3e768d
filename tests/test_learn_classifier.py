"""The learned contact classifier: training data from real gold, training, the shipped model, the hook on the
rules' candidates and the cross-validation bench (real spaCy throughout)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench import blind_classifier, cv_classifier
from ingest.analyse import analyse_many
from ingest.article import Ent, Sentence
from ingest.clean import clean
from ingest.contact_classifier import MODEL_DIR, TYPES, ContactScore, contact_scores, to_score
from ingest.contact_hook import Learned, proposals, refine
from ingest.contact_training import gold_files, load_articles, locate, real_gold_dirs, sentence_labels, train
from ingest.extractor import extract_article
from ingest.gazetteer import load_gazetteer
from ingest.meetings import Candidate
from ingest.models import Document, Meeting
from malikg.cli import app

ROOT = Path(__file__).resolve().parents[1]
BATCH_A = ROOT / "tests" / "data" / "real" / "batch-a"
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"

CONTACT = (
    "Le ministre des Affaires étrangères a reçu en audience, ce lundi, l'ambassadeur de la Fédération de Russie "
    "au Mali."
)
NOT_CONTACT = "Les prix du riz ont augmenté de dix pour cent sur les marchés de la capitale cette saison."

TINY = [
    (CONTACT, "audience"),
    ("Le Premier ministre a accordé une audience à l'ambassadeur de Chine.", "audience"),
    ("Le président de la Transition a reçu en audience le ministre algérien.", "audience"),
    ("Le chef de la diplomatie s'est rendu en visite officielle à Dakar.", "visit"),
    ("Le ministre a effectué une visite de travail à Niamey.", "visit"),
    ("Les deux présidents se sont entretenus au téléphone.", "phone_call"),
    (NOT_CONTACT, "none"),
    ("La saison des pluies a commencé tôt dans le sud du pays.", "none"),
    ("Le match de football s'est terminé sur un score nul.", "none"),
    ("Les élèves ont repris le chemin de l'école ce matin.", "none"),
]


def test_training_on_a_tiny_fixture_gives_a_model_that_loads_and_scores(tmp_path: Path) -> None:
    out = tmp_path / "model"
    train([t for t, _ in TINY], [y for _, y in TINY], out, seed=0, epochs=20)
    assert (out / "meta.json").is_file()
    scores = contact_scores([CONTACT, NOT_CONTACT], model_dir=out)
    assert len(scores) == 2
    for s in scores:
        assert 0.0 <= s.p_contact <= 1.0
        assert set(s.types) == set(TYPES)
        assert sum(s.types.values()) == pytest.approx(1.0)
    assert scores[0].p_contact > scores[1].p_contact
    assert scores[0].best_type == "audience"


def test_training_is_reproducible(tmp_path: Path) -> None:
    a = train([t for t, _ in TINY], [y for _, y in TINY], tmp_path / "a", seed=3, epochs=5)
    b = train([t for t, _ in TINY], [y for _, y in TINY], tmp_path / "b", seed=3, epochs=5)
    assert a(CONTACT).cats == b(CONTACT).cats


def test_training_refuses_unknown_labels() -> None:
    with pytest.raises(ValueError, match="unknown labels"):
        train(["Une phrase."], ["meeting"])


def test_shipped_model_separates_a_contact_from_a_non_contact() -> None:
    contact, other = contact_scores([CONTACT, NOT_CONTACT])
    assert contact.p_contact > 0.5 > other.p_contact
    assert contact.best_type == "audience"
    assert (MODEL_DIR / "meta.json").is_file()
    size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    assert size < 5 * 1024 * 1024


def test_no_sentences_no_scores() -> None:
    assert contact_scores([]) == []


def test_to_score_turns_class_probabilities_into_contact_and_type() -> None:
    s = to_score({"none": 0.2, "visit": 0.6, "audience": 0.2})
    assert s.p_contact == pytest.approx(0.8)
    assert s.best_type == "visit"
    assert s.types["visit"] == pytest.approx(0.75)


def test_locate_finds_the_sentences_of_an_evidence() -> None:
    sents = ["Titre de la page", "Le ministre a reçu l’ambassadeur de Russie.", "Ils ont parlé de sécurité."]
    assert locate(sents, "Le ministre a reçu l'ambassadeur de Russie.") == {1}
    assert locate(sents, "reçu l'ambassadeur de Russie. Ils ont parlé de sécurité.") == {1, 2}
    assert locate(sents, "Une phrase qui n'est pas dans le texte du tout.") == set()


def test_real_gold_sentences_are_labelled_with_their_meeting_type() -> None:
    articles = load_articles([BATCH_A])[:5]
    located = 0
    for a in articles:
        labels = sentence_labels(a)
        assert len(labels) == len(a.sentences)
        located += sum(1 for y in labels if y != "none")
        for m in a.meetings:
            assert m["type"] in labels
    assert located >= sum(len(a.meetings) for a in articles)


def test_self_written_excerpts_are_refused() -> None:
    with pytest.raises(ValueError, match="self-written"):
        gold_files([ROOT / "tests" / "data" / "generalisation"])
    with pytest.raises(ValueError, match="self-written"):  # also beside real gold
        gold_files([BATCH_A, ROOT / "tests" / "data" / "generalisation"])


def test_all_real_gold_batches_are_training_data() -> None:
    dirs = real_gold_dirs(ROOT)
    batches = sorted((ROOT / "tests" / "data" / "real").glob("batch-*"))
    assert {d.name for d in batches} >= {"batch-a", "batch-b", "batch-c", "batch-d"}
    assert dirs[: len(batches)] == batches
    assert [d.name for d in dirs[len(batches) :]] == ["dev2", "dev"]
    files = gold_files(batches)
    assert len(files) == sum(len(list(d.glob("*.json"))) for d in batches)
    assert all(f.parent.name.startswith("batch-") for f in files)


def _fixed_scorer(p_contact: float, best: str) -> cv_classifier.Callable[[Sequence[str]], list[ContactScore]]:
    def scorer(sentences: Sequence[str]) -> list[ContactScore]:
        types = {t: (0.9 if t == best else 0.1 / (len(TYPES) - 1)) for t in TYPES}
        return [ContactScore(p_contact, types) for _ in sentences]

    return scorer


def test_refine_vetoes_unlikely_candidates_and_retypes_weak_ones() -> None:
    sents = [Sentence("Le ministre a rencontré l'ambassadeur.", [], 0, True)]

    def cands() -> list[Candidate]:
        return [Candidate("bilateral_meeting", 0, sents[0].text), Candidate("visit", 0, sents[0].text)]

    assert refine(cands(), sents, None)[0].type == "bilateral_meeting"
    assert refine(cands(), sents, Learned(veto=0.5, scorer=_fixed_scorer(0.1, "audience"))) == []
    kept = refine(cands(), sents, Learned(type_confidence=0.6, scorer=_fixed_scorer(0.9, "audience")))
    assert [c.type for c in kept] == ["audience", "visit"]  # a strong rule type stays


def test_train_command_writes_a_model(tmp_path: Path) -> None:
    out = tmp_path / "model"
    result = CliRunner().invoke(app, ["train", str(BATCH_A), "--out", str(out), "--epochs", "2"])
    assert result.exit_code == 0, result.output
    assert "trained on" in result.output
    assert contact_scores([CONTACT], model_dir=out)[0].p_contact >= 0.0


def test_cross_validation_runs_on_a_small_subset() -> None:
    if not SHARED_SCORER.is_file():
        pytest.skip(f"shared scorer not found at {SHARED_SCORER}")
    lines: list[str] = []
    code = cv_classifier.main(["--gold", str(BATCH_A), "--limit", "8", "--groups", "2"], out=lines.append)
    assert code == 0
    text = "\n".join(lines)
    assert "8 articles, 2 folds" in text
    for row in ("| rules |", "| classifier |", "| both |", "| rules+veto+type |"):
        assert row in text


def test_blind_comparison_gives_aggregate_figures_only(tmp_path: Path) -> None:
    if not SHARED_SCORER.is_file():
        pytest.skip(f"shared scorer not found at {SHARED_SCORER}")
    sets = [tmp_path / "one", tmp_path / "two"]
    files = sorted(BATCH_A.glob("*.json"))[:4]
    for d, chunk in zip(sets, (files[:2], files[2:]), strict=True):
        d.mkdir()
        for f in chunk:
            (d / f.name).write_bytes(f.read_bytes())
    lines: list[str] = []
    out = tmp_path / "blind.json"
    code = blind_classifier.main(
        [str(d) for d in sets] + ["--variant", "rules+propose", "--json", str(out)], out=lines.append
    )
    assert code == 0
    text = "\n".join(lines)
    for row in ("| one | rules |", "| two | rules+propose |", "| pooled | rules |", "| pooled | classifier |"):
        assert row in text
    result = out.read_text(encoding="utf-8")
    assert not any(f.stem in result for f in files)  # no article is named: the figures are aggregates
    with pytest.raises(SystemExit):
        blind_classifier.main([str(tmp_path / "missing")], out=lines.append)


PROPOSED = (
    "Le ministre malien des Affaires étrangères, Abdoulaye Diop, et son homologue sénégalaise, Yassine Fall, ont "
    "passé en revue lundi à Dakar la coopération entre les deux pays."
)
ONE_SIDE = "Le ministre malien des Affaires étrangères, Abdoulaye Diop, a passé en revue la situation du pays."


def test_proposals_take_cue_less_running_sentences_the_classifier_calls_contacts() -> None:
    talk = "Le ministre Abdoulaye Diop a passé en revue la coopération."
    at = talk.index("Abdoulaye")
    person = Ent("Abdoulaye Diop", "PER", "", at, at + len("Abdoulaye Diop"))
    sents = [
        Sentence("Le ministre a reçu en audience l'ambassadeur de Chine.", [], 0, True),  # a rule cue: not proposed
        Sentence(talk, [person], 0, True),
        Sentence("Abdoulaye Diop et Yassine Fall", [], 1, False),  # a headline: not proposed
    ]
    assert proposals(sents, None) == {}
    assert proposals(sents, Learned(propose=0.5, scorer=_fixed_scorer(0.4, "visit"))) == {}
    found = proposals(sents, Learned(propose=0.5, scorer=_fixed_scorer(0.9, "bilateral_meeting")))
    assert list(found) == [1]
    mtype, cue = found[1]
    assert mtype == "bilateral_meeting"
    assert cue.start() == talk.index(" a passé") + 1  # the predicate starts after the first named person


def _extract(text: str, learned: Learned | None) -> list[Meeting]:
    ct = clean(text)
    (sents,) = analyse_many([ct.paragraphs])
    doc = Document(id="proposal", text=text, published="2024-03-04")
    return extract_article(doc, ct, sents, load_gazetteer(), learned).meetings


def test_a_proposed_sentence_becomes_a_meeting_only_with_a_counterpart() -> None:
    text = f"{PROPOSED}\n\n{ONE_SIDE}"
    assert _extract(text, None) == []  # no rule cue in either sentence
    learned = Learned(propose=0.5, scorer=_fixed_scorer(0.9, "bilateral_meeting"))
    meetings = _extract(text, learned)
    assert len(meetings) == 1  # the one-sided sentence has no counterpart: dropped
    (m,) = meetings
    assert m.type == "bilateral_meeting"
    assert set(m.states) == {"MLI", "SEN"}
    assert m.evidence == PROPOSED


def test_a_proposed_sentence_does_not_change_how_the_rules_read_its_neighbours() -> None:
    everything = Learned(propose=0.5, scorer=_fixed_scorer(0.9, "audience"))  # every cue-less sentence proposed
    # the sentence split leaves the date in a cue-less sentence after the cue: still the contact's date
    next_day = (
        "Les échanges entre le colonel Assimi Goïta et la ministre allemande Annalena Baerbock ont duré deux heures "
        "ce mercredi matin (13.03.2024) au palais présidentiel."
    )
    assert [(m.type, m.date) for m in _extract(next_day, everything)] == [("bilateral_meeting", "2024-03-13")]
    # a sentence continuing the one before ("Ce diplomate a été reçu ...") keeps that one's person and day
    continuing = (
        "Le nouvel ambassadeur d'Iran au Mali, Mahmoud Khani Jooyabad, a fait part, lundi 11 mars, de l'intérêt "
        "de son pays pour le Sahel. Ce diplomate a été reçu en audience par le Premier ministre Choguel Kokalla "
        "Maïga."
    )
    rules = [(m.type, m.date, sorted(m.participants)) for m in _extract(continuing, None)]
    assert len(rules) == 1 and rules[0][0] == "audience" and str(rules[0][1]).endswith("-03-11")
    assert [(m.type, m.date, sorted(m.participants)) for m in _extract(continuing, everything)] == rules
    # an earlier visit recalled in a proposed sentence is reported once
    recalled = (
        "Le président Ibrahim Boubacar Keïta a reçu le 12 mars 2024 l'ambassadeur du Qatar, Ali Al-Hajri. "
        "Ce soutien fait suite à la visite effectuée à Doha par le président Keïta, du 14 au 16 mai 2017."
    )
    assert [m.date for m in _extract(recalled, everything) if m.type == "visit"] == ["2017-05-14"]
