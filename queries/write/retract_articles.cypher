// Retraction: remove articles and every fact only they support. Each edge of a meeting they report loses them from
// its `articles`; an edge left with none is deleted (edges written before provenance was recorded have no list and
// stay). The articles' unread contacts go with them. A meeting no remaining article reports is deleted; people left
// with no edge at all are deleted.
// Parameters: $ids: article ids. Returns: articles, meetings_deleted, meetings_kept (ids of meetings still reported).
UNWIND $ids AS id
MATCH (a:Article {id: id})
WITH collect(a) AS articles
WITH articles, [a IN articles | a.id] AS ids,
     COLLECT { UNWIND articles AS a MATCH (m)-[:REPORTED_IN]->(a) WHERE m:Meeting OR m:RejectedMeeting
               RETURN DISTINCT m.id } AS mids,
     COLLECT { UNWIND articles AS a MATCH (m)-[:REPORTED_IN]->(a) WHERE m:Meeting OR m:RejectedMeeting
               RETURN DISTINCT m } AS meetings,
     COLLECT { UNWIND articles AS a MATCH (a)-[:MENTIONS]->(p:Person) RETURN DISTINCT p } AS mentioned
CALL (meetings, ids) {
  UNWIND meetings AS m
  MATCH (m)-[e:ATTENDED|REPRESENTED_AT|CONCERNS|IN_FRAME_OF|HELD_IN]-()
  WHERE any(x IN coalesce(e.articles, []) WHERE x IN ids)
  SET e.articles = [x IN e.articles WHERE NOT x IN ids]
  WITH e WHERE size(e.articles) = 0
  DELETE e
}
CALL (articles) {
  UNWIND articles AS a
  CALL (a) {
    MATCH (a)-[:HAS_UNREAD]->(u:UnreadContact)
    DETACH DELETE u
  }
  DETACH DELETE a
}
WITH meetings, mids, mentioned, size(ids) AS counted
CALL (meetings) {
  UNWIND meetings AS m
  WITH m WHERE NOT EXISTS { (m)-[:REPORTED_IN]->(:Article) }
  WITH collect(m) AS gone
  WITH gone, [m IN gone | m.id] AS ids,
       COLLECT { UNWIND gone AS m MATCH (p:Person)-[:ATTENDED]->(m) RETURN DISTINCT p } AS attendees
  FOREACH (m IN gone | DETACH DELETE m)
  RETURN ids AS deleted, attendees
}
CALL (mentioned, attendees) {
  UNWIND mentioned + attendees AS p
  WITH DISTINCT p WHERE NOT EXISTS { (p)--() }
  DELETE p
}
RETURN counted AS articles, deleted AS meetings_deleted, [x IN mids WHERE NOT x IN deleted] AS meetings_kept
