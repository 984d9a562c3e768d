// A researcher removes a participant from a meeting. Parameters: $meeting, $person.
MATCH (p:Person {id: $person})-[e:ATTENDED]->(m:Meeting {id: $meeting})
DELETE e
RETURN m.id AS id
