// Synthetic graph for export tests and benchmarks (never run on real data): one batch of meetings, each with
// its article, attendees, states, place, sectors and frame.
// Parameters: $rows [{id, type, date, date_precision, start_day, end_day, summary, confidence, people: [{id, role}],
//   states: [{iso3, host}], place, sectors: [name], organisation (or null),
//   article: {id, url, title, outlet, published}, evidence}].
UNWIND $rows AS row
MERGE (m:Meeting {id: row.id})
SET m.type = row.type, m.date = row.date, m.date_precision = row.date_precision, m.summary = row.summary,
    m.confidence = row.confidence, m.start_day = row.start_day, m.end_day = row.end_day
MERGE (a:Article {id: row.article.id})
SET a.url = row.article.url, a.title = row.article.title, a.outlet = row.article.outlet,
    a.published = row.article.published
MERGE (m)-[r:REPORTED_IN]->(a) SET r.evidence = row.evidence, r.confidence = row.confidence
WITH m, a, row
CALL (m, a, row) {
  UNWIND row.people AS att
  MATCH (p:Person {id: att.id})
  MERGE (p)-[x:ATTENDED]->(m) SET x.role = att.role
  MERGE (a)-[:MENTIONS]->(p)
}
CALL (m, row) {
  UNWIND row.states AS rep
  MATCH (s:State {iso3: rep.iso3})
  MERGE (s)-[x:REPRESENTED_AT]->(m) SET x.host = rep.host
}
CALL (m, row) {
  MATCH (pl:Place {id: row.place})
  MERGE (m)-[:HELD_IN]->(pl)
}
CALL (m, row) {
  UNWIND row.sectors AS name
  MATCH (sec:Sector {name: name})
  MERGE (m)-[:CONCERNS]->(sec)
}
CALL (m, row) {
  MATCH (o:Organisation {id: row.organisation})
  MERGE (m)-[:IN_FRAME_OF]->(o)
}
RETURN count(*) AS meetings
