// Which of these ids exist: as a meeting, a rejected meeting or a person. Parameters: $ids.
// Returns: meetings, rejected, people (lists of ids).
RETURN COLLECT { MATCH (m:Meeting) WHERE m.id IN $ids RETURN m.id } AS meetings,
       COLLECT { MATCH (m:RejectedMeeting) WHERE m.id IN $ids RETURN m.id } AS rejected,
       COLLECT { MATCH (p:Person) WHERE p.id IN $ids RETURN p.id } AS people
