// malikg: contacts between two people, with their sources
// :param a => 'Diop'
// :param b => 'Lavrov'
// Each person is matched by id ("abdoulaye-diop") or by part of the name, in any case. The graph shows both
// people, the meetings they both attended and the articles that report them; Table lists them by date.
MATCH (p1:Person)-[a1:ATTENDED]->(m:Meeting)<-[a2:ATTENDED]-(p2:Person)
WHERE (p1.id = $a OR toLower(p1.name) CONTAINS toLower($a))
  AND (p2.id = $b OR toLower(p2.name) CONTAINS toLower($b))
  AND p1 <> p2
OPTIONAL MATCH (m)-[r:REPORTED_IN]->(article:Article)
RETURN m.date AS date, m.type AS type, p1, a1, m, a2, p2, r, article
ORDER BY date, m.id
