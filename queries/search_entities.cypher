// People, states and organisations whose name or alias matches a Lucene query, best first
// (full-text index `entity_names`, which folds case and accents).
// @param query: string  A Lucene query; the API escapes the user's words before building it.
// @param kinds: list = person,state,organisation  Kinds to keep.
// @param skip: integer = 0  Hits to skip.
// @param limit: integer = 20  Hits to return (at most 500).
// @example {"query": "lavrov", "kinds": ["person", "state", "organisation"], "skip": 0, "limit": 20}
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WITH node, score,
     CASE WHEN node:Person THEN 'person' WHEN node:State THEN 'state' ELSE 'organisation' END AS kind
WHERE kind IN $kinds
RETURN kind, coalesce(node.iso3, node.id) AS id, node.name AS name, coalesce(node.aliases, []) AS aliases,
       node.acronym AS acronym, score
ORDER BY score DESC, name, id
SKIP $skip LIMIT $limit
