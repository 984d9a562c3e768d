// The user's document id and the article text (kept so a citation survives link rot; null when the user keeps
// only the hash). Runs after merge_articles.cypher in the same transaction; sets nothing when unchanged.
// Parameters: $rows: [{id, document_id, text, ...}] (the merge_articles rows).
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
WHERE a.document_id IS NULL OR a.document_id <> row.document_id OR coalesce(a.text, '') <> coalesce(row.text, '')
SET a.document_id = row.document_id, a.text = row.text
RETURN count(a) AS updated
