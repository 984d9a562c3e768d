// Articles of a batch, one execution per row so that each sees the ones written before it; repost detection.
// Parameters: $rows: [{id, url, title, outlet, published, text_sha1, fingerprint, ingested_at (ISO 8601 text)}]
// `ingested_at` is set on creation only, so re-ingesting changes no value. A NEW article whose cleaned text
// (text_sha1) or evidence fingerprint equals an original already in the graph becomes
// (new)-[:REPOST_OF]->(original) (the earliest ingested, then smallest id); an article already in the graph keeps
// its status. Returns one row per article: id, repost_of (id of the original found now, or null) and is_repost
// (a repost, found now or before: its meetings are not written).
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (known:Article {id: row.id})
  WITH row, known IS NULL AS is_new
  MERGE (a:Article {id: row.id})
    ON CREATE SET a.ingested_at = datetime(row.ingested_at)
  SET a.url = row.url, a.title = row.title, a.outlet = row.outlet, a.published = row.published,
      a.text_sha1 = row.text_sha1, a.fingerprint = row.fingerprint
  WITH row, a, is_new,
       COLLECT {
         MATCH (o:Article {text_sha1: row.text_sha1})
         WHERE is_new AND o.id <> row.id AND NOT EXISTS { (o)-[:REPOST_OF]->(:Article) }
         RETURN o ORDER BY o.ingested_at, o.id
       } + COLLECT {
         MATCH (o:Article {fingerprint: row.fingerprint})
         WHERE is_new AND o.id <> row.id AND NOT EXISTS { (o)-[:REPOST_OF]->(:Article) }
         RETURN o ORDER BY o.ingested_at, o.id
       } AS originals
  FOREACH (original IN originals[0..1] | MERGE (a)-[:REPOST_OF]->(original))
  RETURN a.id AS id, [o IN originals[0..1] | o.id][0] AS repost_of,
         EXISTS { (a)-[:REPOST_OF]->(:Article) } AS is_repost
}
RETURN id, repost_of, is_repost
