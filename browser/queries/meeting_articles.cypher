// malikg: the articles behind a meeting, with the sentence that states it
// :param date => '2024-02-28'
// :param person => 'Lavrov'
// The meeting is found by its date (as stored: YYYY-MM-DD, YYYY-MM or YYYY) and one participant (id or part of
// the name). Each row is one source: outlet, title, link, and the evidence sentence.
MATCH (p:Person)-[:ATTENDED]->(m:Meeting)
WHERE m.date = $date AND (p.id = $person OR toLower(p.name) CONTAINS toLower($person))
WITH DISTINCT m
MATCH (m)-[reported:REPORTED_IN]->(article:Article)
RETURN m.date AS date, m.type AS type, article.published AS published, article.outlet AS outlet,
       article.title AS title, article.url AS url, reported.evidence AS evidence, reported.confidence AS confidence
ORDER BY published, url
