// Merge person $from into person $to (the same person under two spellings or ids): edges move, $from's names become
// aliases of $to, $from is deleted. Parameters: $from, $to. Returns: id of $to.
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
  SET e2.since = coalesce(e2.since, e.since), e2.until = coalesce(e2.until, e.until)
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
