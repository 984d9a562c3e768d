// Articles of a batch already in the graph with a different text (an outlet's correction of the same URL): their
// earlier version's facts are retracted before the new version is written, in the same transaction.
// Parameters: $rows: [{id, text_sha1, ...}] (the merge_articles rows). Returns: id of each changed article.
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
WHERE a.text_sha1 IS NOT NULL AND row.text_sha1 IS NOT NULL AND a.text_sha1 <> row.text_sha1
RETURN DISTINCT a.id AS id
