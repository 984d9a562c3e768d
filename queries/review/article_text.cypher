// The stored text of an article (for citing a quote when the page is gone). Parameters: $id (article id,
// document id or URL). Returns: id, url, document_id, outlet, author, published, text_sha1, text.
MATCH (a:Article)
WHERE a.id = $id OR a.document_id = $id OR a.url = $id
RETURN a.id AS id, a.url AS url, a.document_id AS document_id, a.outlet AS outlet, a.author AS author,
       toString(a.published) AS published,
       a.text_sha1 AS text_sha1, a.text AS text
ORDER BY a.id
LIMIT 1
