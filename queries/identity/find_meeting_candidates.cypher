// (Internal to the writer, never exposed by the API: it runs in the write transaction.) Meetings a batch could join: every meeting whose date starts with one of the batch's windows (a month
// "YYYY-MM" or a year "YYYY"), with the ids of its people and the ISO3 of its states. Runs after lock.cypher in the
// writer's transaction, so no concurrent writer adds a meeting to these windows meanwhile; core/identity.py decides.
// Parameters: $windows: list of date prefixes.
UNWIND $windows AS window
MATCH (c:Meeting)
WHERE c.date STARTS WITH window
RETURN DISTINCT c.id AS id, c.date AS date, c.date_precision AS precision,
       COLLECT { MATCH (p:Person)-[:ATTENDED]->(c) RETURN p.id } AS participants,
       COLLECT { MATCH (s:State)-[:REPRESENTED_AT]->(c) RETURN s.iso3 } AS states
