// RDF export: one page of places (keyset on id) with the states they lie in; when filtered, the places of matching meetings.
// Parameters: $last (key of the previous page's last row; "" for the first page), $limit (page size),
//   $filtered (true when any of the filters below is set), $entity (person id, state iso3 or organisation id, or null),
//   $from_day / $to_day (YYYY-MM-DD, or null: the first day of `from`, the last day of `to`; a meeting matches
//   when its stored [start_day, end_day] overlaps them).
MATCH (pl:Place)
WHERE pl.id > $last
  AND (NOT $filtered OR EXISTS { MATCH (pl)<-[:HELD_IN]-(m:Meeting) WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from_day IS NULL OR m.end_day >= $from_day)
  AND ($to_day IS NULL OR m.start_day <= $to_day) })
WITH pl ORDER BY pl.id LIMIT $limit
RETURN pl.id AS id, pl.name AS name, [(pl)-[:LOCATED_IN]->(s:State) | s.iso3] AS states
