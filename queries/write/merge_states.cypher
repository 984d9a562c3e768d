// States of a batch. Parameters: $rows: [{iso3, name, name_en, wikidata, curated}]
// Gazetteer values (curated = true) win; otherwise the first value written is kept, so re-ingesting changes nothing.
UNWIND $rows AS row
MERGE (s:State {iso3: row.iso3})
SET s.name = CASE WHEN row.curated THEN row.name ELSE coalesce(s.name, row.name) END,
    s.name_en = CASE WHEN row.curated THEN row.name_en ELSE coalesce(s.name_en, row.name_en) END,
    s.wikidata = CASE WHEN row.curated AND row.wikidata IS NOT NULL THEN row.wikidata
                      ELSE coalesce(s.wikidata, row.wikidata) END
