// The judgements to apply after a write touched these meetings or people, oldest first.
// Parameters: $meetings (meeting ids), $people (person ids). Returns: j (the judgement's properties).
MATCH (j:Judgement)
WHERE j.meeting IN $meetings OR j.person IN $people
RETURN j {.*} AS j
ORDER BY j.created_at, j.id
