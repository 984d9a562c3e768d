// malikg: a country's partners by sector since a date
// :param country => 'MLI'
// :param since => '2021'
// Partners are the other states represented at the same meetings; `since` is YYYY, YYYY-MM or YYYY-MM-DD.
// Each partner is listed with its number of meetings on that sector, most frequent first.
MATCH (home:State {iso3: $country})-[:REPRESENTED_AT]->(m:Meeting)<-[:REPRESENTED_AT]-(partner:State)
WHERE partner <> home AND m.date >= $since
MATCH (m)-[:CONCERNS]->(sector:Sector)
WITH sector.name AS sector, partner.name AS partner, count(DISTINCT m) AS meetings
ORDER BY sector, meetings DESC, partner
RETURN sector, collect(partner + ' (' + toString(meetings) + ')') AS partners, sum(meetings) AS meetings
