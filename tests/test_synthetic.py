"""The synthetic corpus generator (bench/synthetic.py): determinism, exact gold, valid extraction lines."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.synth_french import country_forms
from bench.synth_world import World, WorldError
from bench.synthetic import generate
from core.vocabulary import meeting_types
from ingest.gazetteer import Gazetteer
from ingest.models import Extraction

ROOT = Path(__file__).resolve().parent.parent
SCORER = (
    Path(os.environ.get("MALIKG_DEV_SET", Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev")).parent
    / "score.py"
)
TYPES = set(meeting_types())
SECTORS = (
    "défense sécurité terrorisme diplomatie économie commerce énergie mines agriculture infrastructures transports "
    "numérique technologies éducation santé culture humanitaire développement environnement eau justice migration "
    "finances espace"
).split()


def _state(iso3: str, name: str, demonyms: list[str], capital: str) -> dict[str, Any]:
    return {"iso3": iso3, "name": name, "name_en": name, "demonyms": demonyms, "capitals": [capital]}


def _person(pid: str, name: str, nat: str, *posts: tuple[str, str, str, str | None]) -> dict[str, Any]:
    return {
        "id": pid,
        "name": name,
        "nationality": nat,
        "posts": [{"title": t, "kind": k, "represents": r, "since": s} for t, k, r, s in posts],
    }


@pytest.fixture(scope="module")
def rich_gazetteer() -> Gazetteer:
    """A small hand-made gazetteer with heads of state, ministers, organisations and places on every side."""
    fm = "ministre des Affaires étrangères"
    return Gazetteer(
        states=[
            _state("MLI", "Mali", ["malien", "malienne", "maliens", "maliennes"], "Bamako"),
            _state("RUS", "Russie", ["russe", "russes"], "Moscou"),
            _state("DZA", "Algérie", ["algérien", "algérienne"], "Alger"),
            _state("BFA", "Burkina Faso", ["burkinabè"], "Ouagadougou"),
            _state("NER", "Niger", ["nigérien", "nigérienne"], "Niamey"),
            _state("CHN", "Chine", ["chinois", "chinoise"], "Pékin"),
            _state("USA", "États-Unis", ["américain", "américaine"], "Washington"),
            _state("TUR", "Turquie", ["turc", "turque"], "Ankara"),
        ],
        organisations=[
            {"id": "onu", "name": "Organisation des Nations unies", "acronym": "ONU", "aliases": ["Nations unies"]},
            {"id": "aes", "name": "Alliance des États du Sahel", "acronym": "AES"},
            {"id": "ua", "name": "Union africaine", "acronym": "UA"},
        ],
        people=[
            _person(
                "assimi-goïta", "Assimi Goïta", "MLI", ("président de la Transition", "head_of_state", "MLI", "2021-05")
            ),
            _person(
                "abdoulaye-maïga",
                "Abdoulaye Maïga",
                "MLI",
                ("Premier ministre", "head_of_government", "MLI", "2024-11"),
            ),
            _person(
                "choguel-kokalla-maïga",
                "Choguel Kokalla Maïga",
                "MLI",
                ("Premier ministre", "head_of_government", "MLI", "2021-06"),
            ),
            _person(
                "abdoulaye-diop",
                "Abdoulaye Diop",
                "MLI",
                (f"{fm} et de la Coopération internationale", "foreign_minister", "MLI", "2021-06"),
            ),
            _person(
                "sadio-camara",
                "Sadio Camara",
                "MLI",
                ("ministre de la Défense et des Anciens combattants", "defence_minister", "MLI", "2020-08"),
            ),
            _person("vladimir-poutine", "Vladimir Poutine", "RUS", ("président", "head_of_state", "RUS", "2012")),
            _person("sergueï-lavrov", "Sergueï Lavrov", "RUS", (fm, "foreign_minister", "RUS", "2004")),
            _person("ahmed-attaf", "Ahmed Attaf", "DZA", (fm, "foreign_minister", "DZA", "2023-03")),
            _person("ramtane-lamamra", "Ramtane Lamamra", "DZA", (fm, "foreign_minister", "DZA", "2021-07")),
            _person(
                "ibrahim-traoré",
                "Ibrahim Traoré",
                "BFA",
                ("président de la Transition", "head_of_state", "BFA", "2022-10"),
            ),
            _person(
                "abdourahamane-tiani",
                "Abdourahamane Tiani",
                "NER",
                ("président du CNSP", "head_of_state", "NER", "2023-07"),
            ),
            _person("wang-yi", "Wang Yi", "CHN", (fm, "foreign_minister", "CHN", "2023-07")),
            _person(
                "antónio-guterres",
                "António Guterres",
                "PRT",
                ("secrétaire général des Nations unies", "secretary_general", "onu", "2017"),
            ),
        ],
        places=[
            {"name": "Bamako", "aliases": ["Koulouba"], "state": "MLI"},
            {"name": "Moscou", "state": "RUS"},
            {"name": "Alger", "state": "DZA"},
            {"name": "New York", "aliases": ["New-York"], "state": "USA"},
            {"name": "Niamey", "state": "NER"},
        ],
        sectors={s: [s] for s in SECTORS},
    )


@pytest.fixture(scope="module")
def corpus(rich_gazetteer: Gazetteer) -> list[Any]:
    return list(generate(400, 11, rich_gazetteer))


def test_same_seed_same_output_and_other_seed_differs(rich_gazetteer: Gazetteer) -> None:
    first = [(a.input_row(), a.gold_record()) for a in generate(30, 5, rich_gazetteer)]
    again = [(a.input_row(), a.gold_record()) for a in generate(30, 5, rich_gazetteer)]
    other = [(a.input_row(), a.gold_record()) for a in generate(30, 6, rich_gazetteer)]
    assert first == again
    assert [r["text"] for r, _ in first] != [r["text"] for r, _ in other]


@pytest.mark.parametrize("n", [0, 1, 37])
def test_n_is_honoured_and_runs_are_prefixes(rich_gazetteer: Gazetteer, n: int) -> None:
    small = [a.input_row() for a in generate(n, 3, rich_gazetteer)]
    large = [a.input_row() for a in generate(n + 5, 3, rich_gazetteer)]
    assert len(small) == n
    assert large[:n] == small


def test_ids_and_urls_unique(corpus: list[Any]) -> None:
    assert len({a.id for a in corpus}) == len(corpus)
    assert len({a.url for a in corpus}) == len(corpus)


def test_gold_is_consistent_with_the_text(corpus: list[Any]) -> None:
    meetings = 0
    for article in corpus:
        gold = article.gold_record()
        text, g = gold["text"], gold["gold"]
        names = {p["name"] for p in g["people"]}
        states = {s["iso3"] for s in g["states"]}
        assert "MLI" in states  # every body names Mali, meeting or not
        for p in g["people"]:
            assert p["aliases"] and all(alias in text for alias in p["aliases"]), (article.id, p)
        for m in g["meetings"]:
            meetings += 1
            assert m["evidence"] in text, (article.id, m["evidence"])
            assert m["date_evidence"] is None or m["date_evidence"] in m["evidence"]
            assert set(m["participants"]) <= names, (article.id, m)
            assert set(m["participant_states"]) <= states and "MLI" in m["participant_states"]
            assert m["type"] in TYPES and set(m["topics"]) <= set(SECTORS)
            assert m["participants"] or len(m["participant_states"]) > 1
    assert meetings > len(corpus)  # most articles report a contact, some several


def test_dates_resolve_against_publication(corpus: list[Any]) -> None:
    for article in corpus:
        gold = article.gold_record()
        published = gold["published"]
        for m in gold["gold"]["meetings"]:
            if m["date"] is None or len(m["date"]) < 10:
                continue
            day = dt.date.fromisoformat(m["date"])
            if published is None:  # nothing to resolve against: the text must give the year
                assert str(day.year) in m["date_evidence"], m
                continue
            lag = (dt.date.fromisoformat(published) - day).days
            assert 0 <= lag < 400, m
            if m["date_evidence"] == "hier":
                assert lag == 1


def test_all_meeting_kinds_and_negatives_occur(corpus: list[Any]) -> None:
    kinds = {m["type"] for a in corpus for m in a.gold_record()["gold"]["meetings"]}
    assert kinds == TYPES
    assert any(not a.gold_record()["gold"]["meetings"] for a in corpus)
    phrases = " ".join(m["date_evidence"] or "" for a in corpus for m in a.gold_record()["gold"]["meetings"])
    assert "hier" in phrases and "dernier" in phrases and "session" in phrases


def test_boilerplate_is_in_the_text_and_not_in_the_gold(corpus: list[Any]) -> None:
    teaser_meetings = 0
    for article in corpus:
        gold = article.gold_record()
        text = gold["text"]
        assert "Tous droits réservés" in text
        evidences = [m["evidence"] for m in gold["gold"]["meetings"]]
        # teasers report contacts in the same words as articles; none of them is in the gold
        teaser_meetings += text.count("a reçu en audience") - sum(e.count("a reçu en audience") for e in evidences)
        byline = [line for line in text.splitlines() if line.startswith("Par ")]
        for line in byline:
            assert not any(p["name"].lower() in line.lower() for p in gold["gold"]["people"])
    assert teaser_meetings > 20


def test_extraction_lines_validate_and_match_the_gold(corpus: list[Any]) -> None:
    for article in corpus:
        line = article.extraction().model_dump_json(exclude_none=True)
        ex = Extraction.model_validate_json(line)
        people = {p.id for p in ex.people}
        for m in ex.meetings:
            assert set(m.participants) <= people and set(m.roles) == set(m.participants)
            assert set(m.states) <= {s.iso3 for s in ex.states}
        assert len(ex.meetings) == len(article.gold_record()["gold"]["meetings"])
        assert len({m.id for m in ex.meetings}) == len(ex.meetings)


def test_the_project_gazetteer_works() -> None:
    articles = list(generate(50, 1))
    assert len(articles) == 50
    for a in articles:
        Extraction.model_validate_json(a.extraction().model_dump_json())


def test_world_needs_mali(rich_gazetteer: Gazetteer) -> None:
    data = rich_gazetteer.model_dump()
    without_mali = Gazetteer.model_validate({**data, "states": [s for s in data["states"] if s["iso3"] != "MLI"]})
    with pytest.raises(WorldError, match="MLI"):
        World(without_mali)


@pytest.mark.parametrize(
    ("name", "of_short", "in_"),
    [
        ("Russie", "de Russie", "en Russie"),
        ("Sénégal", "du Sénégal", "au Sénégal"),
        ("Algérie", "d'Algérie", "en Algérie"),
        ("États-Unis", "des États-Unis", "aux États-Unis"),
        ("Émirats arabes unis", "des Émirats arabes unis", "aux Émirats arabes unis"),
        ("Cuba", "de Cuba", "à Cuba"),
        ("Mexique", "du Mexique", "au Mexique"),
        ("Iran", "d'Iran", "en Iran"),
    ],
)
def test_country_forms(name: str, of_short: str, in_: str) -> None:
    forms = country_forms(name)
    assert (forms.of_short, forms.in_) == (of_short, in_)


def test_script_writes_input_gold_and_extractions(tmp_path: Path) -> None:
    out, gold, ext = tmp_path / "corpus.jsonl", tmp_path / "gold", tmp_path / "ext.jsonl"
    args = ["--n", "25", "--seed", "9", "--out", str(out), "--gold-dir", str(gold), "--extractions", str(ext)]
    subprocess.run([sys.executable, str(ROOT / "bench" / "synthetic.py"), *args], check=True, cwd=tmp_path)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 25 and all({"id", "text", "url", "title", "outlet"} <= set(r) for r in rows)
    assert sorted(p.stem for p in gold.glob("*.json")) == sorted(r["id"] for r in rows)
    lines = ext.read_text(encoding="utf-8").splitlines()
    assert [Extraction.model_validate_json(line).id for line in lines] == [r["id"] for r in rows]


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not on this machine")
def test_ground_truth_extractions_score_perfectly(tmp_path: Path, rich_gazetteer: Gazetteer) -> None:
    """The gold files and the Extraction lines say the same thing, by the project's own scorer."""
    gold = tmp_path / "gold"
    gold.mkdir()
    with (tmp_path / "ext.jsonl").open("w", encoding="utf-8") as ext:
        for a in generate(120, 21, rich_gazetteer):
            (gold / f"{a.id}.json").write_text(json.dumps(a.gold_record(), ensure_ascii=False), encoding="utf-8")
            ext.write(a.extraction().model_dump_json() + "\n")
    res = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(tmp_path / "ext.jsonl")], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout[: res.stdout.rindex("}") + 1])
    for key in ("people", "states", "organisations", "meetings"):
        assert summary[key]["f1"] == 1.0, (key, summary[key], summary["counts"][key])
    assert summary["matched_meetings"]["type_accuracy"] == 1.0
    assert summary["matched_meetings"]["date_exact"] == 1.0


# The console script installed next to the interpreter running the tests (no path into a checkout).
MALIKG = Path(sys.executable).with_name("malikg")


@pytest.mark.slow
def test_real_extractor_runs_on_a_synthetic_sample(tmp_path: Path) -> None:
    """Runs the scorer with the real extractor; the figure goes to docs/synthetic.md, never into an assert."""
    gold = tmp_path / "gold"
    gold.mkdir()
    for a in generate(10, 42):
        (gold / f"{a.id}.json").write_text(json.dumps(a.gold_record(), ensure_ascii=False), encoding="utf-8")
    assert MALIKG.is_file(), f"{MALIKG} is missing: pip install -e .[dev]"
    cmd = f"{MALIKG} extract --jsonl {{input}}"
    res = subprocess.run([sys.executable, str(SCORER), str(gold), "--run", cmd], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "meetings F1" in res.stdout
