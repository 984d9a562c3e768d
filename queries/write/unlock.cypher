// Remove the write locks of this transaction (queries/write/lock.cypher) just before it commits, so WriteLock
// nodes never outlive a transaction and never show among the graph's labels (issue #16).
// The exclusive locks stay held until the commit even so: a second writer's MERGE on the same key waits on the
// unique constraint's index entry until then, and then creates (and removes) its own node.
// Parameters: $keys: the keys given to write/lock.
UNWIND $keys AS key
MATCH (l:WriteLock {key: key})
DELETE l
