#!/usr/bin/env bash
# The worked example of docs/review.md: ingest, judge (reject, fix a host, merge two spellings), re-ingest, show.
# Needs a running Neo4j (NEO4J_URI) holding nothing else, and the API at $API (started with MALIKG_API_KEY=$KEY).
set -uo pipefail
cd "$(dirname "$0")/../../.."
malikg=.venv/bin/malikg
API="${API:?set API=http://127.0.0.1:PORT}"
KEY="${KEY:?set KEY to the MALIKG_API_KEY of the server}"
export MALIKG_AUTHOR=a.traore
show() { echo "\$ $*"; "$@" 2>&1; local code=$?; [ "$code" = 0 ] || echo "(exit code $code)"; echo; }
meetings() {  # one line per Diop–Lavrov contact: id, date, type, participants, host states, sources
  curl -s "$API/contacts?a=Diop&b=Lavrov" | .venv/bin/python -c '
import json, sys
for m in json.load(sys.stdin)["meetings"]:
    hosts = [s["iso3"] for s in m["states"] if s["host"]]
    print(m["id"], m["date"], m["type"], "+".join(p["id"] for p in m["participants"]), "hosts:", hosts or "-")'
}
id_on() { curl -s "$API/timeline?entity=$1" | .venv/bin/python -c "
import json, sys
print(next(m['id'] for m in json.load(sys.stdin)['meetings'] if m['date'] == '$2'))"; }

show $malikg ingest tests/data/seed-articles docs/examples/trust
echo '$ curl "$API/contacts?a=Diop&b=Lavrov"   # summarised'; meetings; echo
audience=$(id_on igor-gromyko 2024-03-06)
moscow=$(id_on abdoulaye-diop 2024-02-28)
show $malikg review reject "$audience" -r "Un message remis par l'ambassadeur, pas une audience (guide d'annotation: les lettres et messages ne sont pas des rencontres)."
show $malikg review set-host "$moscow" RUS -r "Les entretiens ont eu lieu à Moscou, au ministère russe des Affaires étrangères."
show $malikg review merge-people sergeï-lavrof sergueï-lavrov -r "Faute de frappe de l'article pour Sergueï Lavrov."
show $malikg review distinct-people sergeï-lavrof sergueï-lavrov -r "essai: contredit la fusion"
show $malikg ingest tests/data/seed-articles docs/examples/trust
echo '$ curl "$API/contacts?a=Diop&b=Lavrov"   # summarised'; meetings; echo
echo "\$ curl \"\$API/meetings/$moscow/provenance\"   # states, judgements, sources (summarised)"
curl -s "$API/meetings/$moscow/provenance" | .venv/bin/python -c '
import json, sys
d = json.load(sys.stdin)
print("corrected:", d["corrected"], "| extracted hosts:", d["extracted"]["hosts"])
for s in d["states"]:
    print("state", s["id"], "host" if s["host"] else "", "set by", s["judgement"] or "extraction", s["articles"])
for j in d["judgements"]:
    print("judgement", j["id"], j["kind"], j["state"], "by", j["author"], "at", j["created_at"], "—", j["reason"])
for s in d["sources"]:
    print("source", s["document_id"], s["outlet"], s["url"], s["start"], s["end"], repr(s["quote"][:70]))'
echo
echo "\$ curl \"\$API/meetings/$audience\"   # the rejected meeting is in no answer"
curl -s -o /dev/null -w "%{http_code}\n" "$API/meetings/$audience"; echo
show $malikg review list
show $malikg review export /tmp/judgements.json
