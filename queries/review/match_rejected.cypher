// Meetings just written that are a new report of a rejected meeting: compatible dates (the same, or a month and a
// day inside it), the same states, and a shared participant (or nobody named on either side).
// Parameters: $meetings (meeting ids). Returns: meeting, rejected (one row per meeting, the smallest rejected id).
UNWIND $meetings AS id
MATCH (m:Meeting {id: id})
WHERE m.date IS NOT NULL
CALL (m) {
  MATCH (r:RejectedMeeting)
  WHERE r.date IS NOT NULL AND (r.date STARTS WITH m.date OR m.date STARTS WITH r.date)
    AND (r.date = m.date OR r.date_precision <> m.date_precision)
  WITH m, r,
       COLLECT { MATCH (s:State)-[:REPRESENTED_AT]->(r) RETURN s.iso3 ORDER BY s.iso3 } AS rs,
       COLLECT { MATCH (s:State)-[:REPRESENTED_AT]->(m) RETURN s.iso3 ORDER BY s.iso3 } AS ms,
       COLLECT { MATCH (p:Person)-[:ATTENDED]->(r) RETURN p.id } AS rp,
       COLLECT { MATCH (p:Person)-[:ATTENDED]->(m) RETURN p.id } AS mp
  WHERE rs = ms AND size(ms) > 0
    AND (any(x IN mp WHERE x IN rp) OR (size(mp) = 0 AND size(rp) = 0))
  RETURN r.id AS rejected ORDER BY r.id LIMIT 1
}
RETURN m.id AS meeting, rejected
