"""`dyad_quotes` on cue shapes the parse gets half right: words fronted before an inverted cue, an
aim right after its cue, a cue verb tagged as a noun, a "with" clause closing a content, verbs of
knowing with their preposition, adjectives with an infinitive, headline cues after a plural
speaker, and curly quotations nested in curly ones."""

from __future__ import annotations

import pytest

from dyad.nlp.quote_marks import find_direct_spans
from tests.quote_helpers import found, nlp  # noqa: F401  (nlp is a fixture)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, content, speaker", [
    ("People like Scott, he said.", "People like Scott", "he"),
    ("Probably a bad idea, she added.", "Probably a bad idea", "she"),
])
def test_nlp_quote_fronted_words_before_an_inverted_cue(nlp, text, content, speaker):
    assert [(q, s) for q, s, _cue in found(nlp, text)] == [(content, speaker)]


def test_nlp_quote_fronted_circumstance_is_not_the_content(nlp):
    quotes = found(nlp, "Last month, the FBI warned states to boost their security.")
    assert [q for q, _s, _c in quotes] == ["states to boost their security"]


@pytest.mark.parametrize("text, content", [
    ("Trump spoke to oil executives, promising to lift the rules, not what Graham had in mind.", "to lift the rules"),
    ("The mayor spoke to reporters, vowing to rebuild the bridge within a year.", "to rebuild the bridge"),
    ("The government could reverse the rules or decline to appeal to the Supreme Court.",
     "to appeal to the Supreme Court"),
])
def test_nlp_quote_aim_right_after_an_intention_verb(nlp, text, content):
    assert any(q.startswith(content) for q, _s, _c in found(nlp, text))


@pytest.mark.parametrize("text, content, speaker", [
    ("The Clinton campaign plans to employ Mr. Obama in the coming weeks.",
     "to employ Mr. Obama in the coming weeks", "The Clinton campaign"),
    ("Secrecy is not a stranger when it comes to her health issues, the candidate’s former doctor maintains.",
     "Secrecy is not a stranger when it comes to her health issues", "doctor"),
])
def test_nlp_quote_cue_verb_tagged_as_a_noun(nlp, text, content, speaker):
    assert (content, speaker) in [(q, s) for q, s, _c in found(nlp, text)]


@pytest.mark.parametrize("text, inner", [
    ("“As a voter, I’d rather live in what he calls “hell” than vote for him.” ― Ana Ruiz", "“hell”"),
    ("“They said “no” twice, and we moved on,” the coach said.", "“no”"),
])
def test_nlp_quote_curly_quotation_nested_in_a_curly_one(text, inner):
    spans = find_direct_spans(text)
    assert len(spans) == 1 and inner in text[spans[0].start:spans[0].end]


def test_nlp_quote_unclosed_nested_mark_falls_back_to_the_first_close():
    text = "“He said “no and left,” she wrote."
    assert [text[s.start:s.end] for s in find_direct_spans(text)] == ["He said “no and left,"]


@pytest.mark.parametrize("text, content", [
    ("The report examines the agency's record on refugees and climate change, with experts offering their "
     "assessments.", "the agency's record on refugees and climate change"),
    ("The minister said talks would continue, with both envoys expected to return next week.",
     "talks would continue"),
    ("The senator criticized the plan, with its costs rising every year.", "the plan"),
])
def test_nlp_quote_with_clause_after_a_comma_ends_the_content(nlp, text, content):
    assert content in [q for q, _s, _c in found(nlp, text)]
    assert not any("with" in q for q, _s, _c in found(nlp, text))


@pytest.mark.parametrize("text, content, cue", [
    ("I believe in the good sense of the American people.", "the good sense of the American people", "believe in"),
    ("The officials only learned of the arrangements on Friday.", "the arrangements", "learned of"),
    ("Republicans are wondering about his ability to continue.", "his ability to continue", "wondering about"),
])
def test_nlp_quote_verbs_of_knowing_with_their_preposition(nlp, text, content, cue):
    assert [(q, c) for q, _s, c in found(nlp, text)] == [(content, cue)]


@pytest.mark.parametrize("text, content, cue", [
    ("Some senators were willing to back a smaller bill.", "to back a smaller bill", "willing"),
    ("The president is determined to warn voters about the risks.", "to warn voters about the risks", "determined"),
    ("The union was eager to resume talks with the company.", "to resume talks with the company", "eager"),
])
def test_nlp_quote_attitude_adjective_with_an_infinitive(nlp, text, content, cue):
    assert [(q, c) for q, _s, c in found(nlp, text)] == [(content, cue)]


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’\n\nThe text.",
     "Donald Trump As A ‘Disgusting Fraud", "Black Lawmakers", "Rip"),
    ("Union Leaders Vow To Fight New Pension Rules\n\nThe text.", "To Fight New Pension Rules", "Union Leaders", "Vow"),
    ("Frustrated Parents Demand Better Funding For Public Schools\n\nThe text.",
     "Better Funding For Public Schools", "Frustrated Parents", "Demand"),
])
def test_nlp_quote_headline_cue_after_a_plural_speaker(nlp, text, content, speaker, cue):
    assert (content, speaker, cue) in found(nlp, text)
