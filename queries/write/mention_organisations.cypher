// (Article)-[:MENTIONS]->(Organisation) for a batch. Parameters: $rows: [{article, key}] (key = the Organisation's id)
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (x:Organisation {id: row.key})
MERGE (a)-[:MENTIONS]->(x)
