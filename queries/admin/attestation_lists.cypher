// Graphs written before ATTESTS kept the articles naming a post in lists on the post, HOLDS.attested_in (article
// ids) and HOLDS.attested_on (their days, position by position): each becomes an
// (Article)-[:ATTESTS {title, of, day}]->(Person) as queries/write/attest_roles.cypher writes it, and the lists go
// (HOLDS.attested, the distinct days, stays). Runs from `apply_schema` in an auto-commit transaction; running it
// again changes nothing. Returns: posts converted.
MATCH (p:Person)-[h:HOLDS]->(t)
WHERE h.attested_in IS NOT NULL
CALL (p, h, t) {
  CALL (p, h, t) {
    WITH p, h, CASE WHEN t:State THEN t.iso3 ELSE t.id END AS target, h.attested_in AS ins,
         coalesce(h.attested_on, []) AS ons
    UNWIND range(0, size(ins) - 1) AS i
    MATCH (a:Article {id: ins[i]})
    MERGE (a)-[x:ATTESTS {title: h.title, of: target}]->(p)
    SET x.day = ons[i]
  }
  REMOVE h.attested_in, h.attested_on
} IN TRANSACTIONS OF 100 ROWS
RETURN count(*) AS converted
