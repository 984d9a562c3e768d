// malikg: a person's network: the meetings attended, and the people and states met there
// :param person => 'Diop'
// The person is matched by id or by part of the name; the 50 most recent meetings are shown.
MATCH (p:Person)
WHERE p.id = $person OR toLower(p.name) CONTAINS toLower($person)
MATCH (p)-[attended:ATTENDED]->(m:Meeting)
WITH p, attended, m
ORDER BY m.date DESC
LIMIT 50
RETURN p, attended, m, COLLECT { MATCH path = (m)<-[:ATTENDED|REPRESENTED_AT]-(other) RETURN path } AS around
