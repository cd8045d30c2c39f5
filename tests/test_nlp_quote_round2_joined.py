"""A second report joined past the first one's object clause gets its own content ("explored the
ideas that X and discussed how Y"); a joined act whose doer may be the clause's own subject stays."""

from __future__ import annotations

import pytest

from tests.quote_helpers import found, nlp  # noqa: F401  (fixture)

SPLIT = [
    ("The report examined the policies that weakened the currency and described how the central bank "
     "could restore confidence.", "the policies that weakened the currency", "described"),
    ("The minister criticised the measures that hurt farmers and explained how the government would "
     "compensate them.", "the measures that hurt farmers", "explained"),
    ("The study explored the treaties which shaped the region and discussed why the talks collapsed.",
     "the treaties which shaped the region", "discussed"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "first", "second_cue"), SPLIT)
def test_joined_report_after_relative_clause_is_its_own(nlp, text, first, second_cue):  # noqa: F811
    quotes = found(nlp, text)
    contents = [q[0] for q in quotes]
    assert first in contents
    assert any(q[2] == second_cue and q[1] is not None and q[0].startswith(("how", "why")) for q in quotes)


KEPT = [
    "The senator said he rated the candidates by their donations and talked about which ones he liked.",
    "Officials said the governor vetoed the bill and discussed the budget with reporters.",
    "Analysts said the firm cut jobs and explored new markets abroad.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", KEPT)
def test_act_joined_to_clause_with_own_subject_stays_in_content(nlp, text):  # noqa: F811
    said = [q for q in found(nlp, text) if q[2] == "said"]
    assert said and " and " in said[0][0]
