// RDF export: one page of states (keyset on iso3); when filtered, the states that matching meetings involve
// (represented, hosting the place) and those where their attendees hold posts.
// Parameters: $last (key of the previous page's last row; "" for the first page), $limit (page size),
//   $filtered (true when any of the filters below is set), $entity (person id, state iso3 or organisation id, or null),
//   $from / $to (YYYY, YYYY-MM or YYYY-MM-DD, or null; a meeting matches when its date span overlaps [from, to]).
MATCH (s:State)
WHERE s.iso3 > $last
  AND (NOT $filtered
    OR EXISTS { MATCH (s)-[:REPRESENTED_AT]->(m:Meeting) WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from IS NULL OR (m.date IS NOT NULL AND left(m.date, size($from)) >= left($from, size(m.date))))
  AND ($to IS NULL OR (m.date IS NOT NULL AND left(m.date, size($to)) <= left($to, size(m.date)))) }
    OR EXISTS { MATCH (s)<-[:LOCATED_IN]-(:Place)<-[:HELD_IN]-(m:Meeting) WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from IS NULL OR (m.date IS NOT NULL AND left(m.date, size($from)) >= left($from, size(m.date))))
  AND ($to IS NULL OR (m.date IS NOT NULL AND left(m.date, size($to)) <= left($to, size(m.date)))) }
    OR EXISTS { MATCH (s)<-[:HOLDS]-(:Person)-[:ATTENDED]->(m:Meeting) WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from IS NULL OR (m.date IS NOT NULL AND left(m.date, size($from)) >= left($from, size(m.date))))
  AND ($to IS NULL OR (m.date IS NOT NULL AND left(m.date, size($to)) <= left($to, size(m.date)))) })
WITH s ORDER BY s.iso3 LIMIT $limit
RETURN s.iso3 AS iso3, s.name AS name, s.name_en AS name_en, s.wikidata AS wikidata
