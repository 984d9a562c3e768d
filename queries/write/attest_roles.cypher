// Posts named by an article carry the article's day: HOLDS.attested lists the days (YYYY-MM-DD) of the articles
// that name the post, HOLDS.attested_in their ids, so "what post did X hold on D" is answerable from text as well
// as from the gazetteer's since/until. Runs after merge_entities.cypher; sets nothing when already recorded.
// Parameters: $rows: [{person, target (ISO3 or organisation id), title (normalised), article, day}]
UNWIND $rows AS row
MATCH (p:Person {id: row.person})-[h:HOLDS {title: row.title}]->(t)
WHERE (t:State AND t.iso3 = row.target) OR (t:Organisation AND t.id = row.target)
WITH h, row
WHERE NOT row.article IN coalesce(h.attested_in, [])
SET h.attested_in = coalesce(h.attested_in, []) + row.article,
    h.attested = CASE WHEN row.day IN coalesce(h.attested, []) THEN h.attested
                      ELSE coalesce(h.attested, []) + row.day END
RETURN count(h) AS attested
