// Remove the attestations of posts by retracted (or replaced) articles: each article's id and day leave
// HOLDS.attested_in / attested_on, and HOLDS.attested is recomputed; a post no article attests any more keeps only
// what the gazetteer says of it. Runs before retract_articles.cypher, in the same transaction.
// Parameters: $ids: article ids.
MATCH ()-[h:HOLDS]->()
WHERE any(id IN coalesce(h.attested_in, []) WHERE id IN $ids)
WITH h, h.attested_in AS ins, coalesce(h.attested_on, []) AS ons
WITH h, [i IN range(0, size(ins) - 1) WHERE NOT ins[i] IN $ids | {article: ins[i], day: ons[i]}] AS pairs
// Distinct days by comparing sorted neighbours, not DISTINCT inside COLLECT {} (see attest_roles.cypher).
WITH h, pairs, COLLECT { UNWIND pairs AS pair RETURN pair.day AS day ORDER BY day } AS days
SET h.attested_in = [pair IN pairs | pair.article],
    h.attested_on = [pair IN pairs | pair.day],
    h.attested = [i IN range(0, size(days) - 1) WHERE i = 0 OR days[i] <> days[i - 1] | days[i]]
RETURN count(h) AS unattested
