"""`dyad_quotes` on contents apart from their cue: a relative pronoun, a free relative equated by a
copula, a pro-form ("so", "as much"), the noun a relative clause without a pronoun hangs on."""

from __future__ import annotations

import pytest

from tests.quote_helpers import found, nlp  # noqa: F401  (nlp is a fixture)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, speaker, cue", [
    ("Cross-selling was part of the strategy, which the bank detailed in its filings.", "the bank", "detailed"),
    ("The council passed the budget, which the mayor praised on Tuesday.", "the mayor", "praised"),
    ("Officials dropped the plan, which critics had denounced for months.", "critics", "denounced"),
])
def test_nlp_quote_relative_pronoun_is_the_content(nlp, text, speaker, cue):
    assert ("which", speaker, cue) in found(nlp, text)


@pytest.mark.parametrize("text, speaker", [
    ("That is what the union now hopes.", "the union"),
    ("That was what the mayor said when she resigned from the council.", "the mayor"),
    ("This is what the minister promised.", "the minister"),
])
def test_nlp_quote_free_relative_equated_by_a_copula(nlp, text, speaker):
    quotes = found(nlp, text)
    assert [(q, s) for q, s, _cue in quotes] == [("what", speaker)]


def test_nlp_quote_free_relative_subject_reports_the_complement(nlp):
    text = "What the minister has seen instead are the charts of a warming planet."
    assert found(nlp, text) == [("the charts of a warming planet", "the minister", "seen")]


def test_nlp_quote_free_relative_in_a_comparison_is_no_report(nlp):
    assert found(nlp, "Her support still lags below what she wants.") == []


@pytest.mark.parametrize("text, content, speaker", [
    ("He doesn't think so.", "so", "He"),
    ("I hope so.", "so", "I"),
    ("The aide said as much in an interview on Monday.", "as much", "The aide"),
])
def test_nlp_quote_pro_form_stands_for_the_content(nlp, text, content, speaker):
    assert [(q, s) for q, s, _cue in found(nlp, text)] == [(content, speaker)]


@pytest.mark.parametrize("text, content, speaker", [
    ("The things the governor wants are expensive.", "The things", "the governor"),
    ("Those are numbers any voter can understand.", "numbers", "any voter"),
])
def test_nlp_quote_gapped_relative_reports_its_noun(nlp, text, content, speaker):
    assert [(q, s) for q, s, _cue in found(nlp, text)] == [(content, speaker)]


@pytest.mark.parametrize("text", ["That is the reason she believes.", "That was the moment he knew."])
def test_nlp_quote_relative_clause_on_a_when_or_why_noun_reports_nothing(nlp, text):
    assert found(nlp, text) == []
