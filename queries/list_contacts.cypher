// Every meeting in which both entities take part (a person ATTENDED it, a state was REPRESENTED_AT it, it was
// held IN_FRAME_OF an organisation), in date order, meetings without a date last; `from`/`to` keep the
// meetings whose date (day, month or year) overlaps the period. Returns the total and one page of ids.
// @param a_kind: string  person, state or organisation.
// @param a_key: string  Its id (ISO3 for a state).
// @param b_kind: string  person, state or organisation.
// @param b_key: string  Its id (ISO3 for a state).
// @param from: date?  Earliest date, YYYY[-MM[-DD]].
// @param to: date?  Latest date, YYYY[-MM[-DD]].
// @param offset: integer = 0  Meetings to skip.
// @param limit: integer = 100  Meetings to return (at most 500).
// @example {"a_kind": "person", "a_key": "abdoulaye-diop", "b_kind": "person", "b_key": "sergueï-lavrov", "from": null, "to": null, "offset": 0, "limit": 100}
CALL () {
  MATCH (n:Person {id: $a_key}) WHERE $a_kind = 'person' RETURN n AS a
  UNION
  MATCH (n:State {iso3: $a_key}) WHERE $a_kind = 'state' RETURN n AS a
  UNION
  MATCH (n:Organisation {id: $a_key}) WHERE $a_kind = 'organisation' RETURN n AS a
}
CALL () {
  MATCH (n:Person {id: $b_key}) WHERE $b_kind = 'person' RETURN n AS b
  UNION
  MATCH (n:State {iso3: $b_key}) WHERE $b_kind = 'state' RETURN n AS b
  UNION
  MATCH (n:Organisation {id: $b_key}) WHERE $b_kind = 'organisation' RETURN n AS b
}
// start from the end with fewer relationships (a degree is O(1) to read); WITH stops the planner reordering
WITH CASE WHEN COUNT { (a)--() } <= COUNT { (b)--() } THEN [a, b] ELSE [b, a] END AS ends
WITH ends[0] AS fewer, ends[1] AS more
MATCH (fewer)-[:ATTENDED|REPRESENTED_AT|IN_FRAME_OF]-(m:Meeting)
WITH DISTINCT m, more
MATCH (m)-[:ATTENDED|REPRESENTED_AT|IN_FRAME_OF]-(more)
WITH DISTINCT m
WITH m, $from + substring('-01-01', size($from) - 4) AS from_day, $to + substring('-12-31', size($to) - 4) AS to_day
WHERE ($from IS NULL OR m.end_day >= from_day) AND ($to IS NULL OR m.start_day <= to_day)
WITH m ORDER BY m.date, m.id
WITH collect(m.id) AS ids
RETURN size(ids) AS total, ids[$offset..$offset + $limit] AS meeting_ids
