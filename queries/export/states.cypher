// RDF export: one page of states (keyset on iso3); when filtered, the states that matching meetings involve
// (represented, hosting the place) and those where their attendees hold posts.
// Parameters: $last (key of the previous page's last row; "" for the first page), $limit (page size),
//   $filtered (true when any of the filters below is set), $entity (person id, state iso3 or organisation id, or null),
//   $from_day / $to_day (YYYY-MM-DD, or null: the first day of `from`, the last day of `to`; a meeting matches
//   when its stored [start_day, end_day] overlaps them).
MATCH (s:State)
WHERE s.iso3 > $last
  AND (NOT $filtered
    OR EXISTS { MATCH (s)-[:REPRESENTED_AT]->(m:Meeting) WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from_day IS NULL OR m.end_day >= $from_day)
  AND ($to_day IS NULL OR m.start_day <= $to_day) }
    OR EXISTS { MATCH (s)<-[:LOCATED_IN]-(:Place)<-[:HELD_IN]-(m:Meeting) WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from_day IS NULL OR m.end_day >= $from_day)
  AND ($to_day IS NULL OR m.start_day <= $to_day) }
    OR EXISTS { MATCH (s)<-[:HOLDS]-(:Person)-[:ATTENDED]->(m:Meeting) WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from_day IS NULL OR m.end_day >= $from_day)
  AND ($to_day IS NULL OR m.start_day <= $to_day) })
WITH s ORDER BY s.iso3 LIMIT $limit
RETURN s.iso3 AS iso3, s.name AS name, s.name_en AS name_en, s.wikidata AS wikidata
