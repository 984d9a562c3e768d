// Synthetic graph for export tests and benchmarks (never run on real data): states, organisations, places,
// sectors and people with their posts.
// Parameters: $states [{iso3, name, name_en, wikidata}], $organisations [{id, name, acronym}],
//   $places [{id, name, state}], $sectors [name], $people [{id, name, aliases, wikidata, state, title, since}].
UNWIND $states AS row
MERGE (s:State {iso3: row.iso3}) SET s.name = row.name, s.name_en = row.name_en, s.wikidata = row.wikidata
WITH count(*) AS _
UNWIND $organisations AS row
MERGE (o:Organisation {id: row.id}) SET o.name = row.name, o.acronym = row.acronym
WITH count(*) AS _
UNWIND $places AS row
MATCH (s:State {iso3: row.state})
MERGE (pl:Place {id: row.id}) SET pl.name = row.name
MERGE (pl)-[:LOCATED_IN]->(s)
WITH count(*) AS _
UNWIND $sectors AS name
MERGE (:Sector {name: name})
WITH count(*) AS _
UNWIND $people AS row
MATCH (s:State {iso3: row.state})
MERGE (p:Person {id: row.id}) SET p.name = row.name, p.aliases = row.aliases, p.wikidata = row.wikidata
MERGE (p)-[h:HOLDS {title: row.title}]->(s) SET h.since = row.since
RETURN count(*) AS people
