// Delete PartnerTally nodes that count no meeting any more. Parameters: $keys.
UNWIND $keys AS key
MATCH (t:PartnerTally {key: key})
WHERE t.meetings <= 0
DELETE t
