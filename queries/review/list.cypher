// Judgements, oldest first, optionally only those naming a meeting or a person.
// Parameters: $meeting (id or null), $person (id or null). Returns: j (the judgement's properties).
MATCH (j:Judgement)
WHERE ($meeting IS NULL OR j.meeting = $meeting OR j.into = $meeting OR j.split_into = $meeting)
  AND ($person IS NULL OR j.person = $person OR j.other = $person OR j.into = $person)
RETURN j {.*} AS j
ORDER BY j.created_at, j.id
