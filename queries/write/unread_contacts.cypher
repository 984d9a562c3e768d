// Each article's unread contacts (ingest/unread.py: contact sentences that gave no meeting), replaced on every write
// of the article, so that a re-ingest or a corrected text leaves exactly those of its latest extraction. A repost
// keeps its own too (GET /unread lists originals only; a repost promoted to original on a retraction shows them).
// Parameters: $rows: [{article, contacts: [{type, reason, evidence, start, end, states, people}]}]
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
CALL (a) {
  MATCH (a)-[:HAS_UNREAD]->(old:UnreadContact)
  DETACH DELETE old
}
CALL (a, row) {
  UNWIND range(0, size(row.contacts) - 1) AS i
  WITH a, i, row.contacts[i] AS c
  CREATE (a)-[:HAS_UNREAD]->(:UnreadContact {
    article: a.id, index: i, type: c.type, reason: c.reason, evidence: c.evidence, start: c.start, end: c.end,
    states: c.states, people: c.people
  })
}
