"""Neo4j Browser files (guide, style, saved queries), shipped as package data and served at /browser/ by the API."""
