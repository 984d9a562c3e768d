// The states that met a given state, ranked by number of meetings (optionally only meetings concerning one
// sector, and overlapping a period), ties broken by all their meetings with that state; with first/last date
// and the meetings per sector.
// @param state: string  ISO3 of the state whose partners are ranked.
// @param sector: string?  A sector name (vocabulary, any case), e.g. "défense".
// Also returns total_partners, the number of partners before paging.
// @param from: date?  Earliest date, YYYY[-MM[-DD]].
// @param to: date?  Latest date, YYYY[-MM[-DD]].
// @param offset: integer = 0  Partners to skip.
// @param limit: integer = 100  Partners to return (at most 500).
// @example {"state": "MLI", "sector": "défense", "from": null, "to": null, "offset": 0, "limit": 100}
MATCH (s:State {iso3: $state})-[:REPRESENTED_AT]->(m:Meeting)<-[:REPRESENTED_AT]-(partner:State)
WHERE partner <> s
  AND ($sector IS NULL OR EXISTS { MATCH (m)-[:CONCERNS]->(x:Sector) WHERE toLower(x.name) = toLower($sector) })
WITH s, partner, m, $from + substring('-01-01', size($from) - 4) AS from_day,
     $to + substring('-12-31', size($to) - 4) AS to_day
WHERE ($from IS NULL OR m.end_day >= from_day) AND ($to IS NULL OR m.start_day <= to_day)
WITH s, partner, collect(DISTINCT m) AS meetings
WITH s, collect({partner: partner, meetings: meetings}) AS found
UNWIND found AS f
WITH s, f.partner AS partner, f.meetings AS meetings, size(f.meetings) AS total, size(found) AS total_partners
WITH partner, meetings, total, total_partners,
     // unfiltered, every meeting counts: skip the second count, which re-reads every meeting of both states
     CASE WHEN $sector IS NULL AND $from IS NULL AND $to IS NULL THEN total
          ELSE COUNT { MATCH (s)-[:REPRESENTED_AT]->(x:Meeting)<-[:REPRESENTED_AT]-(partner) RETURN DISTINCT x }
     END AS overall
ORDER BY total DESC, overall DESC, partner.iso3
SKIP $offset LIMIT $limit
RETURN partner.iso3 AS iso3, partner.name AS name, total AS meetings, overall AS all_meetings, total_partners,
       reduce(first = null, x IN meetings | CASE WHEN first IS NULL OR x.date < first THEN x.date ELSE first END)
         AS first,
       reduce(last = null, x IN meetings | CASE WHEN last IS NULL OR x.date > last THEN x.date ELSE last END) AS last,
       COLLECT {
         UNWIND meetings AS x
         MATCH (x)-[:CONCERNS]->(sector:Sector)
         WITH sector.name AS sector, count(DISTINCT x) AS n
         ORDER BY n DESC, sector
         RETURN {sector: sector, meetings: n}
       } AS sectors
