"""Leave-one-outlet-out cross-validation of the contact classifier against the rules, over the real gold.

    python bench/cv_classifier.py [--gold DIR ...] [--groups N] [--limit N] [--json OUT]

Each fold holds out the articles of one outlet (or, with --groups N, of every N-th outlet in name order), trains
the classifier (`ingest.contact_training.train`, fixed seed) on the sentences of all other articles and measures
on the held-out ones:
- sentence level: P/R/F1 of "reports a contact" and type accuracy on the sentences found, for the rules (the
  sentences that today's extractor gives as meeting evidence), the classifier alone (P >= 0.5) and both (rules OR
  classifier; the classifier's type where the rules' type is a weak fallback or the rules found nothing);
- meeting level, with ../shared/eval/score.py: the extractor with the rules only, with the classifier's veto
  and/or type choice on its candidates, and with the classifier proposing cue-less sentences to the rules
  (`ingest.contact_hook.Learned`), per fold and pooled over all folds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
THRESHOLD = 0.5  # P(contact) from which the classifier alone says "contact"
VARIANTS: dict[str, tuple[float | None, float | None, float | None]] = {  # name: (veto, type_confidence, propose)
    "rules": (None, None, None),
    "rules+type": (None, 0.6, None),
    "rules+veto": (0.1, None, None),
    "rules+veto+type": (0.1, 0.6, None),
    "rules+propose": (None, None, THRESHOLD),
}


@dataclass
class Counts:
    """Sentence-level counts: detection tp/pred/gold and type right/total on the true positives."""

    tp: int = 0
    pred: int = 0
    gold: int = 0
    type_ok: int = 0
    type_n: int = 0

    def add(self, other: Counts) -> None:
        for k in ("tp", "pred", "gold", "type_ok", "type_n"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def figures(self) -> dict[str, float | None]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.type_ok / self.type_n if self.type_n else None
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "type_accuracy": None if acc is None else round(acc, 3),
        }


@dataclass
class Fold:
    name: str
    articles: list[str]
    sentences: dict[str, Counts] = field(default_factory=dict)
    meetings: dict[str, dict[str, Any]] = field(default_factory=dict)


def load_scorer(path: Path) -> ModuleType:
    """The shared scorer, imported from its file."""
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def folds_of(outlets: Sequence[str], groups: int) -> dict[str, int]:
    """Outlet -> fold number: one fold per outlet, or `groups` folds taking every N-th outlet in name order."""
    names = sorted(set(outlets))
    return {o: (i if groups <= 0 else i % groups) for i, o in enumerate(names)}


def sentence_counts(gold: Sequence[str], pred: Sequence[str | None]) -> Counts:
    """Counts for one list of sentences (gold label or 'none'; predicted type or None)."""
    c = Counts()
    for g, p in zip(gold, pred, strict=True):
        c.gold += g != "none"
        c.pred += p is not None
        if g != "none" and p is not None:
            c.tp += 1
            c.type_n += 1
            c.type_ok += p == g
    return c


def rule_sentences(extraction: Any, texts: Sequence[str]) -> list[str | None]:
    """The rules' label per sentence: the type of the meeting whose evidence is that sentence."""
    out: list[str | None] = [None] * len(texts)
    index: dict[str, int] = {}
    for i, t in enumerate(texts):
        index.setdefault(t.strip(), i)
    for m in extraction.meetings:
        at = index.get((m.evidence or "").strip())
        if at is not None and out[at] is None:
            out[at] = m.type
    return out


def prepare(articles: Sequence[Any], gaz: Any) -> tuple[dict[str, Any], dict[str, list[str]], dict[str, Any]]:
    """Per article id: the document as the extractor reads it, the gold label of each sentence and the rules-only
    extraction (the same for every classifier)."""
    from ingest.contact_training import sentence_labels
    from ingest.extractor import extract_article
    from ingest.models import Document

    docs = {
        a.id: Document(
            id=a.id, text=a.row["text"], url=a.row.get("url"), published=a.row.get("published"), outlet=a.outlet
        )
        for a in articles
    }
    labels = {a.id: sentence_labels(a) for a in articles}
    rules_only = {a.id: extract_article(docs[a.id], a.clean, a.sentences, gaz, None) for a in articles}
    return docs, labels, rules_only


def measure(
    articles: Sequence[Any],
    docs: dict[str, Any],
    labels: dict[str, list[str]],
    rules_only: dict[str, Any],
    gaz: Any,
    scorer: Callable[[Sequence[str]], list[Any]],
    variants: Sequence[str] = tuple(VARIANTS),
) -> tuple[dict[str, Counts], dict[str, list[dict[str, Any]]]]:
    """On these articles, with this classifier: the sentence-level counts of the rules, the classifier alone and
    both, and each meeting-level variant's predictions (the extractor's JSON rows, in article order)."""
    from ingest.contact_hook import WEAK_TYPES, Learned
    from ingest.extractor import extract_article

    sentences = {name: Counts() for name in ("rules", "classifier", "both")}
    for a in articles:
        sents = [s.text for s in a.sentences]
        gold = labels[a.id]
        rules = rule_sentences(rules_only[a.id], sents)
        scores = scorer(sents)
        clf: list[str | None] = [s.best_type if s.p_contact >= THRESHOLD else None for s in scores]
        both: list[str | None] = []
        for r, c, s in zip(rules, clf, scores, strict=True):
            if r is not None and r not in WEAK_TYPES:
                both.append(r)
            elif r is not None:
                both.append(s.best_type)
            else:
                both.append(c)
        sentences["rules"].add(sentence_counts(gold, rules))
        sentences["classifier"].add(sentence_counts(gold, clf))
        sentences["both"].add(sentence_counts(gold, both))
    preds: dict[str, list[dict[str, Any]]] = {}
    for variant in variants:
        veto, conf, propose = VARIANTS[variant]
        learned = Learned(veto=veto, type_confidence=conf, propose=propose, scorer=scorer)
        rows = [
            rules_only[a.id] if variant == "rules" else extract_article(docs[a.id], a.clean, a.sentences, gaz, learned)
            for a in articles
        ]
        preds[variant] = [json.loads(r.model_dump_json()) for r in rows]
    return sentences, preds


def run(gold_dirs: Sequence[Path], groups: int, limit: int | None, scorer_path: Path, arch: str) -> dict[str, Any]:
    from ingest.contact_classifier import scores_with
    from ingest.contact_training import labelled_sentences, load_articles, train
    from ingest.gazetteer import load_gazetteer

    shared = load_scorer(scorer_path)
    gaz = load_gazetteer()
    articles = load_articles(gold_dirs)
    if limit:
        articles = articles[:limit]
    fold_of = folds_of([a.outlet for a in articles], groups)
    n_folds = max(fold_of.values()) + 1
    docs, labels, rules_only = prepare(articles, gaz)
    folds: list[Fold] = []
    preds: dict[str, list[dict[str, Any]]] = {v: [] for v in VARIANTS}
    for k in range(n_folds):
        test = [a for a in articles if fold_of[a.outlet] == k]
        train_set = [a for a in articles if fold_of[a.outlet] != k]
        if not test:
            continue
        outlets = sorted({a.outlet for a in test})
        fold = Fold(", ".join(outlets), [a.id for a in test])
        texts, ys = labelled_sentences(train_set)
        nlp = train(texts, ys, seed=0, arch=arch)

        def scorer(sents: Sequence[str], nlp: Any = nlp) -> list[Any]:
            return scores_with(nlp, sents)

        fold.sentences, predicted = measure(test, docs, labels, rules_only, gaz, scorer)
        for variant in VARIANTS:
            preds[variant] += predicted[variant]
            fold.meetings[variant] = _score(shared, [a.row for a in test], predicted[variant])
        folds.append(fold)
        print(f"fold {k + 1}/{n_folds} ({fold.name}): {_line(fold)}", file=sys.stderr, flush=True)
    overall_sent: dict[str, Counts] = {}
    for name in ("rules", "classifier", "both"):
        overall_sent[name] = Counts()
        for f in folds:
            overall_sent[name].add(f.sentences[name])
    gold_rows = [a.row for a in articles]
    return {
        "folds": [
            {
                "outlets": f.name,
                "articles": len(f.articles),
                "sentences": {k: v.figures() for k, v in f.sentences.items()},
                "meetings": {k: _short(v) for k, v in f.meetings.items()},
            }
            for f in folds
        ],
        "overall": {
            "articles": len(articles),
            "folds": len(folds),
            "sentences": {k: v.figures() for k, v in overall_sent.items()},
            "sentence_counts": {k: vars(v) for k, v in overall_sent.items()},
            "meetings": {v: _short(_score(shared, gold_rows, preds[v])) for v in VARIANTS},
        },
    }


def _score(shared: ModuleType, golds: Sequence[dict[str, Any]], preds: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The shared scorer over these articles (it reads a gold folder and a predictions file)."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir = Path(tmp) / "gold"
        gold_dir.mkdir()
        for g in golds:
            (gold_dir / f"{g['id']}.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
        result: dict[str, Any] = shared.score(gold_dir, pred, False)
        return result


def _short(report: dict[str, Any]) -> dict[str, Any]:
    m, fr, c = report["meetings"], report["fully_right_meetings"], report["counts"]["meetings"]
    matched = report["matched_meetings"]
    return {
        "f1": m["f1"],
        "precision": m["precision"],
        "recall": m["recall"],
        "tp": c["tp"],
        "pred": c["pred"],
        "gold": c["gold"],
        "fully_right": fr["count"],
        "type_accuracy": matched["type_accuracy"],
        "date_exact": matched["date_exact"],
        "participants_f1": matched["participants_f1"],
    }


def _line(fold: Fold) -> str:
    parts = [f"sent F1 {k} {v.figures()['f1']}" for k, v in fold.sentences.items()]
    parts += [f"{k} {_short(v)['f1']}" for k, v in fold.meetings.items()]
    return "; ".join(parts)


def render(result: dict[str, Any]) -> str:
    """Markdown tables of the pooled figures."""
    o = result["overall"]
    lines = [
        f"{o['articles']} articles, {o['folds']} folds",
        "",
        "| sentence level | P | R | F1 | type accuracy |",
        "|---|---|---|---|---|",
    ]
    for k, v in o["sentences"].items():
        lines.append(f"| {k} | {v['precision']} | {v['recall']} | {v['f1']} | {v['type_accuracy']} |")
    lines += [
        "",
        "| meeting level | F1 | P | R | fully right | type accuracy |",
        "|---|---|---|---|---|---|",
    ]
    for k, v in o["meetings"].items():
        lines.append(
            f"| {k} | {v['f1']} | {v['precision']} | {v['recall']} | {v['fully_right']} of {v['gold']} "
            f"| {v['type_accuracy']} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, action="append", help="gold folder (repeatable); default: all real gold")
    ap.add_argument("--groups", type=int, default=0, help="N folds of outlets instead of one fold per outlet")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (a quick check)")
    ap.add_argument("--scorer", type=Path, default=SHARED / "score.py")
    ap.add_argument("--arch", choices=["bow", "ensemble"], default="bow")
    ap.add_argument("--json", type=Path, default=None, help="write the full result (per fold) here")
    a = ap.parse_args(argv)
    from ingest.contact_training import real_gold_dirs

    started = time.perf_counter()
    result = run(a.gold or real_gold_dirs(ROOT), a.groups, a.limit, a.scorer, a.arch)
    result["seconds"] = round(time.perf_counter() - started, 1)
    if a.json:
        a.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    out(render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
