// Write locks of one transaction, taken first and in sorted order (deadlocks are retried by execute_write).
// Parameters: $keys: sorted list of lock keys ("meeting:2024-02", "meeting:undated", "text:<sha1>", "evidence:<sha1>").
// SET takes the node's exclusive lock even though the value does not change, so a second writer with a common key
// waits here until the first commits, and then sees its meetings and articles.
UNWIND $keys AS key
MERGE (l:WriteLock {key: key})
SET l.held = true
