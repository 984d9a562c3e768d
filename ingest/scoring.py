"""Scoring extraction output against gold annotations (the rules of ../shared/eval/score.py, own code).

People match on folded names without titles (full name, initial + surname, or surname when one side only
has the surname); organisations on names/acronyms/aliases or known synonyms; states on ISO3; meetings when
the date agrees (a month-precision date matches its days) and the Jaccard overlap of participants + states
is at least 0.5. Pairs are matched greedily in gold order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.text import fold

if TYPE_CHECKING:
    from ingest.models import Failure

Row = dict[str, Any]
_TITLES = {"m", "mme", "dr", "general", "colonel", "son", "excellence", "monsieur", "madame", "le", "la", "de", "du"}
_ORG_SYNONYMS = [
    {"onu", "nations unies", "organisation des nations unies", "un", "united nations"},
    {"ua", "union africaine", "au", "african union"},
    {"cedeao", "ecowas", "communaute economique des etats de l afrique de l ouest"},
    {"aes", "alliance des etats du sahel", "confederation des etats du sahel", "confederation aes"},
    {"ue", "union europeenne", "eu", "european union"},
]


def norm(text: str | None) -> str:
    """Folded words without titles; apostrophes become spaces as in the shared scorer."""
    words = fold(text or "").replace("'", " ").split()
    return " ".join(w for w in words if w not in _TITLES)


def _person_keys(p: Row) -> set[str]:
    keys: set[str] = set()
    for n in [p.get("name", ""), *(p.get("aliases") or [])]:
        k = norm(n)
        if not k:
            continue
        keys.add(k)
        parts = k.split()
        if len(parts) >= 2:
            keys.add(parts[0][0] + " " + parts[-1])
    return keys


def person_match(gold: Row, pred: Row) -> bool:
    g, p = _person_keys(gold), _person_keys(pred)
    if g & p:
        return True
    g_full = any(len(k.split()) >= 2 for k in g)
    p_full = any(len(k.split()) >= 2 for k in p)
    return (not g_full or not p_full) and bool({k.split()[-1] for k in g} & {k.split()[-1] for k in p})


def _org_keys(o: Row) -> set[str]:
    keys = {norm(o.get("name")), norm(o.get("acronym"))} | {norm(a) for a in o.get("aliases") or []}
    return {k for k in keys if k}


def org_match(gold: Row, pred: Row) -> bool:
    g, p = _org_keys(gold), _org_keys(pred)
    return bool(g & p) or any(g & syn and p & syn for syn in _ORG_SYNONYMS)


def date_ok(gold: str | None, pred: str | None) -> bool:
    if not gold:
        return True
    if not pred:
        return False
    return pred.startswith(gold) or (gold.startswith(pred) and len(pred) >= 7)


def greedy(golds: Sequence[Row], preds: Sequence[Row], match: Callable[[Row, Row], bool]) -> list[tuple[int, int]]:
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi not in used and match(g, p):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


_KINDS = ("people", "states", "organisations", "meetings")


@dataclass
class Report:
    counts: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0] for k in _KINDS})  # tp, pred, gold
    sub: dict[str, list[int]] = field(default_factory=lambda: {"type": [0, 0], "date": [0, 0], "place": [0, 0]})
    # who took part in matched meetings (tp, pred, gold), and gold meetings found fully right (type, date,
    # participants and states all equal), as ../shared/eval/score.py counts them
    participants: list[int] = field(default_factory=lambda: [0, 0, 0])
    fully_right: int = 0
    misses: list[str] = field(default_factory=list)
    articles: int = 0

    def add(self, other: Report) -> None:
        """Pool another report's counts into this one (micro-average over folds)."""
        for k in _KINDS:
            self.counts[k] = [a + b for a, b in zip(self.counts[k], other.counts[k], strict=True)]
        for k in self.sub:
            self.sub[k] = [a + b for a, b in zip(self.sub[k], other.sub[k], strict=True)]
        self.participants = [a + b for a, b in zip(self.participants, other.participants, strict=True)]
        self.fully_right += other.fully_right
        self.misses += other.misses
        self.articles += other.articles

    def rate(self, kind: str) -> float:
        """Share right among matched meetings: 'type', 'date' or 'place' (1.0 when none)."""
        ok, n = self.sub[kind]
        return ok / n if n else 1.0

    def participants_f1(self) -> float:
        tp, n_pred, n_gold = self.participants
        p, r = (tp / n_pred if n_pred else 1.0), (tp / n_gold if n_gold else 1.0)
        return 2 * p * r / (p + r) if p + r else 0.0

    def fully_right_share(self) -> float:
        n_gold = self.counts["meetings"][2]
        return self.fully_right / n_gold if n_gold else 1.0

    def prf(self, kind: str) -> tuple[float, float, float]:
        tp, n_pred, n_gold = self.counts[kind]
        p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
        r = tp / n_gold if n_gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _meeting_match(g2p: dict[str, str]) -> Callable[[Row, Row], bool]:
    def match(g: Row, p: Row) -> bool:
        if not date_ok(g.get("date"), p.get("date")):
            return False
        a = {("p", g2p.get(n, "gold:" + norm(n))) for n in g.get("participants", [])}
        a |= {("s", c) for c in g.get("participant_states") or []}
        b = {("p", x) for x in p.get("participants", [])} | {("s", c) for c in p.get("states") or []}
        return bool(a and b) and len(a & b) / len(a | b) >= 0.5

    return match


def score(golds: dict[str, Row], preds: dict[str, Row]) -> Report:
    """Compare predictions with gold articles."""
    rep = Report(articles=len(golds))
    for aid, article in golds.items():
        gg, p = article["gold"], preds.get(aid, {})
        gp, pp = gg.get("people", []), p.get("people") or []
        pairs = greedy(gp, pp, person_match)
        _add(rep, "people", len(pairs), len(pp), len(gp))
        g2p = {gp[gi]["name"]: pp[pi].get("id") for gi, pi in pairs}
        for gi, pi in pairs:
            for a in gp[gi].get("aliases") or []:
                g2p.setdefault(a, pp[pi].get("id"))
        gs, ps = {s["iso3"] for s in gg.get("states", [])}, {s.get("iso3") for s in p.get("states") or []}
        _add(rep, "states", len(gs & ps), len(ps), len(gs))
        go, po = gg.get("organisations", []), p.get("organisations") or []
        _add(rep, "organisations", len(greedy(go, po, org_match)), len(po), len(go))
        gm, pm = gg.get("meetings", []), p.get("meetings") or []
        mpairs = greedy(gm, pm, _meeting_match(g2p))
        _add(rep, "meetings", len(mpairs), len(pm), len(gm))
        for gi, pi in mpairs:
            a, b = gm[gi], pm[pi]
            _sub(rep, "type", a.get("type") == b.get("type"))
            if a.get("date"):
                _sub(rep, "date", a.get("date") == b.get("date"))
            if a.get("place"):
                _sub(rep, "place", norm(a.get("place")) == norm(b.get("place")))
            ap = {g2p.get(n, "gold:" + norm(n)) for n in a.get("participants") or []}
            bp = set(b.get("participants") or [])
            rep.participants = [rep.participants[0] + len(ap & bp), rep.participants[1] + len(bp),
                                rep.participants[2] + len(ap)]  # fmt: skip
            same_states = set(a.get("participant_states") or []) == set(b.get("states") or [])
            rep.fully_right += (
                a.get("type") == b.get("type") and (a.get("date") or None) == (b.get("date") or None) and ap == bp
                and same_states
            )  # fmt: skip
        for i in sorted(set(range(len(gm))) - {g for g, _ in mpairs}):
            m = gm[i]
            rep.misses.append(f"{aid}: MISSED {m.get('date')} {m.get('participants')} {m.get('participant_states')}")
        for i in sorted(set(range(len(pm))) - {q for _, q in mpairs}):
            m = pm[i]
            rep.misses.append(f"{aid}: SPURIOUS {m.get('date')} {m.get('participants')} {m.get('states')}")
        for gi in sorted(set(range(len(gp))) - {g for g, _ in pairs}):
            rep.misses.append(f"{aid}: MISSED person {gp[gi].get('name')}")
        for pi in sorted(set(range(len(pp))) - {q for _, q in pairs}):
            rep.misses.append(f"{aid}: SPURIOUS person {pp[pi].get('name')}")
        for iso in sorted(gs - ps):
            rep.misses.append(f"{aid}: MISSED state {iso}")
        for iso in sorted(ps - gs):
            rep.misses.append(f"{aid}: SPURIOUS state {iso}")
    return rep


def _add(rep: Report, kind: str, tp: int, n_pred: int, n_gold: int) -> None:
    c = rep.counts[kind]
    c[0], c[1], c[2] = c[0] + tp, c[1] + n_pred, c[2] + n_gold


def _sub(rep: Report, kind: str, ok: bool) -> None:
    rep.sub[kind][0] += int(ok)
    rep.sub[kind][1] += 1


def render(rep: Report, verbose: bool = False) -> str:
    """A P/R/F1 table (and the misses when verbose)."""
    lines = list(rep.misses) if verbose else []
    lines.append(f"{'':15}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'pred':>6}{'gold':>6}")
    for k in _KINDS:
        p, r, f = rep.prf(k)
        tp, n_pred, n_gold = rep.counts[k]
        lines.append(f"{k:15}{p:7.3f}{r:7.3f}{f:7.3f}{tp:5}{n_pred:6}{n_gold:6}")
    for k, (ok, n) in rep.sub.items():
        lines.append(f"matched {k:7} {ok}/{n}" + (f" = {ok / n:.3f}" if n else ""))
    lines.append(f"matched participants F1 {rep.participants_f1():.3f}")
    n_gold = rep.counts["meetings"][2]
    lines.append(f"meetings fully right {rep.fully_right}/{n_gold} = {rep.fully_right_share():.3f}")
    lines.append(f"meetings F1 {rep.prf('meetings')[2]:.3f} over {rep.articles} articles")
    return "\n".join(lines)


def load_gold(gold_dir: Path) -> dict[str, Row]:
    """Gold articles by id."""
    out: dict[str, Row] = {}
    for f in sorted(gold_dir.glob("*.json")):
        row = json.loads(f.read_text(encoding="utf-8"))
        out[row["id"]] = row
    return out


def predict(golds: dict[str, Row], failures: list[Failure] | None = None) -> dict[str, Row]:
    """Run the extraction on the gold texts (the fields the shared scorer passes: id, text, url, published).

    Documents that fail are appended to `failures` when given: a failure is not a miss, and callers report it.
    """
    from ingest.models import Document, Failure
    from ingest.pipeline import extract_documents

    docs = [
        Document(id=g["id"], text=g["text"], url=g.get("url"), published=g.get("published"), outlet=g.get("outlet"))
        for g in golds.values()
    ]
    out: dict[str, Row] = {}
    for item in extract_documents(docs):
        if isinstance(item, Failure):
            if failures is not None:
                failures.append(item)
        else:
            out[item.id] = item.model_dump()
    return out
