// RDF export: one page of organisations (keyset on id); when filtered, the frames of matching meetings and
// the organisations where their attendees hold posts.
// Parameters: $last (key of the previous page's last row; "" for the first page), $limit (page size),
//   $filtered (true when any of the filters below is set), $entity (person id, state iso3 or organisation id, or null),
//   $from_day / $to_day (YYYY-MM-DD, or null: the first day of `from`, the last day of `to`; a meeting matches
//   when its stored [start_day, end_day] overlaps them).
MATCH (o:Organisation)
WHERE o.id > $last
  AND (NOT $filtered
    OR EXISTS { MATCH (o)<-[:IN_FRAME_OF]-(m:Meeting) WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from_day IS NULL OR m.end_day >= $from_day)
  AND ($to_day IS NULL OR m.start_day <= $to_day) }
    OR EXISTS { MATCH (o)<-[:HOLDS]-(:Person)-[:ATTENDED]->(m:Meeting) WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from_day IS NULL OR m.end_day >= $from_day)
  AND ($to_day IS NULL OR m.start_day <= $to_day) })
WITH o ORDER BY o.id LIMIT $limit
RETURN o.id AS id, o.name AS name, o.acronym AS acronym, o.aliases AS aliases, o.wikidata AS wikidata
