"""Package boundaries (DESIGN.md): core/ imports no other package of the project, and graph/ reads ingest/ only
through the Extraction contract (ingest/models.py), so what the writer stores is a function of the extractions
and of the reference data it is handed (core/reference.py), never of the gazetteers read behind its back."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PACKAGES = ("api", "bench", "crawl", "graph", "ingest", "malikg", "tests")


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at any depth (function-local imports included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            found.add(node.module)
    return found


def _package(module: str) -> str:
    return module.split(".")[0]


def test_core_imports_no_other_package_of_the_project() -> None:
    paths = sorted((ROOT / "core").rglob("*.py"))
    assert paths
    for path in paths:
        inward = {m for m in imported_modules(path) if _package(m) in PROJECT_PACKAGES}
        assert not inward, f"{path.relative_to(ROOT)} imports {sorted(inward)}"


def test_graph_reads_ingest_only_through_the_extraction_model() -> None:
    paths = sorted((ROOT / "graph").rglob("*.py"))
    assert any(p.name == "writer.py" for p in paths) and any(p.name == "rows.py" for p in paths)
    for path in paths:
        name = path.relative_to(ROOT).as_posix()
        from_ingest = {m for m in imported_modules(path) if _package(m) == "ingest"} - {"ingest.models"}
        assert not from_ingest, f"{name} imports {sorted(from_ingest)}"
