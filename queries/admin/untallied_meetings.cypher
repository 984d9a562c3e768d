// Meetings never tallied (graph/partner_tallies.py): a graph written before tallies existed, or tallied by an
// older version (a `tallied` signature of version 1 starts with its list of states, one of version 2 with '[2,':
// before month tallies, before tally dates). Parameters: $limit.
MATCH (m:Meeting)
WHERE m.tallied IS NULL OR m.tallied STARTS WITH '[[' OR m.tallied STARTS WITH '[2,'
RETURN m.id AS id
LIMIT $limit
