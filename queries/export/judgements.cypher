// RDF export: one page of researchers' judgements (keyset on id), as PROV activities; when filtered, those on
// the matching meetings only. Parameters: $last, $limit, $filtered, $entity, $from_day, $to_day (as meetings.cypher).
// Returns: id, j (the judgement's properties), extracted (the corrected meeting's extracted values, or null).
MATCH (j:Judgement)
WHERE j.id > $last
  AND (NOT $filtered OR EXISTS { MATCH (m:Meeting {id: j.meeting}) WHERE true
  AND ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from_day IS NULL OR m.end_day >= $from_day)
  AND ($to_day IS NULL OR m.start_day <= $to_day) })
WITH j ORDER BY j.id LIMIT $limit
OPTIONAL MATCH (m:Meeting {id: j.meeting})
RETURN j.id AS id, j {.*} AS j,
       CASE WHEN m IS NULL THEN null ELSE {type: m.extracted_type, date: m.extracted_date} END AS extracted
