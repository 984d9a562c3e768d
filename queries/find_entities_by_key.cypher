// The person or organisation whose id is exactly `key`, or the state whose ISO3 code is `key` (any case).
// @param key: string  A person/organisation id ("abdoulaye-diop", "onu") or an ISO3 code ("RUS", "rus").
// @example {"key": "RUS"}
CALL () {
  MATCH (n:Person {id: $key}) RETURN n, 'person' AS kind
  UNION
  MATCH (n:State {iso3: toUpper($key)}) RETURN n, 'state' AS kind
  UNION
  MATCH (n:Organisation {id: $key}) RETURN n, 'organisation' AS kind
}
RETURN kind, coalesce(n.iso3, n.id) AS id, n.name AS name, coalesce(n.aliases, []) AS aliases, n.acronym AS acronym
