#!/usr/bin/env bash
# Set up everything malikg needs on a fresh clone: .venv with the project (editable) and its dev tools,
# the spaCy French model (a PyPI dependency), and the local Neo4j server (Maven module).
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v python3 >/dev/null || { echo "malikg: python3 (3.11+) is required" >&2; exit 2; }
python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
  || { echo "malikg: Python 3.11+ is required (found $(python3 --version))" >&2; exit 2; }

if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  python3 -m venv .venv
fi
stamp=.venv/.malikg-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "== installing malikg and its dependencies into .venv"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[dev]"
  touch "$stamp"
fi

echo "== building the local Neo4j server (graph/neo4j-local)"
.venv/bin/malikg db build
