"""dyad.ingest reads and cleans text; it must not pull in the NLP stack or the store."""

import subprocess
import sys


def test_ingest_imports_no_nlp_or_store():
    code = ("import sys, dyad.ingest, dyad.ingest.sources, dyad.ingest.fetch, dyad.ingest.pasted; "
            "print([m for m in ('spacy', 'sqlalchemy', 'dyad.nlp', 'dyad.store') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
