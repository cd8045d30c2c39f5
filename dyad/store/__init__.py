"""Dyad's store: schema, migrations, one-transaction writes, full-text search.

Must not import spaCy or the NLP stage (a test checks it).
"""

from dyad.store.db import Store, StoredDocument, StoreSummary, database_url, open_store

__all__ = ["Store", "StoredDocument", "StoreSummary", "database_url", "open_store"]
