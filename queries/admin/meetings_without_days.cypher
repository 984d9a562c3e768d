// Dated meetings written before meetings stored their first and last day (start_day, end_day): `malikg db schema`
// and every ingest fill them in (graph/schema.py). Parameters: none.
MATCH (m:Meeting)
WHERE m.date IS NOT NULL AND m.start_day IS NULL
RETURN m.id AS id, m.date AS date
