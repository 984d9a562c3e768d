// The stored text hash of each article already in the graph, among the ids given: an incoming document whose
// article id and cleaned-text hash are both found here is unchanged and is skipped before the NLP.
// Parameters: $ids: [string] article ids (graph.meeting_identity.article_id). Returns: id, text_sha1.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.text_sha1 AS text_sha1
