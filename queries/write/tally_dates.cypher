// Add the differences of some meetings' dates to their tallies' PartnerTallyDate nodes (graph/partner_tallies.py):
// per tally and date, how many of its meetings have that date; a node that counts none is deleted.
// Parameters: $rows: [{key, date, n (+/- meetings)}], sorted by key then date (concurrent writers lock in one order).
UNWIND $rows AS row
MERGE (d:PartnerTallyDate {key: row.key, date: row.date})
  ON CREATE SET d.meetings = 0
SET d.meetings = d.meetings + row.n
WITH d
WHERE d.meetings <= 0
DELETE d
