"""dyad_quotes: a cue inside a relative clause whose pronoun is the subject of the reported clause
(dyad.nlp.quote_relatives.relative_report), on sentences written for the test: the content is
the pronoun and the clause after the cue, never the speaker and cue between them."""

from __future__ import annotations

import pytest

from tests.quote_helpers import found, nlp  # noqa: F401  (nlp is a fixture)

pytestmark = pytest.mark.slow


def test_quotes_relative_report_which_and_clause(nlp):
    quotes = found(nlp, "The council approved the test, which officials claimed allows the city to save money.")
    claimed = sorted(q[0] for q in quotes if q[2] == "claimed")
    assert claimed == ["allows the city to save money", "which"]
    assert {q[1] for q in quotes if q[2] == "claimed"} == {"officials"}


def test_quotes_relative_report_who_and_clause(nlp):
    quotes = found(nlp, "The senator, who aides say will run again, declined to comment.")
    assert sorted(q[0] for q in quotes if q[2] == "say") == ["who", "will run again"]
    assert ("to comment", "The senator", "declined") in quotes


def test_quotes_relative_report_that_leaves_speaker_out(nlp):
    quotes = found(nlp, "The plan includes a provision that critics say could hurt small farms.")
    assert quotes == [("could hurt small farms", "critics", "say")]


def test_quotes_relative_report_object_pronoun_is_not_split(nlp):
    # the pronoun is the object inside the reported clause, which has its own subject
    quotes = found(nlp, "She kept a private diary, which she believed only she could read.")
    assert all(q[0] != "which" for q in quotes)
