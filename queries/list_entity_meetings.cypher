// An entity's meetings (as participant, represented state, or framing organisation) in date order, meetings
// without a date last; `from`/`to` keep the meetings whose date overlaps the period. Total + one page of ids.
// @param kind: string  person, state or organisation.
// @param key: string  Its id (ISO3 for a state).
// @param from: date?  Earliest date, YYYY[-MM[-DD]].
// @param to: date?  Latest date, YYYY[-MM[-DD]].
// @param offset: integer = 0  Meetings to skip.
// @param limit: integer = 100  Meetings to return (at most 500).
// @example {"kind": "person", "key": "abdoulaye-diop", "from": "2024", "to": null, "offset": 0, "limit": 100}
CALL () {
  MATCH (n:Person {id: $key}) WHERE $kind = 'person' RETURN n AS e
  UNION
  MATCH (n:State {iso3: $key}) WHERE $kind = 'state' RETURN n AS e
  UNION
  MATCH (n:Organisation {id: $key}) WHERE $kind = 'organisation' RETURN n AS e
}
MATCH (e)-[:ATTENDED|REPRESENTED_AT|IN_FRAME_OF]-(m:Meeting)
WITH DISTINCT m
WITH m, $from + substring('-01-01', size($from) - 4) AS from_day, $to + substring('-12-31', size($to) - 4) AS to_day
WHERE ($from IS NULL OR m.end_day >= from_day) AND ($to IS NULL OR m.start_day <= to_day)
WITH m ORDER BY m.date, m.id
WITH collect(m.id) AS ids
RETURN size(ids) AS total, ids[$offset..$offset + $limit] AS meeting_ids
