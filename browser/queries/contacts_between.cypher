// malikg: contacts between two people, with their sources
// :param a => 'Diop'
// :param b => 'Sergei Lavrov'
// Each person is found as the API finds them: by id, or by a name or alias through the full-text index, which
// ignores case and accents ("serguei-lavrov", "Sergei Lavrov", "Lavrov"); an exact name or alias wins, then the
// best match. One row per meeting in date order; the graph shows both people, the meetings and their articles.
// The name goes to Lucene as words (a ':' blanked, so it is never a field query). The text holds no double quote
// and no backslash: the Browser's editor mangles both when the query is typed.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', replace($a, ':', ' '))
    YIELD node, score
  WHERE node:Person
  RETURN node AS p1, toLower($a) IN [x IN [node.id, node.name] + coalesce(node.aliases, []) | toLower(x)] AS exact,
         score
  UNION
  MATCH (node:Person {id: $a})
  RETURN node AS p1, true AS exact, 1000.0 AS score
}
WITH p1 ORDER BY exact DESC, score DESC LIMIT 1
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', replace($b, ':', ' '))
    YIELD node, score
  WHERE node:Person
  RETURN node AS p2, toLower($b) IN [x IN [node.id, node.name] + coalesce(node.aliases, []) | toLower(x)] AS exact,
         score
  UNION
  MATCH (node:Person {id: $b})
  RETURN node AS p2, true AS exact, 1000.0 AS score
}
WITH p1, p2 ORDER BY exact DESC, score DESC LIMIT 1
MATCH (p1)-[a1:ATTENDED]->(m:Meeting)<-[a2:ATTENDED]-(p2)
WHERE p1 <> p2
OPTIONAL MATCH (m)-[r:REPORTED_IN]->(article:Article)
WITH m, p1, a1, a2, p2, collect(r) AS reports, collect(article) AS articles
RETURN m.date AS date, m.type AS type, p1, a1, m, a2, p2, reports, articles
ORDER BY date, m.id
