// A researcher's host state: that state hosts, no other does (the extracted hosts stay in `extracted_hosts`).
// Parameters: $meeting, $state (ISO3), $judgement.
MATCH (m:Meeting {id: $meeting})
MERGE (s:State {iso3: $state})
MERGE (s)-[h:REPRESENTED_AT]->(m)
WITH m, h, COLLECT { MATCH (o:State)-[e:REPRESENTED_AT]->(m) WHERE e.host AND o.iso3 <> $state RETURN o.iso3 } AS others
SET m.extracted_hosts = CASE WHEN size(others) > 0 THEN others ELSE m.extracted_hosts END,
    h.host = true, h.judgement = $judgement
WITH m
OPTIONAL MATCH (o:State)-[e:REPRESENTED_AT]->(m)
WHERE e.host AND o.iso3 <> $state
SET e.host = false
RETURN DISTINCT m.id AS id
