// Meetings matching every given filter (each null filter is ignored), as a total and one page of ids.
// Sort: by date (oldest first, or newest first with `descending`), meetings without a date always last.
// @param from: date?  Earliest date, YYYY[-MM[-DD]]; keeps meetings whose date overlaps the period.
// @param to: date?  Latest date, YYYY[-MM[-DD]].
// @param type: string?  Meeting type, e.g. bilateral_meeting.
// @param sector: string?  Sector name as stored, e.g. "défense".
// @param place: string?  Place id or name (any case), e.g. "Moscou".
// @param state: string?  ISO3 of a state represented at the meeting.
// @param person: string?  Id of a person who attended.
// @param organisation: string?  Id of the organisation in whose frame it was held.
// @param descending: boolean = false  Newest first.
// @param offset: integer = 0  Meetings to skip.
// @param limit: integer = 100  Meetings to return (at most 500).
// @example {"from": "2023", "to": null, "type": null, "sector": null, "place": null, "state": "RUS", "person": null, "organisation": null, "descending": false, "offset": 0, "limit": 100}
MATCH (m:Meeting)
WHERE ($type IS NULL OR m.type = $type)
  AND ($state IS NULL OR EXISTS { MATCH (:State {iso3: $state})-[:REPRESENTED_AT]->(m) })
  AND ($person IS NULL OR EXISTS { MATCH (:Person {id: $person})-[:ATTENDED]->(m) })
  AND ($organisation IS NULL OR EXISTS { MATCH (m)-[:IN_FRAME_OF]->(:Organisation {id: $organisation}) })
  AND ($sector IS NULL OR EXISTS { MATCH (m)-[:CONCERNS]->(:Sector {name: $sector}) })
  AND ($place IS NULL OR EXISTS {
    MATCH (m)-[:HELD_IN]->(p:Place) WHERE p.id = $place OR toLower(p.name) = toLower($place)
  })
WITH m, $from + substring('-01-01', size($from) - 4) AS from_day, $to + substring('-12-31', size($to) - 4) AS to_day
WHERE ($from IS NULL OR m.end_day >= from_day) AND ($to IS NULL OR m.start_day <= to_day)
WITH m ORDER BY m.date, m.id
WITH collect(m) AS found
WITH [x IN found WHERE x.date IS NOT NULL | x.id] AS dated, [x IN found WHERE x.date IS NULL | x.id] AS undated
WITH (CASE WHEN $descending THEN reverse(dated) ELSE dated END) + undated AS ids
RETURN size(ids) AS total, ids[$offset..$offset + $limit] AS meeting_ids
