// A researcher adds a participant (a person already in the graph). Parameters: $meeting, $person, $role, $judgement.
MATCH (m:Meeting {id: $meeting})
MATCH (p:Person {id: $person})
MERGE (p)-[e:ATTENDED]->(m)
SET e.role = coalesce(e.role, $role), e.judgement = $judgement
RETURN m.id AS id
