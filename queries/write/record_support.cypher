// Provenance of a meeting's edges: each ATTENDED, REPRESENTED_AT, CONCERNS and IN_FRAME_OF edge lists in `articles`
// the articles that report it, so a retraction removes exactly the facts that only the retracted article supports.
// Kept sorted, so the graph does not depend on the order articles arrive in (tests/test_ingest_order.py).
// Runs after merge_meetings.cypher in the same transaction (graph/trust.py).
// The report (REPORTED_IN) gets the citation: the article's exact words (quote) and their offsets (start, end) into
// the stored text.
// Parameters: $rows: [{meeting, article, citation: {start, end, quote} | {}, participants, states, topics,
//   organisations}]
// An article already listed is not added again, so re-ingesting sets nothing.
UNWIND $rows AS row
MATCH (m:Meeting {id: row.meeting})
CALL (row, m) {
  MATCH (m)-[r:REPORTED_IN]->(:Article {id: row.article})
  WHERE row.citation.start IS NOT NULL AND (r.start IS NULL OR r.start <> row.citation.start
        OR r.quote <> row.citation.quote)
  SET r.start = row.citation.start, r.end = row.citation.end, r.quote = row.citation.quote
}
CALL (row, m) {
  MATCH (p:Person)-[e:ATTENDED]->(m)
  WHERE p.id IN row.participants AND NOT row.article IN coalesce(e.articles, [])
  SET e.articles = COLLECT { UNWIND coalesce(e.articles, []) + row.article AS a RETURN a ORDER BY a }
}
CALL (row, m) {
  MATCH (s:State)-[e:REPRESENTED_AT]->(m)
  WHERE s.iso3 IN row.states AND NOT row.article IN coalesce(e.articles, [])
  SET e.articles = COLLECT { UNWIND coalesce(e.articles, []) + row.article AS a RETURN a ORDER BY a }
}
CALL (row, m) {
  MATCH (m)-[e:CONCERNS]->(x:Sector)
  WHERE x.name IN row.topics AND NOT row.article IN coalesce(e.articles, [])
  SET e.articles = COLLECT { UNWIND coalesce(e.articles, []) + row.article AS a RETURN a ORDER BY a }
}
CALL (row, m) {
  MATCH (m)-[e:IN_FRAME_OF]->(o:Organisation)
  WHERE o.id IN row.organisations AND NOT row.article IN coalesce(e.articles, [])
  SET e.articles = COLLECT { UNWIND coalesce(e.articles, []) + row.article AS a RETURN a ORDER BY a }
}
RETURN count(*) AS rows
