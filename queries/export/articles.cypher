// RDF export: one page of articles (keyset on id) with what they mention; when filtered, the sources of matching meetings.
// Parameters: $last (key of the previous page's last row; "" for the first page), $limit (page size),
//   $filtered (true when any of the filters below is set), $entity (person id, state iso3 or organisation id, or null),
//   $from_day / $to_day (YYYY-MM-DD, or null: the first day of `from`, the last day of `to`; a meeting matches
//   when its stored [start_day, end_day] overlaps them).
MATCH (art:Article)
WHERE art.id > $last
  AND (NOT $filtered OR EXISTS { MATCH (art)<-[:REPORTED_IN]-(m:Meeting) WHERE ($entity IS NULL
       OR EXISTS { MATCH (m)<-[:ATTENDED]-(:Person {id: $entity}) }
       OR EXISTS { MATCH (m)<-[:REPRESENTED_AT]-(:State {iso3: $entity}) }
       OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $entity}) })
  AND ($from_day IS NULL OR m.end_day >= $from_day)
  AND ($to_day IS NULL OR m.start_day <= $to_day) })
WITH art ORDER BY art.id LIMIT $limit
RETURN art.id AS id, art.url AS url, art.title AS title, art.outlet AS outlet, art.author AS author,
       toString(art.published) AS published,
       art.text_sha1 AS text_sha1,
       [(art)-[:MENTIONS]->(x:Person) | x.id] AS mentions_people,
       [(art)-[:MENTIONS]->(x:State) | x.iso3] AS mentions_states,
       [(art)-[:MENTIONS]->(x:Organisation) | x.id] AS mentions_organisations
