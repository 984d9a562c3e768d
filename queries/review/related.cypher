// Judgements that name any of these meeting or person ids (conflict checks). Parameters: $ids. Returns: j.
MATCH (j:Judgement)
WHERE j.meeting IN $ids OR j.into IN $ids OR j.person IN $ids OR j.other IN $ids
RETURN j {.*} AS j
ORDER BY j.created_at, j.id
