"""A non-editable install works: the wheel carries the Cypher queries and the Neo4j Browser files.

The wheel is built from this checkout without network (`--no-build-isolation`: setuptools comes from the dev
extra) and installed into a fresh venv outside the checkout. The fresh venv reaches the already-installed
dependencies (spaCy, its French model, FastAPI, ...) through a `.pth` line naming the project venv's site-packages;
such a line only adds a path, so the project venv's editable-install hook (its own `.pth`) is not run and the
malikg packages can only come from the wheel. Everything runs from a scratch directory with no PYTHONPATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from core.settings import REPO_ROOT
from graph.queries import read_query_names

pytestmark = pytest.mark.slow
ARTICLE = REPO_ROOT / "tests" / "data" / "seed-articles" / "003_f127e61b93428a51.txt"
NOT_SOURCES = {".git", ".venv", "data", "build", "dist", "graph/neo4j-local"}  # from the root (core/data is source)
MALIKG_PACKAGES = ("core", "malikg", "ingest", "graph", "api", "crawl", "queries", "browser")

CHECK = """
import importlib, json, sys
from starlette.testclient import TestClient
from api.main import create_app
from graph.queries import load_query, read_query_names

client = TestClient(create_app())
catalogue = client.get("/queries")
guide = client.get("/browser/guide.html")
saved = client.get("/browser/queries/contacts_between.cypher")
not_served = client.get("/browser/__init__.py")
print(json.dumps({
    "modules": {name: importlib.import_module(name).__file__ for name in sys.argv[1:]},
    "names": read_query_names(),
    "catalogue": [q["name"] for q in catalogue.json()] if catalogue.status_code == 200 else catalogue.status_code,
    "write_query": load_query("write/merge_meetings").startswith("//"),
    "guide": guide.status_code,
    "saved_query": saved.status_code,
    "not_served": not_served.status_code,
}))
"""


def _not_sources(folder: str, names: list[str]) -> set[str]:
    relative = Path(folder).relative_to(REPO_ROOT)
    skipped = {name for name in names if (relative / name).as_posix() in NOT_SOURCES}
    return skipped | {name for name in names if name == "__pycache__" or name.endswith(("_cache", ".egg-info"))}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv, outside the checkout, holding the wheel of this checkout; its `bin/` directory."""
    root = tmp_path_factory.mktemp("installed")
    # A copy of the sources: setuptools builds in `build/`, whose stale files (a module since moved) would
    # otherwise reach the wheel, and the checkout stays untouched.
    source = root / "source"
    shutil.copytree(REPO_ROOT, source, ignore=_not_sources)
    wheels = root / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, f"building the wheel failed (pip install -e '.[dev]' brings setuptools):\n{built}"
    (wheel,) = wheels.glob("malikg-*.whl")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    fresh_python = venv / "bin" / "python"
    purelib = subprocess.run(
        [fresh_python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "malikg_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(fresh_python), "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install
    return venv / "bin"


def test_the_wheel_ships_no_test_fixture(installed: Path) -> None:
    """Synthetic graphs and their write queries are the tests' and benchmarks' (bench/), not the product's."""
    (wheel,) = installed.parent.parent.joinpath("wheels").glob("malikg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert [name for name in names if "synthetic" in name or name.startswith(("tests/", "bench/"))] == []
    assert "queries/write/merge_meetings.cypher" in names and "browser/guide.html" in names


def scratch_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    return {**env, "MALIKG_DATA_DIR": str(tmp_path / "data")}


def run_in(tmp_path: Path, *command: str | Path) -> subprocess.CompletedProcess[str]:
    """`command` run in `tmp_path`, outside the checkout, with the scratch environment."""
    return subprocess.run(
        command, cwd=tmp_path, env=scratch_env(tmp_path), capture_output=True, text=True, timeout=600, check=False
    )


def test_the_installed_package_carries_its_queries_and_browser_files(installed: Path, tmp_path: Path) -> None:
    run = run_in(tmp_path, installed / "python", "-c", CHECK, *MALIKG_PACKAGES)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout)
    venv = installed.parent.resolve()
    outside = {name: path for name, path in seen["modules"].items() if not Path(path).resolve().is_relative_to(venv)}
    assert outside == {}, "imported from outside the fresh venv"
    assert seen["names"] == read_query_names() and seen["catalogue"] == seen["names"]
    assert seen["write_query"] is True
    assert (seen["guide"], seen["saved_query"], seen["not_served"]) == (200, 200, 404)


def test_the_installed_malikg_extracts_an_article_as_the_checkout_does(installed: Path, tmp_path: Path) -> None:
    article = tmp_path / ARTICLE.name
    shutil.copyfile(ARTICLE, article)
    from_wheel = run_in(tmp_path, installed / "malikg", "extract", article.name)
    assert from_wheel.returncode == 0, from_wheel.stderr
    from_checkout = run_in(tmp_path, Path(sys.executable).parent / "malikg", "extract", article.name)
    assert from_checkout.returncode == 0, from_checkout.stderr
    extraction = json.loads(from_wheel.stdout)
    assert extraction["meetings"], "the seed article reports meetings"
    assert from_wheel.stdout == from_checkout.stdout
