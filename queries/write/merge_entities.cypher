// The states, organisations and people of a batch, the articles' MENTIONS of them and the HOLDS edges, in one
// statement (one round trip instead of eight); runs after merge_articles.cypher in the same transaction.
// Parameters:
//   $states: [{iso3, name, name_en, aliases, wikidata, curated}]
//   $organisations: [{id, name, acronym, aliases, wikidata, curated}]
//   $people: [{id, name, aliases, wikidata, curated}]
//   $mention_states, $mention_organisations, $mention_people: [{article, key}] (key = iso3 or id)
//   $holds_state, $holds_organisation: [{person, target (iso3 or id), title (normalised), since, until}]
// Gazetteer values (curated = true) win; otherwise the first value written is kept and aliases accumulate, each
// once and sorted (so neither re-ingesting nor the order of articles changes them). HOLDS: one edge per person, target and title; since/until keep the first
// known value. Each CALL is a unit subquery: an empty list simply writes nothing.
CALL () {
  UNWIND $states AS row
  MERGE (s:State {iso3: row.iso3})
  WITH s, row, coalesce(s.aliases, []) AS known
  SET s.aliases = known + [x IN row.aliases WHERE NOT x IN known],
      s.name = CASE WHEN row.curated THEN row.name ELSE coalesce(s.name, row.name) END,
      s.name_en = CASE WHEN row.curated THEN row.name_en ELSE coalesce(s.name_en, row.name_en) END,
      s.wikidata = CASE WHEN row.curated AND row.wikidata IS NOT NULL THEN row.wikidata
                        ELSE coalesce(s.wikidata, row.wikidata) END
}
CALL () {
  UNWIND $organisations AS row
  MERGE (o:Organisation {id: row.id})
  WITH o, row, coalesce(o.aliases, []) AS known
  SET o.name = CASE WHEN row.curated THEN row.name ELSE coalesce(o.name, row.name) END,
      o.acronym = CASE WHEN row.curated THEN row.acronym ELSE coalesce(o.acronym, row.acronym) END,
      o.wikidata = CASE WHEN row.curated AND row.wikidata IS NOT NULL THEN row.wikidata
                        ELSE coalesce(o.wikidata, row.wikidata) END,
      o.aliases = COLLECT { UNWIND known + row.aliases AS x RETURN DISTINCT x ORDER BY x }
}
CALL () {
  UNWIND $people AS row
  MERGE (p:Person {id: row.id})
  WITH p, row, coalesce(p.aliases, []) AS known
  SET p.name = CASE WHEN row.curated THEN row.name ELSE coalesce(p.name, row.name) END,
      p.wikidata = coalesce(p.wikidata, row.wikidata),
      p.aliases = COLLECT { UNWIND known + row.aliases AS x RETURN DISTINCT x ORDER BY x }
}
CALL () {
  UNWIND $mention_states AS row
  MATCH (a:Article {id: row.article})
  MATCH (x:State {iso3: row.key})
  MERGE (a)-[:MENTIONS]->(x)
}
CALL () {
  UNWIND $mention_organisations AS row
  MATCH (a:Article {id: row.article})
  MATCH (x:Organisation {id: row.key})
  MERGE (a)-[:MENTIONS]->(x)
}
CALL () {
  UNWIND $mention_people AS row
  MATCH (a:Article {id: row.article})
  MATCH (x:Person {id: row.key})
  MERGE (a)-[:MENTIONS]->(x)
}
CALL () {
  UNWIND $holds_state AS row
  MATCH (p:Person {id: row.person})
  MATCH (t:State {iso3: row.target})
  MERGE (p)-[h:HOLDS {title: row.title}]->(t)
  SET h.since = coalesce(h.since, row.since), h.until = coalesce(h.until, row.until)
}
CALL () {
  UNWIND $holds_organisation AS row
  MATCH (p:Person {id: row.person})
  MATCH (t:Organisation {id: row.target})
  MERGE (p)-[h:HOLDS {title: row.title}]->(t)
  SET h.since = coalesce(h.since, row.since), h.until = coalesce(h.until, row.until)
}
