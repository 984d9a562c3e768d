// What the graph holds of each article among the ids given: an incoming document whose article id and cleaned-text
// hash are both found here, and whose metadata (url, title, outlet, author, published) adds nothing new, is unchanged
// and is skipped before the NLP. Parameters: $ids: [string] article ids (graph.meeting_identity.article_id).
// Returns: id, text_sha1, url, title, outlet, author, published.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.text_sha1 AS text_sha1, a.url AS url, a.title AS title, a.outlet AS outlet, a.author AS author,
       toString(a.published) AS published
