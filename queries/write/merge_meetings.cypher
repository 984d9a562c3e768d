// Meetings of a batch with all their edges, one execution per row so that each sees the meetings written before it.
// Runs after lock.cypher in the same transaction, so no concurrent writer can create a matching meeting meanwhile.
// Parameters: $rows: [{article, index, key, type, date, precision, rank, summary, confidence, evidence,
//   participants, attendees: [{person, role}], states, hosts, place: {id, name, state} | null, organisations, topics}]
// Identity: an incoming meeting joins an existing Meeting when the dates are compatible (the same date; or a month
// and a day inside that month) and
//   rule 3: the same set of states and at least one shared named participant, or
//   rule 2: exactly the same named participants and one state set inside the other, or
//   rule 1: nobody named on either side and the same two or more states;
// the best rule wins, then more shared participants, then the smallest id. Otherwise it is created with id `key`
// (undated meetings therefore join only a meeting with the same type, participants and states).
// On a join, a more precise date replaces a less precise one, and type/summary/confidence follow the most confident
// report. Every place a report names is kept, HELD_IN {articles} listing the articles that name it (reads show the
// place named by most articles). Meetings of an article that is a repost (REPOST_OF) are not written again.
// Returns one row per written meeting: article, index (position in the extraction), meeting (its id).
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
WHERE NOT EXISTS { (a)-[:REPOST_OF]->(:Article) }
CALL (row, a) {
  OPTIONAL CALL (row) {
    MATCH (c:Meeting)
    WHERE c.date STARTS WITH left(row.date, 7)
    WITH row, c
    WHERE (c.date = row.date
           OR (c.date_precision <> row.precision AND c.date_precision <> 'year' AND row.precision <> 'year'
               AND (c.date STARTS WITH row.date OR row.date STARTS WITH c.date)))
    WITH row, c,
         COLLECT { MATCH (p:Person)-[:ATTENDED]->(c) RETURN p.id } AS cp,
         COLLECT { MATCH (s:State)-[:REPRESENTED_AT]->(c) RETURN s.iso3 } AS cs
    WITH row, c, cp, cs, size([x IN row.participants WHERE x IN cp]) AS shared,
         all(x IN row.states WHERE x IN cs) AS row_in_c, all(x IN cs WHERE x IN row.states) AS c_in_row
    WITH c, shared,
         CASE
           WHEN row_in_c AND c_in_row AND size(cs) > 0 AND shared > 0 THEN 3
           WHEN (row_in_c OR c_in_row) AND shared > 0 AND shared = size(cp) AND shared = size(row.participants) THEN 2
           WHEN row_in_c AND c_in_row AND size(cs) > 1 AND size(cp) = 0 AND size(row.participants) = 0 THEN 1
           ELSE 0
         END AS rule
    WHERE rule > 0
    RETURN c AS found
    ORDER BY rule DESC, shared DESC, c.id
    LIMIT 1
  }
  MERGE (m:Meeting {id: coalesce(found.id, row.key)})
    ON CREATE SET m.type = row.type, m.date = row.date, m.date_precision = row.precision, m.summary = row.summary,
                  m.confidence = row.confidence
  WITH row, a, m, coalesce({year: 1, month: 2, day: 3}[m.date_precision], 0) AS rank, m.confidence AS confidence
  SET m.date = CASE WHEN row.rank > rank THEN row.date ELSE m.date END,
      m.date_precision = CASE WHEN row.rank > rank THEN row.precision ELSE m.date_precision END,
      m.type = CASE WHEN row.confidence > confidence THEN row.type ELSE m.type END,
      m.summary = CASE WHEN row.confidence > confidence THEN row.summary ELSE m.summary END,
      m.confidence = CASE WHEN row.confidence > confidence THEN row.confidence ELSE m.confidence END
  MERGE (m)-[r:REPORTED_IN]->(a)
  SET r.evidence = row.evidence, r.confidence = row.confidence
  FOREACH (attendee IN row.attendees |
    MERGE (p:Person {id: attendee.person})
    MERGE (p)-[e:ATTENDED]->(m)
    SET e.role = coalesce(e.role, attendee.role))
  FOREACH (iso3 IN row.states |
    MERGE (s:State {iso3: iso3})
    MERGE (s)-[e:REPRESENTED_AT]->(m)
    SET e.host = coalesce(e.host, false) OR iso3 IN row.hosts)
  FOREACH (place IN CASE WHEN row.place IS NULL THEN [] ELSE [row.place] END |
    MERGE (pl:Place {id: place.id})
      ON CREATE SET pl.name = place.name
    MERGE (m)-[h:HELD_IN]->(pl)
    SET h.articles = CASE WHEN a.id IN coalesce(h.articles, []) THEN h.articles
                          ELSE coalesce(h.articles, []) + a.id END
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
