// RDF export: one page of meetings (keyset pagination on id) matching the filters, with what they link to.
// Parameters: $last (key of the previous page's last row; "" for the first page), $limit (page size),
//   $filtered (true when any of the filters below is set), $entity (person id, state iso3 or organisation id, or null),
//   $from_day / $to_day (YYYY-MM-DD, or null: the first day of `from`, the last day of `to`; a meeting matches
//   when its stored [start_day, end_day] overlaps them).
MATCH (m:Meeting)
WHERE m.id > $last
  AND ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from_day IS NULL OR m.end_day >= $from_day)
  AND ($to_day IS NULL OR m.start_day <= $to_day)
WITH m ORDER BY m.id LIMIT $limit
RETURN m.id AS id, m.type AS type, toString(m.date) AS date, m.date_precision AS date_precision,
       m.summary AS summary, m.confidence AS confidence,
       [(p:Person)-[a:ATTENDED]->(m) | {person: p.id, role: a.role}] AS attendees,
       [(s:State)-[r:REPRESENTED_AT]->(m) | {state: s.iso3, host: coalesce(r.host, false)}] AS states,
       [(m)-[:HELD_IN]->(pl:Place) | pl.id] AS places,
       [(m)-[:CONCERNS]->(sec:Sector) | sec.name] AS sectors,
       [(m)-[:IN_FRAME_OF]->(o:Organisation) | o.id] AS organisations,
       [(m)-[r:REPORTED_IN]->(art:Article) | {article: art.id, evidence: r.evidence, confidence: r.confidence}] AS reports
