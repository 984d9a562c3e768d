// Meetings per sector (sectors concerned by no meeting are absent).
// @example {}
MATCH (m:Meeting)-[:CONCERNS]->(x:Sector)
RETURN x.name AS sector, count(DISTINCT m) AS meetings
ORDER BY sector
