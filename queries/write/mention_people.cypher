// (Article)-[:MENTIONS]->(Person) for a batch. Parameters: $rows: [{article, key}] (key = the Person's id)
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (x:Person {id: row.key})
MERGE (a)-[:MENTIONS]->(x)
