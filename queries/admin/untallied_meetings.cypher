// Meetings never tallied (graph/partner_tallies.py): a graph written before tallies existed. Parameters: $limit.
MATCH (m:Meeting)
WHERE m.tallied IS NULL
RETURN m.id AS id
LIMIT $limit
