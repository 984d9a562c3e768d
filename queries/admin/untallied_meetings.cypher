// Meetings never tallied (graph/partner_tallies.py): a graph written before tallies existed, or tallied before
// month tallies (a `tallied` signature of version 1 starts with its list of states). Parameters: $limit.
MATCH (m:Meeting)
WHERE m.tallied IS NULL OR m.tallied STARTS WITH '[['
RETURN m.id AS id
LIMIT $limit
