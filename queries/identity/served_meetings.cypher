// The id under which the graph serves each meeting row of a batch, read after the judgements: the meeting the
// row was written to, or for a repost (whose meetings are not written again) the meeting its original reports
// with the same evidence; null when neither is a Meeting (e.g. a researcher rejected it).
// Parameters: $rows [{position, meeting (null for a repost), article, evidence}].
UNWIND $rows AS row
RETURN row.position AS position,
       coalesce(
         COLLECT { MATCH (m:Meeting {id: row.meeting}) RETURN m.id }[0],
         COLLECT { MATCH (:Article {id: row.article})-[:REPOST_OF]->(:Article)<-[r:REPORTED_IN]-(m:Meeting)
                   WHERE r.evidence = row.evidence
                   RETURN m.id ORDER BY m.id }[0]
       ) AS served
