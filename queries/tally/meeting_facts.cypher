// The facts a meeting is tallied with (graph/partner_tallies.py): its states, sectors, date and days, whether it is
// counted at all (a :Meeting; a :RejectedMeeting is not), and what it was last tallied with (`tallied`).
// Parameters: $ids: meeting ids. Returns one row per Meeting or RejectedMeeting found (absent ids: no row).
UNWIND $ids AS id
CALL (id) {
  MATCH (m:Meeting {id: id})
  RETURN m
  UNION
  MATCH (m:RejectedMeeting {id: id})
  RETURN m
}
RETURN elementId(m) AS node, m:Meeting AS counted, m.tallied AS tallied, m.date AS date, m.start_day AS start_day,
       m.end_day AS end_day,
       COLLECT { MATCH (s:State)-[:REPRESENTED_AT]->(m) RETURN DISTINCT s.iso3 } AS states,
       COLLECT { MATCH (m)-[:CONCERNS]->(x:Sector) RETURN DISTINCT x.name } AS sectors
