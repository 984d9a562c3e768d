// The articles named by the user: by graph id, by the document id given at ingest, or by URL.
// Parameters: $key (an article id, a document id or a URL). Returns: id, url, document_id of each match.
MATCH (a:Article)
WHERE a.id = $key OR a.url = $key OR a.document_id = $key
RETURN a.id AS id, a.url AS url, a.document_id AS document_id
ORDER BY a.id
