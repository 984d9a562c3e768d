// Each article's unread contacts (ingest/unread.py: contact sentences that gave no meeting), kept equal to those of
// its latest extraction: one node per (article, index), written only when it changed, those past the new count
// deleted; a re-ingest of the same extraction creates and sets nothing. A repost keeps its own too (GET /unread
// lists originals only; a repost promoted to original on a retraction shows them).
// Parameters: $rows: [{article, contacts: [{type, reason, evidence, start, end, states, people}]}]
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
CALL (a, row) {
  MATCH (a)-[:HAS_UNREAD]->(old:UnreadContact)
  WHERE old.index >= size(row.contacts)
  DETACH DELETE old
}
CALL (a, row) {
  UNWIND range(0, size(row.contacts) - 1) AS i
  WITH a, i, row.contacts[i] AS c
  WITH a, i, {type: c.type, reason: c.reason, evidence: c.evidence, start: c.start, end: c.end, states: c.states,
              people: c.people} AS p
  MERGE (a)-[:HAS_UNREAD]->(u:UnreadContact {article: a.id, index: i})
  WITH u, p
  WHERE any(k IN keys(p) WHERE NOT coalesce(u[k] = p[k], u[k] IS NULL AND p[k] IS NULL))
  SET u += p
}
