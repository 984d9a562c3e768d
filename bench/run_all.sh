#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md, in the order they were run there. Traffic goes to 127.0.0.1 only.
#
#   bench/run_all.sh            # about 45 min on 2 shared cores; outputs in data/bench/*.out
#
# Ports: bench Neo4j Bolt 61687 / HTTP 61474 (store data/bench-neo4j), a second one for the writer bench on
# 61688 / 61475 (data/bench-neo4j-dev), the RDF bench's own on 61689 / 61476, the API on 61800.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
OUT=data/bench
mkdir -p "$OUT"

# 0. the bench Neo4j (page cache sized to the 100k-meeting store), and the machine
export MALIKG_NEO4J_PAGECACHE=1g
.venv/bin/malikg db start --bolt-port 61687 --http-port 61474 --data-dir data/bench-neo4j
{
  echo "nproc: $(nproc)"
  grep -m1 'model name' /proc/cpuinfo
  grep MemTotal /proc/meminfo
  $PY --version
  java -version 2>&1 | head -1
  .venv/bin/malikg db status --data-dir data/bench-neo4j | head -1
} | tee "$OUT/machine.out"

# 1. peak RSS of `malikg ingest`: real NLP on 100 and 400 articles, --from-extractions on 10k and 100k
#    (the last run leaves its graph of 100k articles in place for step 2)
$PY -m bench.bench_memory --nlp 100 --nlp 400 --extractions 10000 --extractions 100000 | tee "$OUT/memory.out"

# 2. API vs bare Cypher on that graph (>= 100k meetings): /contacts, /partners, /timeline at 1, 16, 64 clients
$PY -m bench.bench_api --meetings 100000 --requests 2000 --max-seconds 30 --json "$OUT/api.json" | tee "$OUT/api.out"

# 3. PROFILE of the hot queries on the same graph
$PY -m bench.profile_queries --plans | tee "$OUT/profile.out"

# 4. the graph writer vs plain UNWIND CREATE (its own server, emptied first)
.venv/bin/malikg db start --bolt-port 61688 --http-port 61475 --data-dir data/bench-neo4j-dev
NEO4J_URI=bolt://127.0.0.1:61688 NEO4J_PASSWORD="$(cat data/bench-neo4j-dev/password)" $PY -m bench.bench_ingest --documents 10000 --documents 100000 --batch-size 50 --wipe \
  | tee "$OUT/ingest.out"
.venv/bin/malikg db stop --data-dir data/bench-neo4j-dev

# 5. RDF export (starts and stops its own server)
$PY bench/bench_rdf.py --meetings 10000 --meetings 100000 --format nt --format turtle --format json-ld \
  --bolt-port 61689 --http-port 61476 \
  | tee "$OUT/rdf.out"

# 6. extraction: full pipeline vs bare spaCy NER
$PY bench/bench_extract.py --repeat 4 | tee "$OUT/extract.out"

.venv/bin/malikg db stop --data-dir data/bench-neo4j

# 7. issue 18 on a small server of its own: concurrent workers (emptying that server first), read
#    cache on the graph they leave, time to first answer
MALIKG_NEO4J_PAGECACHE=512m .venv/bin/malikg db start --bolt-port 61787 --http-port 61788 --data-dir data/bench-cache-neo4j
$PY -m bench.bench_workers --documents 2000 --batch-size 50 \
  --bolt-port 61787 --http-port 61788 --data-dir data/bench-cache-neo4j | tee "$OUT/workers.out"
$PY -m bench.bench_cache --meetings 2100 --clients 16 --max-seconds 12 \
  --bolt-port 61787 --http-port 61788 --data-dir data/bench-cache-neo4j | tee "$OUT/cache.out"
$PY -m bench.bench_first_answer --rounds 2 --idle 45 --bolt-port 61787 --data-dir data/bench-cache-neo4j \
  | tee "$OUT/first-answer.out"
$PY -m bench.bench_end_to_end --documents 1000 --bolt-port 61787 --http-port 61788 --data-dir data/bench-cache-neo4j \
  | tee "$OUT/end-to-end.out"
.venv/bin/malikg db stop --data-dir data/bench-cache-neo4j

# 8. issue 18: GET /partners from the partner tallies vs the on-the-fly query, 16 clients, 100k meetings (its own
#    server and store: loads the synthetic graph, Mali and one partner per meeting, and tallies it)
$PY -m bench.bench_partners --meetings 100000 --clients 16 --max-seconds 8 \
  --bolt-port 61687 --http-port 61474 --data-dir data/bench-partners-neo4j | tee "$OUT/partners.out"
.venv/bin/malikg db stop --data-dir data/bench-partners-neo4j
