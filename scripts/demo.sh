#!/usr/bin/env bash
# Set everything up and run the demo: local Neo4j, schema, the bundled corpus ingested, the API served.
# Ctrl-C stops the API; `.venv/bin/malikg db stop` stops Neo4j.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
malikg=.venv/bin/malikg
echo "== starting the local Neo4j"
$malikg db start
echo "== creating constraints and indexes"
$malikg db schema
echo "== ingesting the bundled corpus (corpus/seeds)"
$malikg ingest corpus/seeds
port="${MALIKG_API_PORT:-8000}"
cat <<TXT

  Neo4j Browser : http://127.0.0.1:${NEO4J_HTTP_PORT:-7474}/browser/?dbms=bolt://neo4j@127.0.0.1:7687&preselectAuthMethod=NATIVE
                  (user neo4j; the password was printed at the first start and is in data/neo4j/password)
  API docs      : http://127.0.0.1:${port}/docs
  Try           : curl 'http://127.0.0.1:${port}/contacts?a=Diop&b=Lavrov'

TXT
exec $malikg serve --host 127.0.0.1 --port "$port"
