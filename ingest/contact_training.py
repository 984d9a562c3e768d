"""Training data and training for the contact classifier (`ingest.contact_classifier`).

Sentences come from REAL gold articles only, after the project's own cleaning and sentence split
(`ingest.clean.clean` + `ingest.analyse`): a sentence holding a gold meeting's evidence is a positive labelled
with that meeting's type; every other sentence of the same articles is a negative (`none`). Self-written
excerpts (tests/data/generalisation) are refused.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.text import fold, unify
from ingest.article import Sentence
from ingest.clean import CleanText, clean
from ingest.contact_classifier import LABELS, NONE, TYPES, normalise

_REFUSED = ("generalisation",)  # self-written text is no evidence of quality on real news
_MIN_OVERLAP = 30  # characters of a sentence inside a meeting's evidence that make it a positive

ARCHITECTURES: dict[str, dict[str, Any]] = {
    # bag of words and bigrams, hashed into 2**16 rows: a model of about 2 MB
    "bow": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": 2**16,
    },
    # the same linear model with a small CNN over hashed word features (no pretrained vectors)
    "ensemble": {
        "@architectures": "spacy.TextCatEnsemble.v2",
        "linear_model": {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": True,
            "ngram_size": 2,
            "no_output_layer": False,
            "length": 2**16,
        },
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": 64,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                "rows": [5000, 1000, 2500, 500],
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": 64,
                "window_size": 1,
                "maxout_pieces": 3,
                "depth": 2,
            },
        },
    },
}


@dataclass
class GoldArticle:
    """A gold article after the project's cleaning and NLP stage."""

    id: str
    outlet: str
    row: dict[str, Any]  # the gold JSON as read
    clean: CleanText
    sentences: list[Sentence]

    @property
    def meetings(self) -> list[dict[str, Any]]:
        return list(self.row.get("gold", {}).get("meetings", []) or [])


def real_gold_dirs(root: Path) -> list[Path]:
    """All real gold of a checkout at `root`: every tests/data/real/batch-* folder, then ../shared/eval/dev2 and
    ../shared/eval/dev (the shared folder beside the repository). A new batch is picked up by its folder name."""
    shared = root.resolve().parent / "shared" / "eval"
    return sorted((root / "tests" / "data" / "real").glob("batch-*")) + [shared / "dev2", shared / "dev"]


def gold_files(dirs: Sequence[Path]) -> list[Path]:
    """The gold JSON files of the folders, refusing self-written material."""
    files: list[Path] = []
    for d in dirs:
        if any(part in _REFUSED for part in d.resolve().parts):
            raise ValueError(f"{d}: self-written excerpts are not training data (use real gold only)")
        if not d.is_dir():
            raise FileNotFoundError(f"{d}: no such folder")
        files += sorted(f for f in d.glob("*.json") if f.is_file())
    return files


def load_articles(dirs: Sequence[Path]) -> list[GoldArticle]:
    """Read, clean and analyse (one spaCy pass) every gold article of the folders."""
    from ingest.analyse import analyse_many

    rows = [json.loads(f.read_text(encoding="utf-8")) for f in gold_files(dirs)]
    rows = [r for r in rows if isinstance(r, dict) and "gold" in r and "text" in r]
    cleaned = [clean(r["text"]) for r in rows]
    out = []
    for r, ct, sents in zip(rows, cleaned, analyse_many(c.paragraphs for c in cleaned), strict=True):
        out.append(GoldArticle(str(r["id"]), outlet_of(r), r, ct, sents))
    return out


def outlet_of(row: dict[str, Any]) -> str:
    """The outlet that published the page, as a key: the unit of a cross-validation fold. 'Bamada (source: WAM)',
    'Bamada.net' and 'bamada' are one outlet, so are 'Mali Actu' and 'Maliactu', 'Africa-Press' and 'Africa Presse'."""
    name = re.sub(r"\s*\(.*\)\s*$", "", str(row.get("outlet") or row["id"]))
    name = re.sub(r"\.(?:net|com|org|info|ml|sn|bf)\s*$", "", name.strip(), flags=re.IGNORECASE)
    key = re.sub(r"[^a-z0-9]", "", fold(name))
    return re.sub(r"e$", "", key) or str(row["id"])


def _norm(text: str) -> str:
    return " ".join(unify(text).split())


def locate(sentences: Sequence[str], evidence: str) -> set[int]:
    """Indexes of the sentences that hold (a large part of) an evidence string."""
    spans: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    for s in sentences:
        n = _norm(s)
        spans.append((pos, pos + len(n)))
        parts.append(n)
        pos += len(n) + 1
    joined = " ".join(parts)
    ev = _norm(evidence)
    found: list[tuple[int, int]] = []
    if ev and (at := joined.find(ev)) >= 0:
        found.append((at, at + len(ev)))
    else:  # the evidence crosses text the cleaning changed: its head and tail separately
        for piece in (ev[:60], ev[-60:]):
            if len(piece) >= 20 and (at := joined.find(piece)) >= 0:
                found.append((at, at + len(piece)))
    out: set[int] = set()
    for i, (a, b) in enumerate(spans):
        for x, y in found:
            overlap = min(b, y) - max(a, x)
            if overlap >= min(_MIN_OVERLAP, max(1, (b - a) // 2)):
                out.add(i)
    return out


def sentence_labels(article: GoldArticle) -> list[str]:
    """One label per sentence: the type of the first gold meeting whose evidence it holds, else `none`."""
    texts = [s.text for s in article.sentences]
    labels = [NONE] * len(texts)
    for m in article.meetings:
        mtype = m.get("type")
        if mtype not in TYPES:
            continue
        for i in locate(texts, str(m.get("evidence") or "")):
            if labels[i] == NONE:
                labels[i] = str(mtype)
    return labels


def labelled_sentences(articles: Sequence[GoldArticle]) -> tuple[list[str], list[str]]:
    """(sentences, labels) of the articles, in order."""
    texts: list[str] = []
    labels: list[str] = []
    for a in articles:
        texts += [s.text for s in a.sentences]
        labels += sentence_labels(a)
    return texts, labels


def train(
    texts: Sequence[str],
    labels: Sequence[str],
    out_dir: Path | None = None,
    *,
    seed: int = 0,
    epochs: int = 12,
    arch: str = "bow",
    positive_weight: int = 2,
) -> Any:
    """Train the textcat (fixed seed: the same data gives the same model) and write it to `out_dir` if given.

    Positives are repeated `positive_weight` times in each epoch: they are about one sentence in ten."""
    import spacy
    from spacy.training import Example
    from thinc.api import fix_random_seed

    if len(texts) != len(labels) or not texts:
        raise ValueError("need as many labels as sentences, and at least one sentence")
    unknown = set(labels) - set(LABELS)
    if unknown:
        raise ValueError(f"unknown labels: {sorted(unknown)}")
    fix_random_seed(seed)
    nlp = spacy.blank("fr")
    textcat = nlp.add_pipe("textcat", config={"model": ARCHITECTURES[arch]})
    for label in LABELS:
        textcat.add_label(label)  # type: ignore[attr-defined]
    examples = []
    for text, label in zip(texts, labels, strict=True):
        ex = Example.from_dict(nlp.make_doc(normalise(text)), {"cats": {x: float(x == label) for x in LABELS}})
        examples += [ex] * (positive_weight if label != NONE else 1)
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for start in range(0, len(examples), 16):
            batch = examples[start : start + 16]
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        nlp.meta["name"] = "contact_classifier"
        nlp.meta["description"] = "malikg: does a French sentence report a contact, and of which meeting type"
        nlp.meta["labels_trained_on"] = {x: sum(1 for y in labels if y == x) for x in LABELS}
        nlp.to_disk(out_dir)
    return nlp
