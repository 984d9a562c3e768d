// RDF export: one page of sectors (keyset on name); when filtered, the sectors matching meetings concern.
// Parameters: $last (key of the previous page's last row; "" for the first page), $limit (page size),
//   $filtered (true when any of the filters below is set), $entity (person id, state iso3 or organisation id, or null),
//   $from / $to (YYYY, YYYY-MM or YYYY-MM-DD, or null; a meeting matches when its date span overlaps [from, to]).
MATCH (sec:Sector)
WHERE sec.name > $last
  AND (NOT $filtered OR EXISTS { MATCH (sec)<-[:CONCERNS]-(m:Meeting) WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from IS NULL OR (m.date IS NOT NULL AND left(m.date, size($from)) >= left($from, size(m.date))))
  AND ($to IS NULL OR (m.date IS NOT NULL AND left(m.date, size($to)) <= left($to, size(m.date)))) })
WITH sec ORDER BY sec.name LIMIT $limit
RETURN sec.name AS name
