// RDF export: one page of reports (keyset on "meeting|article") with the article's exact words and offsets, and
// the reposts of each reporting article. Parameters: $last, $limit, $filtered, $entity, $from_day, $to_day.
MATCH (m:Meeting)-[r:REPORTED_IN]->(a:Article)
WITH m, r, a, m.id + '|' + a.id AS key
WHERE key > $last
  AND ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from_day IS NULL OR m.end_day >= $from_day)
  AND ($to_day IS NULL OR m.start_day <= $to_day)
WITH m, r, a, key ORDER BY key LIMIT $limit
RETURN key, m.id AS meeting, a.id AS article, a.document_id AS document_id, r.quote AS quote, r.start AS start,
       r.end AS end, [(x:Article)-[:REPOST_OF]->(a) | x.id] AS reposts
