// Full records of the meetings with these ids, in the order given, one record per meeting: place (of several, the one
// named by most articles, then by id), participants with their role,
// states (host flag), sectors, organisations, every source (article with its outlet and author line, evidence sentence, confidence) and the
// researchers' judgements that corrected it (who, when, why; oldest first; the values they replaced are in
// review/meeting_provenance.cypher).
// @param ids: list  Meeting ids.
// @example {"ids": ["0b7f3c9a2e4d1f60"]}
UNWIND range(0, size($ids) - 1) AS position
MATCH (m:Meeting {id: $ids[position]})
OPTIONAL CALL (m) {
  MATCH (m)-[h:HELD_IN]->(place:Place)
  OPTIONAL MATCH (place)-[:LOCATED_IN]->(place_state:State)
  RETURN place, place_state
  ORDER BY size(coalesce(h.articles, [])) DESC, place.id
  LIMIT 1
}
RETURN m.id AS id, m.type AS type, m.date AS date, m.date_precision AS date_precision, m.summary AS summary,
       m.confidence AS confidence,
       CASE WHEN place IS NULL THEN null ELSE {id: place.id, name: place.name, state: place_state.iso3} END AS place,
       COLLECT {
         MATCH (p:Person)-[r:ATTENDED]->(m)
         WITH p, r ORDER BY p.name, p.id
         RETURN {id: p.id, name: p.name, role: r.role}
       } AS participants,
       COLLECT {
         MATCH (s:State)-[r:REPRESENTED_AT]->(m)
         WITH s, r ORDER BY s.iso3
         RETURN {iso3: s.iso3, name: s.name, host: coalesce(r.host, false)}
       } AS states,
       COLLECT { MATCH (m)-[:CONCERNS]->(x:Sector) WITH x ORDER BY x.name RETURN x.name } AS sectors,
       COLLECT {
         MATCH (m)-[:IN_FRAME_OF]->(o:Organisation)
         WITH o ORDER BY o.id
         RETURN {kind: 'organisation', id: o.id, name: o.name}
       } AS organisations,
       COLLECT {
         MATCH (m)-[r:REPORTED_IN]->(a:Article)
         WITH a, r ORDER BY a.published, a.id
         RETURN {article_id: a.id, url: a.url, title: a.title, outlet: a.outlet, author: a.author,
                 published: a.published, evidence: r.evidence, confidence: r.confidence}
       } AS sources,
       COLLECT {
         MATCH (j:Judgement) WHERE j.meeting = m.id OR j.into = m.id OR j.split_into = m.id
         WITH j ORDER BY j.created_at, j.id
         RETURN {id: j.id, kind: j.kind, author: j.author, created_at: j.created_at, reason: j.reason}
       } AS corrections
ORDER BY position
