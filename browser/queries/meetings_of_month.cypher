// malikg: the meetings of a month, with who took part, where and why
// :param month => '2022-05'
// `month` is YYYY-MM (YYYY lists a whole year). Meetings dated only to the year are not listed under a month.
MATCH (m:Meeting)
WHERE m.date STARTS WITH $month
RETURN m.date AS date, m.type AS type,
       COLLECT { MATCH (p:Person)-[:ATTENDED]->(m) RETURN p.name ORDER BY p.name } AS people,
       COLLECT { MATCH (s:State)-[:REPRESENTED_AT]->(m) RETURN s.name ORDER BY s.name } AS states,
       COLLECT { MATCH (m)-[:HELD_IN]->(place:Place) RETURN place.name } AS place,
       COLLECT { MATCH (m)-[:CONCERNS]->(sector:Sector) RETURN sector.name ORDER BY sector.name } AS sectors,
       m.id AS meeting
ORDER BY date, meeting
