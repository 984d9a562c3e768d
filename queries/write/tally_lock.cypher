// Lock the meetings whose tallies are about to be refreshed (graph/partner_tallies.py), before their `tallied`
// property is read: SET takes the node's exclusive lock even though the value does not change, so two
// transactions refreshing one meeting take turns, and the second reads what the first committed.
// Parameters: $ids: meeting ids.
UNWIND $ids AS id
CALL (id) {
  MATCH (m:Meeting {id: id})
  RETURN m
  UNION
  MATCH (m:RejectedMeeting {id: id})
  RETURN m
}
SET m.tallied = m.tallied
