// The store id, part of the graph's version (graph/version.py): the rest of the version is the bookmark Neo4j
// returns at the end of this read transaction, which names the last committed write. One row.
CALL db.info() YIELD id
RETURN id AS store
