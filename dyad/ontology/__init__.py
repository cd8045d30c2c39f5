"""Dyad's ontology: data files and their loaders (actors, PLOVER, CAMEO crosswalk, lexicons).

Only loading and lookup live here; the data is in ``dyad/ontology/data/``.
"""
