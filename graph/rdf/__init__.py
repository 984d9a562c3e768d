"""RDF export of the graph in public vocabularies (SEM, W3C ORG, FOAF, schema.org, PROV-O, dcterms, SKOS)."""
