// Move everything of meeting $from into meeting (or rejected meeting) $to, then delete $from: used to merge two
// meetings and to absorb a new report of a rejected meeting. Edges are merged; their `articles` lists are united.
// Parameters: $from (a Meeting id), $to (a Meeting or RejectedMeeting id), $to_rejected (which of the two).
MATCH (f:Meeting {id: $from})
MATCH (t:Meeting|RejectedMeeting {id: $to})
WHERE t <> f AND t:RejectedMeeting = $to_rejected
CALL (f, t) {
  MATCH (f)-[r:REPORTED_IN]->(a:Article)
  MERGE (t)-[r2:REPORTED_IN]->(a)
  SET r2.evidence = coalesce(r2.evidence, r.evidence), r2.confidence = coalesce(r2.confidence, r.confidence)
}
CALL (f, t) {
  MATCH (p:Person)-[e:ATTENDED]->(f)
  MERGE (p)-[e2:ATTENDED]->(t)
  SET e2.role = coalesce(e2.role, e.role),
      e2.articles = coalesce(e2.articles, []) + [x IN coalesce(e.articles, []) WHERE NOT x IN coalesce(e2.articles, [])]
}
CALL (f, t) {
  MATCH (s:State)-[e:REPRESENTED_AT]->(f)
  MERGE (s)-[e2:REPRESENTED_AT]->(t)
  SET e2.host = coalesce(e2.host, false) OR coalesce(e.host, false),
      e2.articles = coalesce(e2.articles, []) + [x IN coalesce(e.articles, []) WHERE NOT x IN coalesce(e2.articles, [])]
}
CALL (f, t) {
  MATCH (f)-[e:HELD_IN]->(x:Place)
  MERGE (t)-[e2:HELD_IN]->(x)
  SET e2.articles = coalesce(e2.articles, []) + [x IN coalesce(e.articles, []) WHERE NOT x IN coalesce(e2.articles, [])]
}
CALL (f, t) {
  MATCH (f)-[e:CONCERNS]->(x:Sector)
  MERGE (t)-[e2:CONCERNS]->(x)
  SET e2.articles = coalesce(e2.articles, []) + [x IN coalesce(e.articles, []) WHERE NOT x IN coalesce(e2.articles, [])]
}
CALL (f, t) {
  MATCH (f)-[e:IN_FRAME_OF]->(x:Organisation)
  MERGE (t)-[e2:IN_FRAME_OF]->(x)
  SET e2.articles = coalesce(e2.articles, []) + [x IN coalesce(e.articles, []) WHERE NOT x IN coalesce(e2.articles, [])]
}
WITH f, t, t.id AS id
DETACH DELETE f
RETURN id
