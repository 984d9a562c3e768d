"""Scores on the seed articles (copied in tests/data/seeds) and on the shared dev set; readers and CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from ingest.models import Document, Failure
from ingest.nlp import load_nlp
from ingest.readers import iter_documents
from ingest.scoring import load_gold, predict, score

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "data" / "seeds"
DEV = ROOT.parent / "shared" / "eval" / "dev"


@pytest.fixture(scope="session")
def nlp() -> Iterator[Language]:
    yield load_nlp()


def test_seed_scores(nlp: Language) -> None:
    golds = load_gold(SEEDS)
    rep = score(golds, predict(golds))
    assert rep.prf("meetings")[2] == 1.0
    assert rep.prf("people")[2] >= 0.9


@pytest.mark.skipif(not DEV.is_dir(), reason=f"shared dev set not found at {DEV}")
def test_dev_scores(nlp: Language) -> None:
    golds = load_gold(DEV)
    rep = score(golds, predict(golds))
    assert rep.prf("meetings")[2] >= 0.75
    assert rep.prf("people")[2] >= 0.85
    assert rep.prf("states")[2] >= 0.85


def test_readers_encodings_and_broken_jsonl_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Le président a reçu l'émissaire.".encode("cp1252"))
    (tmp_path / "b.txt").write_bytes("Réunion à Bamako.".encode("utf-16"))
    good = json.dumps({"id": "j1", "text": "Bonjour"})
    (tmp_path / "c.jsonl").write_text(f"{good}\n{{broken\n", encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Document", "Failure"]
    assert isinstance(items[0], Document) and "émissaire" in items[0].text
    assert isinstance(items[1], Document) and items[1].text.startswith("Réunion")
    assert isinstance(items[3], Failure) and items[3].source.endswith("c.jsonl:2")


def test_cli_writes_the_good_documents_and_exits_1_on_a_failure(tmp_path: Path) -> None:
    text = "Le ministre Abdoulaye Diop a reçu en audience le 3 mars 2024 l'ambassadeur de Russie au Mali."
    rows = [json.dumps({"id": "ok", "text": text}), "not json", json.dumps({"id": "ok2", "text": text})]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    res = subprocess.run(
        [str(Path(sys.executable).parent / "malikg"), "extract", "--jsonl", str(src)], capture_output=True, text=True
    )
    assert res.returncode == 1
    assert f"{src}:2:" in res.stderr
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["id"] for o in out] == ["ok", "ok2"]
    assert out[0]["meetings"][0]["states"] == ["MLI", "RUS"]
