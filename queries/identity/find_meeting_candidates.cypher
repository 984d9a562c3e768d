// (Internal to the writer, never exposed by the API: it runs in the write transaction.) Meetings a batch could join,
// with the ids of their people and the ISO3 of their states: those whose date core/identity.py's date rule could
// accept for some row (graph/meeting_identity.py `candidate_filter`), and those whose id is a row's key, within the
// rows' windows. Not every meeting of the rows' months: that read grew with the graph. Runs after lock.cypher in
// the writer's transaction, so no concurrent writer adds a meeting to these windows meanwhile.
// Parameters: $dates (exact dates), $prefixes (date prefixes), $keys (meeting keys), $windows (months or years).
CALL () {
  UNWIND $dates AS date
  MATCH (c:Meeting {date: date})
  RETURN c
  UNION
  UNWIND $prefixes AS prefix
  MATCH (c:Meeting)
  WHERE c.date STARTS WITH prefix
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
