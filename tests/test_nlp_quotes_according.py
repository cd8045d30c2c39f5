"""dyad_quotes: a trailing "according to X" reports the whole clause before it, and a clause joined
after it goes on with the report (dyad.nlp.quote_syntax.reported_host), on sentences written
for the test."""

from __future__ import annotations

import pytest

from tests.quote_helpers import found, nlp  # noqa: F401  (nlp is a fixture)

pytestmark = pytest.mark.slow


def test_quotes_according_after_joined_verbs_reports_both(nlp):
    report = "The city's budget stood at 200 million dollars in 1990 and has since grown to 2 billion dollars"
    assert found(nlp, report + ", according to the treasurer.") == [(report, "the treasurer", "according to")]


def test_quotes_according_then_joined_clause_is_a_second_part(nlp):
    text = "The top earners paid 30 percent of the taxes, according to the agency, and the bottom half paid 3 percent."
    assert found(nlp, text) == [("The top earners paid 30 percent of the taxes", "the agency", "according to"),
                                ("the bottom half paid 3 percent", "the agency", "according to")]


def test_quotes_according_before_the_clause_is_unchanged(nlp):
    assert found(nlp, "According to the agency, the bottom half paid 3 percent.") == [
        ("the bottom half paid 3 percent", "the agency", "According to")]
