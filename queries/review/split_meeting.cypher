// Split a meeting that is two: the reports of $articles, and the facts they support, go to meeting $new (created
// with the old one's type and date, which the researcher can then fix). Parameters: $meeting, $articles, $new.
// Returns: id of the new meeting (no row when $meeting has no report from $articles).
MATCH (m:Meeting {id: $meeting})
WHERE EXISTS { MATCH (m)-[:REPORTED_IN]->(a:Article) WHERE a.id IN $articles }
MERGE (n:Meeting {id: $new})
  ON CREATE SET n.type = m.type, n.date = m.date, n.date_precision = m.date_precision, n.summary = m.summary,
                n.confidence = m.confidence, n.split_from = m.id, n.start_day = m.start_day, n.end_day = m.end_day
WITH m, n
CALL (m, n) {
  MATCH (m)-[r:REPORTED_IN]->(a:Article)
  WHERE a.id IN $articles
  MERGE (n)-[r2:REPORTED_IN]->(a)
  SET r2.evidence = r.evidence, r2.confidence = r.confidence, n.summary = r.evidence
  DELETE r
}
CALL (m, n) {
  MATCH (p:Person)-[e:ATTENDED]->(m)
  WHERE any(x IN coalesce(e.articles, []) WHERE x IN $articles)
  MERGE (p)-[e2:ATTENDED]->(n)
  SET e2.role = coalesce(e2.role, e.role),
      e2.articles = coalesce(e2.articles, []) + [x IN e.articles WHERE x IN $articles AND NOT x IN coalesce(e2.articles, [])],
      e.articles = [x IN e.articles WHERE NOT x IN $articles]
  WITH e WHERE size(e.articles) = 0
  DELETE e
}
CALL (m, n) {
  MATCH (s:State)-[e:REPRESENTED_AT]->(m)
  WHERE any(x IN coalesce(e.articles, []) WHERE x IN $articles)
  MERGE (s)-[e2:REPRESENTED_AT]->(n)
  SET e2.host = coalesce(e2.host, false) OR coalesce(e.host, false),
      e2.articles = coalesce(e2.articles, []) + [x IN e.articles WHERE x IN $articles AND NOT x IN coalesce(e2.articles, [])],
      e.articles = [x IN e.articles WHERE NOT x IN $articles]
  WITH e WHERE size(e.articles) = 0
  DELETE e
}
CALL (m, n) {
  MATCH (m)-[e:HELD_IN|CONCERNS|IN_FRAME_OF]->(x)
  WHERE any(y IN coalesce(e.articles, []) WHERE y IN $articles)
  WITH e, x, n, [y IN e.articles WHERE y IN $articles] AS moved
  CALL (e, x, n, moved) {
    WITH e, x, n, moved WHERE type(e) = 'HELD_IN'
    MERGE (n)-[e2:HELD_IN]->(x) SET e2.articles = coalesce(e2.articles, []) + moved
  }
  CALL (e, x, n, moved) {
    WITH e, x, n, moved WHERE type(e) = 'CONCERNS'
    MERGE (n)-[e2:CONCERNS]->(x) SET e2.articles = coalesce(e2.articles, []) + moved
  }
  CALL (e, x, n, moved) {
    WITH e, x, n, moved WHERE type(e) = 'IN_FRAME_OF'
    MERGE (n)-[e2:IN_FRAME_OF]->(x) SET e2.articles = coalesce(e2.articles, []) + moved
  }
  SET e.articles = [y IN e.articles WHERE NOT y IN $articles]
  WITH e WHERE size(e.articles) = 0
  DELETE e
}
RETURN n.id AS id
