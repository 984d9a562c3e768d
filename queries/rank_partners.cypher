// The states that met a given state, ranked by number of meetings (optionally only meetings concerning one
// sector, and in a period of whole years or months), ties broken by all their meetings with that state; with first/last date
// and the meetings per sector of each tally counted (`sector_counts`: [[sectors], [counts]] per year, for the
// caller to add up: api/partners.py). Read from the partner tallies the writer keeps (graph/partner_tallies.py): a
// few hundred small nodes, whatever the number of meetings. rank_partners_on_the_fly.cypher answers the same from
// the meetings themselves (and any period, not only whole years), with the sectors added up.
// @param state: string  ISO3 of the state whose partners are ranked.
// @param sector: string?  A sector name as stored (vocabulary), e.g. "défense".
// @param from_year: string?  First year, YYYY.
// @param to_year: string?  Last year, YYYY.
// @param from_month: string?  A first month, YYYY-MM, inside the year before from_year (which is then YYYY + 1).
// @param to_month: string?  A last month, YYYY-MM, inside the year after to_year (which is then YYYY - 1).
// @param offset: integer = 0  Partners to skip.
// @param limit: integer = 100  Partners to return (at most 500).
// Also returns total_partners, the number of partners before paging.
// @example {"state": "MLI", "sector": "défense", "from_year": null, "to_year": null, "from_month": null, "to_month": null, "offset": 0, "limit": 100}
WITH coalesce($sector, '') AS sector,
     CASE WHEN $from_year IS NULL AND $to_year IS NULL THEN '*' ELSE coalesce($from_year, '0') END AS low,
     CASE WHEN $from_year IS NULL AND $to_year IS NULL THEN '*' ELSE coalesce($to_year, '9999') END AS high
CALL () {
  MATCH (a:PartnerTally {state: $state, sector: '', year: '*'})
  RETURN collect([a.partner, a.meetings]) AS overall
}
// Index seeks on (state, sector, year): year '*' (all time) without a period, else the years from..to ('' =
// undated and '*' sort first, month tallies 'mYYYY:SS-EE' last); and in each edge year the month tallies whose
// months end at from_month or later and start at to_month or earlier (one branch when both edges are one year)
CALL (sector, low, high) {
  MATCH (t:PartnerTally)
  WHERE t.state = $state AND t.sector = sector AND t.year >= low AND t.year <= high
  RETURN t
  UNION ALL
  MATCH (t:PartnerTally)
  WHERE t.state = $state AND t.sector = sector AND t.year STARTS WITH 'm' + left($from_month, 4) + ':'
    AND right(t.year, 2) >= right($from_month, 2)
    AND ($to_month IS NULL OR left($to_month, 4) <> left($from_month, 4)
         OR substring(t.year, 6, 2) <= right($to_month, 2))
  RETURN t
  UNION ALL
  MATCH (t:PartnerTally)
  WHERE t.state = $state AND t.sector = sector AND t.year STARTS WITH 'm' + left($to_month, 4) + ':'
    AND substring(t.year, 6, 2) <= right($to_month, 2)
    AND ($from_month IS NULL OR left($to_month, 4) <> left($from_month, 4))
  RETURN t
}
WITH overall, t.partner AS partner, sum(t.meetings) AS total, min(t.first) AS first, max(t.last) AS last,
     collect([t.sectors, t.counts]) AS sector_counts
WHERE total > 0
WITH overall, collect({partner: partner, total: total, first: first, last: last, sector_counts: sector_counts}) AS found
UNWIND found AS f
WITH f, size(found) AS total_partners, head([x IN overall WHERE x[0] = f.partner | x[1]]) AS all_meetings
ORDER BY f.total DESC, all_meetings DESC, f.partner
SKIP $offset LIMIT $limit
MATCH (partner:State {iso3: f.partner})
RETURN partner.iso3 AS iso3, partner.name AS name, f.total AS meetings, all_meetings, total_partners,
       f.first AS first, f.last AS last, f.sector_counts AS sector_counts
