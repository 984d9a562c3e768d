// Organisations of a batch. Parameters: $rows: [{id, name, acronym, aliases, wikidata, curated}]
// Gazetteer values (curated = true) win; otherwise the first value written is kept; aliases accumulate, each once.
UNWIND $rows AS row
MERGE (o:Organisation {id: row.id})
WITH o, row, coalesce(o.aliases, []) AS known
SET o.name = CASE WHEN row.curated THEN row.name ELSE coalesce(o.name, row.name) END,
    o.acronym = CASE WHEN row.curated THEN row.acronym ELSE coalesce(o.acronym, row.acronym) END,
    o.wikidata = CASE WHEN row.curated AND row.wikidata IS NOT NULL THEN row.wikidata
                      ELSE coalesce(o.wikidata, row.wikidata) END,
    o.aliases = known + [x IN row.aliases WHERE NOT x IN known]
