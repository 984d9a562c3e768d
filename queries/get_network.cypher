// The neighbourhood of an entity for a graph view: its meetings (depth 1), plus the meetings of everyone who
// took part in those (depth 2), at most `max_meetings`, and every participant link of those meetings.
// One row per link: the meeting, the linked entity, the relationship type and its role/host property.
// @param kind: string  person, state or organisation.
// @param key: string  Its id (ISO3 for a state).
// @param depth: integer = 1  1 or 2.
// @param max_meetings: integer = 100  Bound on the meetings shown (at most 500).
// @example {"kind": "person", "key": "abdoulaye-diop", "depth": 1, "max_meetings": 100}
CALL () {
  MATCH (n:Person {id: $key}) WHERE $kind = 'person' RETURN n AS e
  UNION
  MATCH (n:State {iso3: $key}) WHERE $kind = 'state' RETURN n AS e
  UNION
  MATCH (n:Organisation {id: $key}) WHERE $kind = 'organisation' RETURN n AS e
}
MATCH (e)-[:ATTENDED|REPRESENTED_AT|IN_FRAME_OF]-(m1:Meeting)
WITH e, m1 ORDER BY m1.date DESC, m1.id
WITH e, collect(DISTINCT m1) AS near
CALL (near) {
  UNWIND near AS m
  MATCH (m)-[:ATTENDED|REPRESENTED_AT|IN_FRAME_OF]-(n)-[:ATTENDED|REPRESENTED_AT|IN_FRAME_OF]-(m2:Meeting)
  WHERE $depth >= 2 AND NOT m2 IN near
  WITH DISTINCT m2 ORDER BY m2.date DESC, m2.id
  RETURN collect(m2) AS far
}
WITH near + far AS found
WITH found[..$max_meetings] AS shown, size(found) > $max_meetings AS truncated
UNWIND shown AS m
MATCH (x)-[r:ATTENDED|REPRESENTED_AT|IN_FRAME_OF]-(m)
RETURN truncated, m.id AS meeting_id, m.type AS meeting_type, m.date AS meeting_date,
       CASE WHEN x:Person THEN 'person' WHEN x:State THEN 'state' ELSE 'organisation' END AS kind,
       coalesce(x.iso3, x.id) AS id, x.name AS name, type(r) AS rel, r.role AS role, r.host AS host
ORDER BY meeting_date DESC, meeting_id, kind, id
