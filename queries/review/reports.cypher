// The articles that report a meeting. Parameters: $meeting. Returns: article (one row per article).
MATCH (m:Meeting {id: $meeting})-[:REPORTED_IN]->(a:Article)
RETURN a.id AS article
ORDER BY a.id
