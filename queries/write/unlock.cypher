// The write locks of a transaction, removed as its last statement: Neo4j keeps a deleted node's lock until the
// commit, so a concurrent writer waiting in lock.cypher still waits for this transaction, and WriteLock nodes no
// longer pile up (there were 17,105 for 15,210 articles). Parameters: $keys, the same list as lock.cypher.
UNWIND $keys AS key
MATCH (l:WriteLock {key: key})
DELETE l
