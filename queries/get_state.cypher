// One state: names, the people who held posts for it (HOLDS), and the meetings it was represented at,
// counted by type, with the first and last meeting date.
// @param iso3: string  ISO 3166-1 alpha-3 code, upper case.
// @example {"iso3": "RUS"}
MATCH (s:State {iso3: $iso3})
RETURN s.iso3 AS iso3, s.name AS name, s.name_en AS name_en, s.wikidata AS wikidata,
       COLLECT {
         MATCH (p:Person)-[h:HOLDS]->(s)
         WITH p, h ORDER BY h.since, p.name, h.title
         RETURN {person: {kind: 'person', id: p.id, name: p.name}, of: {kind: 'state', id: s.iso3, name: s.name},
                 title: h.title, since: h.since, until: h.until}
       } AS roles,
       COUNT { MATCH (s)-[:REPRESENTED_AT]->(m:Meeting) RETURN DISTINCT m } AS total,
       COLLECT { MATCH (s)-[:REPRESENTED_AT]->(m:Meeting) WHERE m.date IS NOT NULL RETURN m.date ORDER BY m.date LIMIT 1 }[0] AS first,
       COLLECT { MATCH (s)-[:REPRESENTED_AT]->(m:Meeting) WHERE m.date IS NOT NULL RETURN m.date ORDER BY m.date DESC LIMIT 1 }[0] AS last,
       COLLECT {
         MATCH (s)-[:REPRESENTED_AT]->(m:Meeting)
         WITH m.type AS type, count(DISTINCT m) AS n ORDER BY n DESC, type
         RETURN {type: type, meetings: n}
       } AS by_type
