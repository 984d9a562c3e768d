// People of a batch. Parameters: $rows: [{id, name, aliases, wikidata, curated}]
// Gazetteer names (curated = true) win; otherwise the first name written is kept; aliases accumulate, each once.
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
WITH p, row, coalesce(p.aliases, []) AS known
SET p.name = CASE WHEN row.curated THEN row.name ELSE coalesce(p.name, row.name) END,
    p.wikidata = coalesce(p.wikidata, row.wikidata),
    p.aliases = known + [x IN row.aliases WHERE NOT x IN known]
