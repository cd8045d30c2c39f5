"""Dyad's NLP stage: a spaCy pipeline whose components attach records to the Doc.

Must not import SQL or the store (a test checks it).
"""
