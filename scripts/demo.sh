#!/usr/bin/env bash
# Set everything up and run the demo: local Neo4j, schema, the bundled corpus ingested, the API served.
# Ctrl-C stops the API; `.venv/bin/malikg db stop` stops Neo4j.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
malikg=.venv/bin/malikg
port="${MALIKG_API_PORT:-8000}"
# The local Neo4j tells Neo4j Browser to apply the malikg style and open the guide, both served by this API, as soon
# as it connects (browser.post_connect_cmd, docs/browser.md); a server started before with another port keeps its.
export MALIKG_API_PORT="$port"
echo "== starting the local Neo4j"
$malikg db start
echo "== creating constraints and indexes"
$malikg db schema
echo "== ingesting the bundled corpus (corpus/demo)"
$malikg ingest corpus/demo
data_dir="${MALIKG_DATA_DIR:-data}/neo4j"
cat <<TXT

  Neo4j Browser : http://127.0.0.1:${NEO4J_HTTP_PORT:-7474}/browser/?dbms=bolt://neo4j@127.0.0.1:7687&preselectAuthMethod=NATIVE
                  connect as neo4j with the password in ${data_dir}/password (the Browser remembers it); once
                  connected it applies the malikg style and opens the guide by itself
  API docs      : http://127.0.0.1:${port}/docs
  Try           : curl 'http://127.0.0.1:${port}/contacts?a=Diop&b=Lavrov'

TXT
exec $malikg serve --host 127.0.0.1 --port "$port"
