"""The rules against the rules + the contact classifier on gold sets nobody tuned on, with one fixed model.

    python -m bench.blind_classifier GOLD_DIR [GOLD_DIR ...] [--model DIR] [--variant NAME ...] [--json OUT]

Unlike bench/cv_classifier.py nothing is trained here: the classifier is a model already written (default: the
shipped one, ingest/models_data/contact_classifier; `--model` for one written by `malikg train --out DIR`), and
each gold folder (anywhere on disk, it need not be inside the repository) is scored as it is, then all of them
pooled, with ../shared/eval/score.py. Only aggregate figures are printed or written (meetings P/R/F1, fully right,
type, exact date and participants F1 on matched meetings; sentence level for the rules, the classifier alone and
both): no per-article prediction, so a blind set stays blind.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.cv_classifier import SHARED, VARIANTS, Counts, _score, _short, load_scorer, measure, prepare


def run(gold_dirs: Sequence[Path], model: Path, variants: Sequence[str], scorer_path: Path) -> dict[str, Any]:
    """Per gold folder and pooled: sentence figures and each variant's meeting figures."""
    from ingest.contact_classifier import load_classifier, scores_with
    from ingest.contact_training import load_articles
    from ingest.gazetteer import load_gazetteer

    shared = load_scorer(scorer_path)
    gaz = load_gazetteer()
    nlp = load_classifier(model.resolve())

    def scorer(sents: Sequence[str]) -> list[Any]:
        return scores_with(nlp, sents)

    sets: dict[str, dict[str, Any]] = {}
    pooled_rows: list[dict[str, Any]] = []
    pooled_preds: dict[str, list[dict[str, Any]]] = {v: [] for v in variants}
    pooled_sent = {name: Counts() for name in ("rules", "classifier", "both")}
    for d in gold_dirs:
        articles = load_articles([d])
        docs, labels, rules_only = prepare(articles, gaz)
        sentences, preds = measure(articles, docs, labels, rules_only, gaz, scorer, variants)
        rows = [a.row for a in articles]
        sets[d.name] = {
            "articles": len(articles),
            "sentences": {k: v.figures() for k, v in sentences.items()},
            "meetings": {v: _short(_score(shared, rows, preds[v])) for v in variants},
        }
        pooled_rows += rows
        for v in variants:
            pooled_preds[v] += preds[v]
        for k, c in sentences.items():
            pooled_sent[k].add(c)
        print(f"{d.name}: {len(articles)} articles scored", file=sys.stderr, flush=True)
    if len(gold_dirs) > 1:
        sets["pooled"] = {
            "articles": len(pooled_rows),
            "sentences": {k: v.figures() for k, v in pooled_sent.items()},
            "meetings": {v: _short(_score(shared, pooled_rows, pooled_preds[v])) for v in variants},
        }
    return {"model": str(model), "sets": sets}


def render(result: dict[str, Any]) -> str:
    """Markdown tables: meetings per set and variant, then the sentence level."""
    lines = [
        f"model: {result['model']}",
        "",
        "| set | variant | F1 | P | R | found / pred / gold | fully right | type | exact date | participants F1 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, s in result["sets"].items():
        for v, m in s["meetings"].items():
            lines.append(
                f"| {name} | {v} | {m['f1']} | {m['precision']} | {m['recall']} | {m['tp']} / {m['pred']} / {m['gold']}"
                f" | {m['fully_right']} | {m['type_accuracy']} | {m['date_exact']} | {m['participants_f1']} |"
            )
    lines += ["", "| set | sentences | P | R | F1 | type accuracy |", "|---|---|---|---|---|---|"]
    for name, s in result["sets"].items():
        for k, f in s["sentences"].items():
            lines.append(f"| {name} | {k} | {f['precision']} | {f['recall']} | {f['f1']} | {f['type_accuracy']} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> int:
    from ingest.contact_classifier import MODEL_DIR

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path, nargs="+", help="gold folders, each scored alone and then all pooled")
    ap.add_argument("--model", type=Path, default=MODEL_DIR, help="classifier folder (default: the shipped model)")
    ap.add_argument(
        "--variant", action="append", choices=sorted(VARIANTS), help="repeatable; default: all five variants"
    )
    ap.add_argument("--scorer", type=Path, default=SHARED / "score.py")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here")
    a = ap.parse_args(argv)
    variants = a.variant or list(VARIANTS)
    if "rules" not in variants:
        variants = ["rules", *variants]
    for d in a.gold:
        if not d.is_dir():
            ap.error(f"{d}: no such folder")
    started = time.perf_counter()
    result = run(a.gold, a.model, variants, a.scorer)
    result["seconds"] = round(time.perf_counter() - started, 1)
    if a.json:
        a.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    out(render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
