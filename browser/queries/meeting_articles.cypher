// malikg: the articles behind a meeting, with the sentence that states it
// :param date => '2022-05-20'
// :param person => 'Sergei Lavrov'
// The meeting is found by its date (as stored: YYYY-MM-DD, YYYY-MM or YYYY) and one participant, found as the API
// finds them (id, or a name or alias, case and accents ignored). Each row is one source: outlet, title, link,
// and the evidence sentence.
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
MATCH (p)-[:ATTENDED]->(m:Meeting)
WHERE m.date = $date
WITH DISTINCT m
MATCH (m)-[reported:REPORTED_IN]->(article:Article)
RETURN m.date AS date, m.type AS type, article.published AS published, article.outlet AS outlet,
       article.title AS title, article.url AS url, reported.evidence AS evidence, reported.confidence AS confidence
ORDER BY published, url
