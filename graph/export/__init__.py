"""Format-neutral export: the filtered graph read section by section (`core`), written as RDF (graph/rdf/),
a CSV table of meetings (`table`) or a GEXF/GraphML network (`network`)."""
