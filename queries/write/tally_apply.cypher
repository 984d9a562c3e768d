// Add the differences of some meetings' tallies (graph/partner_tallies.py) to the PartnerTally nodes.
// Parameters: $rows: [{key, state, partner, sector, year, meetings (+/- count), sectors, counts (+/- per sector),
//   added (dates of meetings counted in), removed (dates of meetings taken out)}], sorted by key.
// `sectors` stay sorted (the graph does not depend on the order of writes).
// Returns per tally: key, meetings (its new count: 0 means delete it, write/tally_delete), stale (a removed date
// was its first or last: write/tally_recompute).
UNWIND $rows AS row
MERGE (t:PartnerTally {key: row.key})
  ON CREATE SET t.state = row.state, t.partner = row.partner, t.sector = row.sector, t.year = row.year,
                t.meetings = 0, t.sectors = [], t.counts = []
WITH t, row, COLLECT { UNWIND t.sectors + row.sectors AS x RETURN DISTINCT x ORDER BY x } AS names
WITH t, row, names,
     [x IN names |
       reduce(c = 0, i IN range(0, size(t.sectors) - 1) | c + CASE WHEN t.sectors[i] = x THEN t.counts[i] ELSE 0 END)
       + reduce(d = 0, j IN range(0, size(row.sectors) - 1) |
           d + CASE WHEN row.sectors[j] = x THEN row.counts[j] ELSE 0 END)] AS counts,
     any(d IN row.removed WHERE d = t.first OR d = t.last) AS stale
SET t.meetings = t.meetings + row.meetings,
    t.sectors = [i IN range(0, size(names) - 1) WHERE counts[i] > 0 | names[i]],
    t.counts = [c IN counts WHERE c > 0],
    t.first = CASE WHEN stale THEN t.first
                   ELSE reduce(f = t.first, d IN row.added | CASE WHEN f IS NULL OR d < f THEN d ELSE f END) END,
    t.last = CASE WHEN stale THEN t.last
                  ELSE reduce(l = t.last, d IN row.added | CASE WHEN l IS NULL OR d > l THEN d ELSE l END) END
RETURN t.key AS key, t.meetings AS meetings, stale
