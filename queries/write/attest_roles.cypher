// Posts named by an article carry the article's day: HOLDS.attested_in lists the ids of the articles that name the
// post and HOLDS.attested_on their days (YYYY-MM-DD), position by position, sorted by article id; HOLDS.attested is the sorted distinct
// days, so "what post did X hold on D" is answerable from text as well as from the gazetteer's since/until. An
// article named again (a corrected version) replaces its own day. Rows are grouped by post first, so
// several articles of one batch naming one post all count. Runs after merge_entities.cypher.
// Parameters: $rows: [{person, target (ISO3 or organisation id), title (normalised), article, day}]
UNWIND $rows AS row
MATCH (p:Person {id: row.person})-[h:HOLDS {title: row.title}]->(t)
WHERE (t:State AND t.iso3 = row.target) OR (t:Organisation AND t.id = row.target)
WITH h, collect({article: row.article, day: row.day}) AS named
WITH h, named, [pair IN named | pair.article] AS articles, coalesce(h.attested_in, []) AS ins,
     coalesce(h.attested_on, []) AS ons
WITH h, [i IN range(0, size(ins) - 1) WHERE NOT ins[i] IN articles | {article: ins[i], day: ons[i]}] + named AS pairs
// Sorted, then duplicates dropped by comparing neighbours: DISTINCT inside COLLECT {} costs Neo4j memory that grows
// much faster than the list (about 210 MiB for a post named by 750 articles), which broke the writer's transaction
// memory limit as the graph grew; ORDER BY alone stays linear.
WITH h, COLLECT { UNWIND pairs AS pair RETURN pair ORDER BY pair.article, pair.day } AS sorted
WITH h, [i IN range(0, size(sorted) - 1) WHERE i = 0 OR sorted[i] <> sorted[i - 1] | sorted[i]] AS pairs
WITH h, pairs, COLLECT { UNWIND pairs AS pair RETURN pair.day AS day ORDER BY day } AS days
SET h.attested_in = [pair IN pairs | pair.article],
    h.attested_on = [pair IN pairs | pair.day],
    h.attested = [i IN range(0, size(days) - 1) WHERE i = 0 OR days[i] <> days[i - 1] | days[i]]
RETURN count(h) AS attested
