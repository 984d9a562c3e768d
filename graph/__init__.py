"""graph: everything that touches Neo4j (settings, schema, writer, local server, RDF export)."""
