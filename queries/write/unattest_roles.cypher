// Remove the attestations of posts by retracted (or replaced) articles: each article's id and day leave
// HOLDS.attested_in / attested_on, and HOLDS.attested is recomputed; a post no article attests any more keeps only
// what the gazetteer says of it. Runs before retract_articles.cypher, in the same transaction.
// Parameters: $ids: article ids.
MATCH ()-[h:HOLDS]->()
WHERE any(id IN coalesce(h.attested_in, []) WHERE id IN $ids)
WITH h, h.attested_in AS ins, coalesce(h.attested_on, []) AS ons
WITH h, [i IN range(0, size(ins) - 1) WHERE NOT ins[i] IN $ids | {article: ins[i], day: ons[i]}] AS pairs
SET h.attested_in = [pair IN pairs | pair.article],
    h.attested_on = [pair IN pairs | pair.day],
    h.attested = COLLECT { UNWIND pairs AS pair WITH DISTINCT pair.day AS day RETURN day ORDER BY day }
RETURN count(h) AS unattested
