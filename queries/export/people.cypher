// RDF export: one page of people (keyset on id), with their posts; when filtered, only attendees of matching meetings.
// Parameters: $last (key of the previous page's last row; "" for the first page), $limit (page size),
//   $filtered (true when any of the filters below is set), $entity (person id, state iso3 or organisation id, or null),
//   $from_day / $to_day (YYYY-MM-DD, or null: the first day of `from`, the last day of `to`; a meeting matches
//   when its stored [start_day, end_day] overlaps them).
MATCH (p:Person)
WHERE p.id > $last
  AND (NOT $filtered OR EXISTS {
    MATCH (p)-[:ATTENDED]->(m:Meeting)
    WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from_day IS NULL OR m.end_day >= $from_day)
  AND ($to_day IS NULL OR m.start_day <= $to_day)
  })
WITH p ORDER BY p.id LIMIT $limit
RETURN p.id AS id, p.name AS name, p.aliases AS aliases, p.wikidata AS wikidata,
       [(p)-[h:HOLDS]->(t) WHERE t:State OR t:Organisation |
         {title: h.title, since: toString(h.since), until: toString(h.until), attested: coalesce(h.attested, []),
          state: CASE WHEN t:State THEN t.iso3 END,
          organisation: CASE WHEN t:Organisation THEN t.id END}] AS posts
