// Unread contacts: sentences of original articles (not reposts) that tell a contact the extractor could not turn
// into a meeting (one side not identified, or an earlier contact without a date): where the graph may be silent.
// Newest article first (undated articles last), then in text order; each null filter is ignored.
// @param state: string?  ISO3 of a state the sentence names, e.g. "RUS".
// @param article: string?  Article id, document id given at ingest, or URL.
// @param from: date?  Earliest publication date of the article, YYYY[-MM[-DD]].
// @param to: date?  Latest publication date of the article, YYYY[-MM[-DD]].
// @param offset: integer = 0  Sentences to skip.
// @param limit: integer = 100  Sentences to return (at most 500).
// @example {"state": null, "article": null, "from": "2020", "to": null, "offset": 0, "limit": 100}
MATCH (a:Article)-[:HAS_UNREAD]->(u:UnreadContact)
WHERE NOT EXISTS { (a)-[:REPOST_OF]->(:Article) }
  AND ($state IS NULL OR $state IN u.states)
  AND ($article IS NULL OR a.id = $article OR a.document_id = $article OR a.url = $article)
WITH a, u, $from + substring('-01-01', size($from) - 4) AS from_day, $to + substring('-12-31', size($to) - 4) AS to_day
WHERE ($from IS NULL OR a.published >= from_day) AND ($to IS NULL OR a.published <= to_day)
WITH a, u ORDER BY a.published IS NULL, a.published DESC, a.id, u.index
WITH collect({
  article: a.id, url: a.url, title: a.title, outlet: a.outlet, published: a.published, type: u.type,
  reason: u.reason, evidence: u.evidence, evidence_start: u.start, evidence_end: u.end, states: u.states,
  people: u.people
}) AS found
RETURN size(found) AS total, found[$offset..$offset + $limit] AS unread
