// One organisation: names, the people who held posts in it (HOLDS), and the meetings held in its frame
// (IN_FRAME_OF), counted by type, with the first and last meeting date.
// @param id: string  The organisation's id, e.g. "onu".
// @example {"id": "onu"}
MATCH (o:Organisation {id: $id})
RETURN o.id AS id, o.name AS name, o.acronym AS acronym, coalesce(o.aliases, []) AS aliases, o.wikidata AS wikidata,
       COLLECT {
         MATCH (p:Person)-[h:HOLDS]->(o)
         WITH p, h ORDER BY h.since, p.name, h.title
         RETURN {person: {kind: 'person', id: p.id, name: p.name}, of: {kind: 'organisation', id: o.id, name: o.name},
                 title: h.title, since: h.since, until: h.until}
       } AS roles,
       COUNT { MATCH (m:Meeting)-[:IN_FRAME_OF]->(o) RETURN DISTINCT m } AS total,
       COLLECT { MATCH (m:Meeting)-[:IN_FRAME_OF]->(o) WHERE m.date IS NOT NULL RETURN m.date ORDER BY m.date LIMIT 1 }[0] AS first,
       COLLECT { MATCH (m:Meeting)-[:IN_FRAME_OF]->(o) WHERE m.date IS NOT NULL RETURN m.date ORDER BY m.date DESC LIMIT 1 }[0] AS last,
       COLLECT {
         MATCH (m:Meeting)-[:IN_FRAME_OF]->(o)
         WITH m.type AS type, count(DISTINCT m) AS n ORDER BY n DESC, type
         RETURN {type: type, meetings: n}
       } AS by_type
