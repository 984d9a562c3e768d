// A tally's first and last dates, read again from its meetings, after the first or last one left it (one pair of
// states, one sector filter, one year or months of a year: graph/partner_tallies.py). Meetings taken out
// (`tallied` null, e.g. about to be deleted) are not read. Parameters: $keys.
UNWIND $keys AS key
MATCH (t:PartnerTally {key: key})
CALL (t) {
  MATCH (:State {iso3: t.state})-[:REPRESENTED_AT]->(m:Meeting)<-[:REPRESENTED_AT]-(:State {iso3: t.partner})
  WHERE m.tallied IS NOT NULL
    AND (t.sector = '' OR EXISTS { MATCH (m)-[:CONCERNS]->(:Sector {name: t.sector}) })
    AND (t.year = '*'
         OR t.year = CASE WHEN left(m.start_day, 4) = left(m.end_day, 4) THEN left(m.start_day, 4) ELSE '' END
         OR t.year = 'm' + left(m.start_day, 4) + ':' + substring(m.start_day, 5, 2) + '-' + substring(m.end_day, 5, 2))
  RETURN min(m.date) AS first, max(m.date) AS last
}
SET t.first = first, t.last = last
