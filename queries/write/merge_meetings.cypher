// Meetings of a batch with all their edges. Which meeting each row is a report of was decided in Python
// (core/identity.py via graph/meeting_identity.py `assign_meetings`) from the candidates of the batch's locked date
// windows, read in the same transaction (queries/identity/find_meeting_candidates.cypher): `row.meeting` is that meeting's id, or the
// row's own key for a new meeting. Runs after lock.cypher, so no concurrent writer changes those windows meanwhile.
// Parameters: $rows: [{article, index, meeting, id, key, type, date, precision, rank, start_day, end_day, summary,
//   confidence, evidence,
//   participants, attendees: [{person, role}], states, hosts, place: {id, name, state} | null, organisations, topics}]
// On a join the meeting takes the id `row.id` (the smallest key of its reports), a more precise date replaces a less
// precise one, type/summary/confidence follow the most confident report (ties: the smaller type, then summary), and
// an attendee keeps the longest role reported (the fullest title; ties: the smaller): the result does not depend on the order reports arrive in.
// Every place a report names is kept, HELD_IN {articles} listing (sorted) the articles that name it (reads show the
// place named by most articles). Meetings of an article that is a repost (REPOST_OF) are not written again.
// Returns one row per written meeting: article, index (position in the extraction), meeting (its id).
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
WHERE NOT EXISTS { (a)-[:REPOST_OF]->(:Article) }
CALL (row, a) {
  MERGE (m:Meeting {id: row.meeting})
    ON CREATE SET m.type = row.type, m.date = row.date, m.date_precision = row.precision, m.summary = row.summary,
                  m.confidence = row.confidence, m.start_day = row.start_day, m.end_day = row.end_day
  WITH row, a, m, coalesce({year: 1, month: 2, day: 3}[m.date_precision], 0) AS rank,
       row.confidence > m.confidence
       OR (row.confidence = m.confidence
           AND (row.type < m.type OR (row.type = m.type AND row.summary < m.summary))) AS wins
  SET m.id = row.id,
      m.date = CASE WHEN row.rank > rank THEN row.date ELSE m.date END,
      m.date_precision = CASE WHEN row.rank > rank THEN row.precision ELSE m.date_precision END,
      m.start_day = CASE WHEN row.rank > rank THEN row.start_day ELSE m.start_day END,
      m.end_day = CASE WHEN row.rank > rank THEN row.end_day ELSE m.end_day END,
      m.type = CASE WHEN wins THEN row.type ELSE m.type END,
      m.summary = CASE WHEN wins THEN row.summary ELSE m.summary END,
      m.confidence = CASE WHEN wins THEN row.confidence ELSE m.confidence END
  MERGE (m)-[r:REPORTED_IN]->(a)
  SET r.evidence = row.evidence, r.confidence = row.confidence
  FOREACH (attendee IN row.attendees |
    MERGE (p:Person {id: attendee.person})
    MERGE (p)-[e:ATTENDED]->(m)
    SET e.role = CASE
                   WHEN e.role IS NULL OR size(attendee.role) > size(e.role)
                        OR (size(attendee.role) = size(e.role) AND attendee.role < e.role) THEN attendee.role
                   ELSE e.role
                 END)
  FOREACH (iso3 IN row.states |
    MERGE (s:State {iso3: iso3})
    MERGE (s)-[e:REPRESENTED_AT]->(m)
    SET e.host = coalesce(e.host, false) OR iso3 IN row.hosts)
  FOREACH (place IN CASE WHEN row.place IS NULL THEN [] ELSE [row.place] END |
    MERGE (pl:Place {id: place.id})
      ON CREATE SET pl.name = place.name
    MERGE (m)-[h:HELD_IN]->(pl)
    SET h.articles = COLLECT { UNWIND coalesce(h.articles, []) + a.id AS article RETURN DISTINCT article
                               ORDER BY article }
    FOREACH (iso3 IN CASE WHEN place.state IS NULL THEN [] ELSE [place.state] END |
      MERGE (s:State {iso3: iso3})
      MERGE (pl)-[:LOCATED_IN]->(s)))
  FOREACH (topic IN row.topics |
    MERGE (sector:Sector {name: topic})
    MERGE (m)-[:CONCERNS]->(sector))
  FOREACH (organisation IN row.organisations |
    MERGE (o:Organisation {id: organisation})
    MERGE (m)-[:IN_FRAME_OF]->(o))
  RETURN m.id AS meeting
}
RETURN row.article AS article, row.index AS index, meeting
