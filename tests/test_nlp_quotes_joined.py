"""dyad_quotes: clauses joined to a reported clause by "and"/"but" that the parser hangs on the
cue (dyad.nlp.quote_syntax.continued_report, joined_clause_start), on sentences written for the
test: a joined clause with its own subject goes on with what was said, one about the speaker or
one with a cue of its own does not; an inverted cue reports both clauses before it."""

from __future__ import annotations

import pytest

from tests.quote_helpers import found, nlp  # noqa: F401  (nlp is a fixture)

pytestmark = pytest.mark.slow


def test_quotes_joined_clause_with_own_subject_goes_on(nlp):
    text = "A union official said the plan would cut costs, and the workers weren't consulted."
    assert found(nlp, text) == [("the plan would cut costs, and the workers weren't consulted",
                                 "A union official", "said")]


def test_quotes_joined_clause_with_there_goes_on(nlp):
    text = "The coach said it was too soon to judge the injury, and there was no date for his return."
    assert found(nlp, text)[0] == ("it was too soon to judge the injury, and there was no date for his return",
                                   "The coach", "said")


def test_quotes_joined_clause_about_the_speaker_is_the_writers(nlp):
    text = "The mayor said the bridge would reopen soon, and she left the meeting early."
    quotes = found(nlp, text)
    assert quotes[0] == ("the bridge would reopen soon", "The mayor", "said")


def test_quotes_joined_clause_with_a_cue_is_a_report_of_its_own(nlp):
    text = "Farmers said the rules were unfair, and officials argued that the rules were needed."
    quotes = found(nlp, text)
    assert ("the rules were unfair", "Farmers", "said") in quotes
    assert ("that the rules were needed", "officials", "argued") in quotes


def test_quotes_inverted_cue_reports_both_joined_clauses(nlp):
    text = "The bus was supposed to wait at the corner, but the driver left without the children, a neighbor said."
    assert found(nlp, text) == [("The bus was supposed to wait at the corner, but the driver left without the children",
                                 "a neighbor", "said")]


def test_quotes_inverted_cue_joined_to_first_clause_reports_both(nlp):
    text = "The senator had promised to vote for the bill, but the party changed its mind, the aide added."
    assert found(nlp, text) == [("The senator had promised to vote for the bill, but the party changed its mind",
                                 "the aide", "added")]


def _parts(quotes):
    return sorted(q[0] for q in quotes)


def test_quotes_inserted_root_cue_reports_the_opening_too(nlp):
    quotes = found(nlp, "The new rules, the mayor said on Tuesday, will take effect next year.")
    assert _parts(quotes) == ["The new rules", "will take effect next year"]
    assert {(q[1], q[2]) for q in quotes} == {("the mayor", "said")}


def test_quotes_inserted_cue_after_a_time_phrase_reports_only_the_clause(nlp):
    quotes = found(nlp, "During the storm, the mayor said, three bridges were closed.")
    assert quotes == [("three bridges were closed", "the mayor", "said")]
