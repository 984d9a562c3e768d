// Posts named by an article carry the article's day: one (Article)-[:ATTESTS {title, of, day}]->(Person) per article
// and post (`of` is the post's State ISO3 or Organisation id, `title` the HOLDS title, `day` YYYY-MM-DD), and
// HOLDS.attested, the sorted distinct days of the post's attestations, so "what post did X hold on D" is answerable
// from text as well as from the gazetteer's since/until. One relationship per article instead of lists on HOLDS
// (which every article naming a post rewrote whole, a cost that grew with the post's articles): a write adds its
// own relationships and touches HOLDS.attested only when it brings a day the post did not have. An article named
// again (a corrected version) replaces its own day; the post's days are then read again from its attestations.
// Rows are grouped by post first, so several articles of one batch naming one post all count.
// Runs after merge_entities.cypher, whose SET on every HOLDS of the batch already holds the post's write lock, so
// HOLDS.attested read here is the latest committed and no concurrent writer loses a day.
// Parameters: $rows: [{person, target (ISO3 or organisation id), title (normalised), article, day}]
UNWIND $rows AS row
MATCH (p:Person {id: row.person})-[h:HOLDS {title: row.title}]->(t)
WHERE (t:State AND t.iso3 = row.target) OR (t:Organisation AND t.id = row.target)
MATCH (a:Article {id: row.article})
MERGE (a)-[x:ATTESTS {title: row.title, of: row.target}]->(p)
WITH h, p, row, x, x.day AS before
SET x.day = row.day
WITH h, p, row.title AS title, row.target AS target, collect(row.day) AS days,
     count(CASE WHEN before <> row.day THEN 1 END) > 0 AS replaced, coalesce(h.attested, []) AS known
WITH h, CASE
          // a day replaced: the post's days from all its attestations (rare: corrected versions only)
          WHEN replaced THEN COLLECT { MATCH (:Article)-[y:ATTESTS {title: title, of: target}]->(p)
                                       RETURN y.day AS day ORDER BY day }
          WHEN all(day IN days WHERE day IN known) THEN null
          ELSE COLLECT { UNWIND known + days AS day RETURN day ORDER BY day }
        END AS sorted
WHERE sorted IS NOT NULL
// Duplicates dropped by comparing sorted neighbours: DISTINCT inside COLLECT {} costs Neo4j memory that grows much
// faster than the list (see docs/benchmarks.md, writer transaction memory).
SET h.attested = [i IN range(0, size(sorted) - 1) WHERE i = 0 OR sorted[i] <> sorted[i - 1] | sorted[i]]
RETURN count(h) AS attested
