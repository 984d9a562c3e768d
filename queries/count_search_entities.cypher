// How many people, states and organisations a Lucene query matches (the `total` of /search).
// @param query: string  A Lucene query; the API escapes the user's words before building it.
// @param kinds: list = person,state,organisation  Kinds to keep.
// @example {"query": "lavrov", "kinds": ["person", "state", "organisation"]}
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node
WITH CASE WHEN node:Person THEN 'person' WHEN node:State THEN 'state' ELSE 'organisation' END AS kind
WHERE kind IN $kinds
RETURN count(*) AS total
