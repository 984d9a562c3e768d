// (Person)-[:HOLDS {title, since, until}]->(State) from gazetteer posts and roles found in the text.
// Parameters: $rows: [{person, target (the State's iso3), title (normalised), since, until}]
// One edge per person, State and title; since/until keep the first known value.
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (t:State {iso3: row.target})
MERGE (p)-[h:HOLDS {title: row.title}]->(t)
SET h.since = coalesce(h.since, row.since), h.until = coalesce(h.until, row.until)
