"""dyad_quotes: dependency shapes the parser half hides (dyad.nlp.quote_syntax), on sentences
written for the test: a reported clause hung as an adverbial, a verb of saying joined to the
reported clause, "urged X to ...", concessive asides, participles after an inserted cue, a
quotation split by its cue, and contents that neither open nor end on a conjunction."""

from __future__ import annotations

import pytest

from tests.quote_helpers import found, nlp  # noqa: F401  (nlp is a fixture)

pytestmark = pytest.mark.slow


def test_quotes_syntax_clause_after_a_phrase_is_reported(nlp):
    text = "The mayor said after the vote she would not sign the budget if it came to her desk."
    assert found(nlp, text) == [("she would not sign the budget if it came to her desk", "The mayor", "said")]


def test_quotes_syntax_conditional_clause_stays_whole(nlp):
    content, speaker, cue = found(nlp, "He said if the talks fail the strike will go on.")[0]
    assert (content, speaker, cue) == ("if the talks fail the strike will go on", "He", "said")


def test_quotes_syntax_verb_of_saying_joined_to_reported_clause(nlp):
    text = 'Germany said it was "deeply concerned" about the vote and warned Hungary to respect the ruling.'
    quotes = found(nlp, text)
    assert ('it was "deeply concerned" about the vote', "Germany", "said") in quotes
    assert ("Hungary to respect the ruling", "Germany", "warned") in quotes


def test_quotes_syntax_other_joined_verb_stays_in_content(nlp):
    text = "The minister said the firm lost money and closed two plants."
    assert found(nlp, text) == [("the firm lost money and closed two plants", "The minister", "said")]


def test_quotes_syntax_object_of_urge_belongs_with_the_infinitive(nlp):
    assert found(nlp, "The governor urged residents to leave the coast.") == [
        ("residents to leave the coast", "The governor", "urged")]


def test_quotes_syntax_phrasal_content_stops_at_a_joined_verb(nlp):
    quotes = found(nlp, "The farmer complained about the drought and moved on to the price of feed.")
    assert quotes[0] == ("the drought", "The farmer", "complained about")


def test_quotes_syntax_concessive_aside_is_the_writers(nlp):
    text = "She claimed that the audit was routine, although she again declined to publish the report."
    quotes = found(nlp, text)
    assert ("that the audit was routine", "She", "claimed") in quotes


def test_quotes_syntax_participle_after_inserted_cue_is_the_speakers_act(nlp):
    text = "The plan is dead, the senator said, citing the cost of the bridge."
    quotes = found(nlp, text)
    assert ("The plan is dead", "the senator", "said") in quotes
    assert ("the cost of the bridge", "the senator", "citing") in quotes


def test_quotes_syntax_quotation_split_by_its_cue_keeps_both_parts(nlp):
    text = 'Rain fell. "Frankly," the coach said, "we were lucky to win this game at all."'
    quotes = found(nlp, text)
    assert [q[0] for q in quotes] == ["Frankly", "we were lucky to win this game at all"]
    assert {q[1:] for q in quotes} == {("the coach", "said")}


def test_quotes_syntax_scare_quote_before_speaker_is_not_split(nlp):
    text = 'She went on "Meet the Press" and said "the deal is a good one for farmers."'
    assert [q[0] for q in found(nlp, text)] == ["the deal is a good one for farmers"]


def test_quotes_syntax_content_does_not_open_or_end_on_conjunction(nlp):
    quotes = found(nlp, "But the border, he said, will stay open.")
    assert [q[0] for q in quotes] == ["the border", "will stay open"]
