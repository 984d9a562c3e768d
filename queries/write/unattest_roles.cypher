// Remove the attestations of posts by retracted (or replaced) articles: their ATTESTS relationships are deleted and
// the HOLDS.attested days of the posts they named are read again from the attestations left; a post no article
// attests any more keeps only what the gazetteer says of it. Runs before retract_articles.cypher, in the same
// transaction. Parameters: $ids: article ids.
UNWIND $ids AS id
MATCH (:Article {id: id})-[x:ATTESTS]->(p:Person)
WITH p, x.title AS title, x.of AS target, collect(x) AS gone
FOREACH (x IN gone | DELETE x)
WITH DISTINCT p, title, target
MATCH (p)-[h:HOLDS {title: title}]->(t)
WHERE (t:State AND t.iso3 = target) OR (t:Organisation AND t.id = target)
WITH h, COLLECT { MATCH (:Article)-[y:ATTESTS {title: title, of: target}]->(p) RETURN y.day AS day ORDER BY day } AS days
// Distinct days by comparing sorted neighbours, not DISTINCT inside COLLECT {} (see attest_roles.cypher).
SET h.attested = [i IN range(0, size(days) - 1) WHERE i = 0 OR days[i] <> days[i - 1] | days[i]]
RETURN count(h) AS unattested
