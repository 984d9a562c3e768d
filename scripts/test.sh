#!/usr/bin/env bash
# Run the whole test suite on a fresh clone: setup, lint, type check, tests against a real Neo4j.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null; then
  bash scripts/install-browser-deps.sh   # Debian's chromium for the Neo4j Browser end-to-end test
else
  echo "== not root and no sudo: the Neo4j Browser test will be skipped unless chromium is installed"
fi
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy --strict"
.venv/bin/mypy
echo "== pytest"
.venv/bin/pytest "$@"
