// (Internal to the writer, never exposed by the API: it runs in the write transaction.) Meetings a batch could join,
// with the ids of their people and the ISO3 of their states: those whose date core/identity.py's date rule could
// accept for some row and that some row of their window could match by the identity rules (a person in common, or
// nobody named on either side and the same states), and those whose id is a row's key, within the rows' windows
// (graph/meeting_identity.py `candidate_filter`). Not every meeting of the rows' months: that read grew with the
// density of the graph. Runs after lock.cypher in the writer's transaction, so no concurrent writer adds a meeting
// to these windows meanwhile.
// Parameters: $dates (exact dates), $prefixes (date prefixes), each [{value, people: [person id], bare: [[iso3]]}];
// $keys (meeting keys), $windows (months or years).
CALL () {
  CALL () {
    UNWIND $dates AS entry
    MATCH (c:Meeting {date: entry.value})
    RETURN c, entry
    UNION
    UNWIND $prefixes AS entry
    MATCH (c:Meeting)
    WHERE c.date STARTS WITH entry.value
    RETURN c, entry
  }
  WITH c, entry
  WHERE EXISTS { MATCH (p:Person)-[:ATTENDED]->(c) WHERE p.id IN entry.people }
     OR (entry.bare <> [] AND NOT EXISTS { (:Person)-[:ATTENDED]->(c) }
         AND COLLECT { MATCH (s:State)-[:REPRESENTED_AT]->(c) RETURN s.iso3 AS iso3 ORDER BY iso3 } IN entry.bare)
  RETURN c
  UNION
  UNWIND $keys AS key
  MATCH (c:Meeting {id: key})
  WHERE any(window IN $windows WHERE c.date STARTS WITH window)
  RETURN c
}
RETURN c.id AS id, c.date AS date, c.date_precision AS precision,
       COLLECT { MATCH (p:Person)-[:ATTENDED]->(c) RETURN p.id } AS participants,
       COLLECT { MATCH (s:State)-[:REPRESENTED_AT]->(c) RETURN s.iso3 } AS states
