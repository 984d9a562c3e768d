// Merge person $from into person $to (the same person under two spellings or ids): edges move (a post's attested
// days and the articles' ATTESTS with them), $from's names become aliases of $to, $from is deleted.
// Parameters: $from, $to. Returns: id of $to.
MATCH (f:Person {id: $from})
MATCH (t:Person {id: $to})
WHERE f <> t
CALL (f, t) {
  MATCH (f)-[e:ATTENDED]->(m)
  MERGE (t)-[e2:ATTENDED]->(m)
  SET e2.role = coalesce(e2.role, e.role),
      e2.articles = coalesce(e2.articles, []) + [x IN coalesce(e.articles, []) WHERE NOT x IN coalesce(e2.articles, [])]
}
CALL (f, t) {
  MATCH (f)-[e:HOLDS]->(x)
  MERGE (t)-[e2:HOLDS {title: e.title}]->(x)
  WITH e, e2,
       COLLECT { UNWIND coalesce(e2.attested, []) + coalesce(e.attested, []) AS day RETURN day ORDER BY day } AS days
  SET e2.since = coalesce(e2.since, e.since), e2.until = coalesce(e2.until, e.until),
      e2.attested = [i IN range(0, size(days) - 1) WHERE i = 0 OR days[i] <> days[i - 1] | days[i]]
}
CALL (f, t) {
  MATCH (a:Article)-[y:ATTESTS]->(f)
  MERGE (a)-[y2:ATTESTS {title: y.title, of: y.of}]->(t)
  SET y2.day = coalesce(y2.day, y.day)
}
CALL (f, t) {
  MATCH (a:Article)-[:MENTIONS]->(f)
  MERGE (a)-[:MENTIONS]->(t)
}
WITH f, t, coalesce(t.aliases, []) AS known
SET t.aliases = known + [x IN [f.name] + coalesce(f.aliases, []) WHERE NOT x IN known AND x <> t.name],
    t.merged_ids = coalesce(t.merged_ids, []) + [x IN [f.id] WHERE NOT x IN coalesce(t.merged_ids, [])]
DETACH DELETE f
RETURN t.id AS id
