// Articles of a batch, one execution per row so that each sees the ones written before it; repost detection.
// Parameters: $rows: [{id, url, title, title_from_text, outlet, author, published, text_sha1, fingerprint,
//   ingested_at (ISO 8601 text)}]
// `ingested_at` is set on creation only, so re-ingesting changes no value. Metadata (url, title, outlet, author,
// published) is never erased by a report that lacks it: a missing value keeps the known one, a first value fills it in, and a
// different value is a conflict: the known value stays and `a.conflicts` lists the other ("published: 2024-03-01"),
// each once. A title taken from the text's first paragraph (title_from_text) is a guess: it only fills a missing
// title, the document's own title replaces it, and it never conflicts. A NEW article whose cleaned text
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
  WITH row, a, is_new, coalesce(a.title_from_text, false) AS known_guess, row.title_from_text AS guess
  WITH row, a, is_new, guess, a.title IS NULL OR (known_guess AND NOT guess AND row.title IS NOT NULL) AS retitle,
       [f IN [['url', a.url, row.url], ['outlet', a.outlet, row.outlet], ['author', a.author, row.author],
              ['published', a.published, row.published]]
                 + CASE WHEN known_guess OR guess THEN [] ELSE [['title', a.title, row.title]] END
        WHERE f[1] IS NOT NULL AND f[2] IS NOT NULL AND f[1] <> f[2] | f[0] + ': ' + f[2]] AS clashes
  SET a.url = coalesce(a.url, row.url), a.outlet = coalesce(a.outlet, row.outlet),
      a.author = coalesce(a.author, row.author),
      a.published = coalesce(a.published, row.published),
      a.title = CASE WHEN retitle THEN row.title ELSE a.title END,
      a.title_from_text = CASE WHEN retitle AND row.title IS NOT NULL AND guess THEN true
                               WHEN retitle THEN null ELSE a.title_from_text END,
      a.text_sha1 = coalesce(row.text_sha1, a.text_sha1), a.fingerprint = coalesce(row.fingerprint, a.fingerprint),
      a.conflicts = CASE WHEN size(clashes) = 0 THEN a.conflicts
                         ELSE coalesce(a.conflicts, []) + [c IN clashes WHERE NOT c IN coalesce(a.conflicts, [])] END
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
