// (Person)-[:HOLDS {title, since, until}]->(Organisation) from gazetteer posts and roles found in the text.
// Parameters: $rows: [{person, target (the Organisation's id), title (normalised), since, until}]
// One edge per person, Organisation and title; since/until keep the first known value.
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (t:Organisation {id: row.target})
MERGE (p)-[h:HOLDS {title: row.title}]->(t)
SET h.since = coalesce(h.since, row.since), h.until = coalesce(h.until, row.until)
