// (Article)-[:MENTIONS]->(State) for a batch. Parameters: $rows: [{article, key}] (key = the State's iso3)
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (x:State {iso3: row.key})
MERGE (a)-[:MENTIONS]->(x)
