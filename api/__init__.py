"""api: the FastAPI layer over the graph."""
