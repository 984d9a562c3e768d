// A researcher's place: the other HELD_IN edges go (their names stay in `extracted_places`).
// Parameters: $meeting, $place_id, $place (name), $place_state (ISO3 or null), $judgement.
MATCH (m:Meeting {id: $meeting})
WITH m, COLLECT { MATCH (m)-[:HELD_IN]->(o:Place) WHERE o.id <> $place_id RETURN o.name } AS others
SET m.extracted_places = CASE WHEN size(others) > 0 THEN others ELSE m.extracted_places END
WITH m
OPTIONAL MATCH (m)-[old:HELD_IN]->(o:Place)
WHERE o.id <> $place_id
DELETE old
WITH DISTINCT m
MERGE (pl:Place {id: $place_id})
  ON CREATE SET pl.name = $place
MERGE (m)-[h:HELD_IN]->(pl)
SET h.articles = coalesce(h.articles, []), h.judgement = $judgement
FOREACH (iso3 IN CASE WHEN $place_state IS NULL THEN [] ELSE [$place_state] END |
  MERGE (s:State {iso3: iso3})
  MERGE (pl)-[:LOCATED_IN]->(s))
RETURN m.id AS id
