"""Events: the PLOVER ontology (types, modes, contexts, scores) and CAMEO conversion."""
