// Before an original article is retracted, its earliest repost takes over its reports: same text (or the same
// evidence), so the facts it supports stay supported. Other reposts then point at the heir.
// Parameters: $ids: article ids about to be retracted. Returns: original, heir (one row per promoted repost).
UNWIND $ids AS id
MATCH (a:Article {id: id})
CALL (a) {
  MATCH (r:Article)-[:REPOST_OF]->(a)
  WHERE NOT r.id IN $ids
  RETURN r AS heir ORDER BY r.ingested_at, r.id LIMIT 1
}
MATCH (heir)-[link:REPOST_OF]->(a)
DELETE link
WITH a, heir
CALL (a, heir) {
  MATCH (other:Article)-[old:REPOST_OF]->(a)
  WHERE other <> heir
  DELETE old
  MERGE (other)-[:REPOST_OF]->(heir)
}
CALL (a, heir) {
  MATCH (m)-[r:REPORTED_IN]->(a)
  MERGE (m)-[r2:REPORTED_IN]->(heir)
  SET r2.evidence = r.evidence, r2.confidence = r.confidence
  WITH m
  MATCH (m)-[e:ATTENDED|REPRESENTED_AT|CONCERNS|IN_FRAME_OF|HELD_IN]-()
  WHERE a.id IN coalesce(e.articles, [])
  SET e.articles = [x IN e.articles WHERE x <> a.id] + [x IN [heir.id] WHERE NOT x IN e.articles]
}
RETURN a.id AS original, heir.id AS heir
