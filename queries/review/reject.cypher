// Reject a meeting: it leaves every read (label RejectedMeeting instead of Meeting) but keeps its edges, so a later
// report of the same meeting is recognised and absorbed. Parameters: $meeting, $judgement.
MATCH (m:Meeting {id: $meeting})
WHERE NOT EXISTS { MATCH (:RejectedMeeting {id: $meeting}) }
REMOVE m:Meeting
SET m:RejectedMeeting, m.rejected_by = $judgement
RETURN m.id AS id
