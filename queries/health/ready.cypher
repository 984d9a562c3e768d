// Readiness probe of GET /health: a read of the store itself (not only a Bolt handshake), so a database that
// is unavailable (a panic after a full disk, recovery pending) answers an error. At most one row.
OPTIONAL MATCH (n)
WITH n LIMIT 1
RETURN count(n) AS nodes
