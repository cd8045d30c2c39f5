"""A page's label before a headline ("Fact check: No, ...", "ANALYSIS: ...") stands apart from the
headline, so the headline's verb is read as an act, not as a modifier of the label. Sentences written
for this rule."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded_denied


@pytest.mark.parametrize("text, event", [
    ("Fact check: No, Turkey has not closed its airspace to Israeli planes",
     ("SANCTION", {"TUR"}, {"ISR"}, True)),
    ("Fact check: No, Brazil has not expelled Venezuela's ambassador", ("SANCTION", {"BRA"}, {"VEN"}, True)),
    ("FACT CHECK: No, Egypt did not recall its ambassador from Ethiopia", ("SANCTION", {"EGY"}, {"ETH"}, True)),
])
def test_a_labelled_headline_is_coded(text, event):
    assert event in coded_denied(text)


def test_a_label_inside_a_page_after_a_line_break():
    text = "Related articles\nFact check: No, Morocco has not expelled Algeria's ambassador\nMore news"
    assert ("SANCTION", {"MAR"}, {"DZA"}, True) in coded_denied(text)


@pytest.mark.parametrize("text", [
    "Fact check:",
    "Analysis: ",
    "Update:\n",
])
def test_a_label_alone_is_no_error(text):
    assert coded_denied(text) == []

