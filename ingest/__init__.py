"""ingest: text in, Extraction out. Never touches the database."""
