// RDF export: one page of people (keyset on id), with their posts; when filtered, only attendees of matching meetings.
// Parameters: $last (key of the previous page's last row; "" for the first page), $limit (page size),
//   $filtered (true when any of the filters below is set), $entity (person id, state iso3 or organisation id, or null),
//   $from / $to (YYYY, YYYY-MM or YYYY-MM-DD, or null; a meeting matches when its date span overlaps [from, to]).
MATCH (p:Person)
WHERE p.id > $last
  AND (NOT $filtered OR EXISTS {
    MATCH (p)-[:ATTENDED]->(m:Meeting)
    WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from IS NULL OR (m.date IS NOT NULL AND left(m.date, size($from)) >= left($from, size(m.date))))
  AND ($to IS NULL OR (m.date IS NOT NULL AND left(m.date, size($to)) <= left($to, size(m.date))))
  })
WITH p ORDER BY p.id LIMIT $limit
RETURN p.id AS id, p.name AS name, p.aliases AS aliases, p.wikidata AS wikidata,
       [(p)-[h:HOLDS]->(t) WHERE t:State OR t:Organisation |
         {title: h.title, since: toString(h.since), until: toString(h.until), attested: coalesce(h.attested, []),
          state: CASE WHEN t:State THEN t.iso3 END,
          organisation: CASE WHEN t:Organisation THEN t.id END}] AS posts
