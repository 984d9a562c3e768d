// A tally's first and last dates, read again from its PartnerTallyDate nodes after the first or last one left it
// (graph/partner_tallies.py): two ordered seeks of the (key, date) index, whatever the size of the graph (ORDER BY
// both properties: ordering by the date alone makes the planner read and sort all of the tally's dates).
// Null when no dated meeting is left. Parameters: $keys.
UNWIND $keys AS key
MATCH (t:PartnerTally {key: key})
SET t.first = head(COLLECT {
      MATCH (d:PartnerTallyDate) WHERE d.key = key AND d.date >= '' RETURN d.date ORDER BY d.key, d.date LIMIT 1
    }),
    t.last = head(COLLECT {
      MATCH (d:PartnerTallyDate) WHERE d.key = key AND d.date >= '' RETURN d.date ORDER BY d.key DESC, d.date DESC LIMIT 1
    })
