// One person: names, the posts held over time (HOLDS, for a state or an organisation), and the meetings
// attended, counted by type, with the first and last meeting date.
// @param id: string  The person's id (slug of the canonical name).
// @example {"id": "abdoulaye-diop"}
MATCH (p:Person {id: $id})
RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, p.wikidata AS wikidata,
       COLLECT {
         MATCH (p)-[h:HOLDS]->(o)
         WITH o, h ORDER BY h.since, h.title
         RETURN {person: {kind: 'person', id: p.id, name: p.name},
                 of: {kind: CASE WHEN o:State THEN 'state' ELSE 'organisation' END, id: coalesce(o.iso3, o.id),
                      name: o.name},
                 title: h.title, since: h.since, until: h.until, attested: coalesce(h.attested, [])}
       } AS roles,
       COUNT { MATCH (p)-[:ATTENDED]->(m:Meeting) RETURN DISTINCT m } AS total,
       COLLECT { MATCH (p)-[:ATTENDED]->(m:Meeting) WHERE m.date IS NOT NULL RETURN m.date ORDER BY m.date LIMIT 1 }[0] AS first,
       COLLECT { MATCH (p)-[:ATTENDED]->(m:Meeting) WHERE m.date IS NOT NULL RETURN m.date ORDER BY m.date DESC LIMIT 1 }[0] AS last,
       COLLECT {
         MATCH (p)-[:ATTENDED]->(m:Meeting)
         WITH m.type AS type, count(DISTINCT m) AS n ORDER BY n DESC, type
         RETURN {type: type, meetings: n}
       } AS by_type
