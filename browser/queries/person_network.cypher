// malikg: a person's network: the meetings attended, and the people and states met there
// :param person => 'Diop'
// The person is found as the API finds them: by id, or by a name or alias (case and accents ignored) through
// the full-text index, an exact name or alias first; the 50 most recent meetings are shown.
// The name goes to Lucene as words (a ':' blanked, so it is never a field query). The text holds no double quote
// and no backslash: the Browser's editor mangles both when the query is typed.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', replace($person, ':', ' '))
    YIELD node, score
  WHERE node:Person
  RETURN node AS p,
         toLower($person) IN [x IN [node.id, node.name] + coalesce(node.aliases, []) | toLower(x)] AS exact, score
  UNION
  MATCH (node:Person {id: $person})
  RETURN node AS p, true AS exact, 1000.0 AS score
}
WITH p ORDER BY exact DESC, score DESC LIMIT 1
MATCH (p)-[attended:ATTENDED]->(m:Meeting)
WITH p, attended, m
ORDER BY m.date DESC
LIMIT 50
RETURN p, attended, m, COLLECT { MATCH path = (m)<-[:ATTENDED|REPRESENTED_AT]-(other) RETURN path } AS around
