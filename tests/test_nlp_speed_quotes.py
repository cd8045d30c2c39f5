"""The quotes and relations stages skip tokens and sentences that cannot start a frame or a
statement; skipping must not change what they find. Each test runs the stage with the pre-filter
and with it switched off (every token, every finder on every sentence) on sentences written for
the test, and compares."""

from __future__ import annotations

import pytest

from dyad.nlp.quote_marks import find_direct_spans
from dyad.ontology.relations import relation_lexicon
from tests.quote_helpers import nlp  # noqa: F401  (the quotes-only pipeline fixture)

QUOTE_TEXT = (
    "The minister said on Monday that the border would reopen. \"We are ready,\" she told reporters. "
    "According to two diplomats, the talks stalled. As several analysts have pointed out, the deal is fragile. "
    "The union's claim that wages fell was disputed. Farmers are worried about the drought. "
    "It was reported by the agency that exports rose. The senator vowed to block the bill, "
    "and he accused the governor of lying. Critics called for an inquiry. "
    "\"Nothing has changed,\" said a spokesman, adding that talks would resume. "
    "Officials hope the rains come soon.\n\nSanders Vows To End Tax Breaks\n"
)

RELATION_TEXT = (
    "Russia and Belarus signed a defence pact in 2024. Such a relationship worries Poland. "
    "China remains a key ally of Pakistan. Trade between India and Japan reached $20 billion last year. "
    "Finland joined NATO in 2023. Turkey is a member of NATO. Iran supplied drones to Russia. "
    "India remains one of the largest buyers of Russian oil. China buys oil from Iran. "
    "Russia has become China's largest supplier of crude oil. Brazil voted against the resolution. "
    "Qatar mediated talks between Israel and Hamas. Egypt played a mediating role between Israel and Hamas. "
    "Kenya is supplying maize to Ethiopia. The weather was fine on Tuesday."
)


@pytest.fixture(scope="module")
def relations_nlp():
    pytest.importorskip("spacy")
    from tests.test_nlp_coref import build

    return build("dyad_coref", "dyad_timex", "dyad_relations")


def test_speed_quotes_candidates_lose_no_frame(nlp, monkeypatch):
    from dyad.nlp import quotes
    from dyad.nlp.quote_frames import cue_candidates

    doc = nlp(QUOTE_TEXT)
    lex = nlp.get_pipe("dyad_quotes").lexicon
    candidates = cue_candidates(doc, lex)
    assert len(candidates) < len(doc) / 2  # the point of it
    assert {t.i for t in doc if quotes._token_frames(t, lex, find_direct_spans(QUOTE_TEXT))} <= set(candidates)
    filtered = nlp(QUOTE_TEXT)._.quotes
    monkeypatch.setattr(quotes, "cue_candidates", lambda d, _lex: range(len(d)))
    assert nlp(QUOTE_TEXT)._.quotes == filtered
    assert len(filtered) >= 8


def test_speed_quotes_empty_doc_has_no_candidates(nlp):
    from dyad.nlp.quote_frames import cue_candidates

    assert cue_candidates(nlp.make_doc(""), nlp.get_pipe("dyad_quotes").lexicon) == []


@pytest.mark.parametrize("text", ["no marks at all here", "He said \"yes, we will\" and left.",
                                  "It's 'fine', they said.\n”Turned the wrong way,” she wrote", ""])
def test_speed_quotes_direct_spans_jump_to_marks(text):
    # the scan jumps from mark to mark: same spans as reading every character
    spans = find_direct_spans(text)
    assert all(text[s.open] in "“\"‘'”" for s in spans)
    assert (spans == []) == (text in ("no marks at all here", ""))


def test_speed_relations_words_of_joins_lists():
    lex = relation_lexicon()
    ties = lex.words_of(("ties",))
    assert ties and all(cue.heads <= ties for cue in lex.ties)
    assert lex.words_of(("vote_verbs", "partners")) >= lex.get("vote_verbs")
    assert lex.words_of(()) == frozenset()


def test_speed_relations_skipping_sentences_loses_no_statement(relations_nlp, monkeypatch):
    from dyad.nlp import relations
    from tests.test_nlp_coref import run

    filtered = run(relations_nlp, RELATION_TEXT)._.statements
    every = frozenset().union(*(cues for _, cues in relations_nlp.get_pipe("dyad_relations").finders))
    monkeypatch.setattr(relations, "_sentence_words", lambda doc, sents: [every] * len(sents))
    assert run(relations_nlp, RELATION_TEXT)._.statements == filtered
    kinds = {s.kind for s in filtered}
    assert {"defence_pact", "member_of", "supplier_of", "voted_against", "mediated"} <= kinds


def test_speed_relations_sentence_without_cue_words_is_skipped(relations_nlp):
    from dyad.nlp.relations import _sentence_words
    from tests.test_nlp_coref import run

    doc = run(relations_nlp, "The weather was fine on Tuesday. Iran keeps sending drones.")
    words = _sentence_words(doc, list(doc.sents))
    finders = relations_nlp.get_pipe("dyad_relations").finders
    assert [sum(not cues.isdisjoint(w) for _, cues in finders) for w in words][0] == 0
    assert {"sending", "send"} <= words[1]  # the form, its lemma, and the "-ing" stem
