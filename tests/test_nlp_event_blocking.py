"""Who blocks decides what blocking is: an authority blocking a decision or a text vetoes it (REJECT),
an authority blocking anything else restricts (COERCE), and only a crowd blocking roads protests
(PROTEST obstruct). Sentences written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import categories, coded, coded_denied


@pytest.mark.parametrize("text, category, source", [
    ("Austria blocked the Schengen enlargement plan at a meeting of interior ministers on Thursday.", "REJECT", "AUT"),
    ("Bulgaria's government blocked North Macedonia's bid to open accession talks on Tuesday.", "REJECT", "BGR"),
    ("China blocked a Security Council statement on the missile launch on Friday.", "REJECT", "CHN"),
    ("Turkey's telecoms regulator blocked access to Wikipedia on Saturday.", "COERCE", "TUR"),
    ("The Egyptian army blocked fuel convoys from entering the Sinai on Sunday.", "COERCE", "EGY"),
])
def test_an_authority_blocking_a_decision_vetoes_it_and_anything_else_restricts(text, category, source):
    found = [s for c, s, _ in coded(text) if c == category]
    assert found and source in found[0]
    assert "PROTEST" not in categories(text)


def test_a_denied_blockade_of_aid_is_a_negated_restriction():
    events = coded_denied("Myanmar's junta denied on Monday that it was blocking relief supplies to Rakhine.")
    assert any(c == "COERCE" and "MMR" in s and negated for c, s, _, negated in events)


@pytest.mark.parametrize("text", [
    "Striking truck drivers blocked the main highway into Lima on Wednesday.",
    "Hundreds of Kenyan demonstrators blocked roads in Nairobi on Tuesday.",
])
def test_a_crowd_blocking_roads_still_protests(text):
    assert "PROTEST" in categories(text)
    assert "REJECT" not in categories(text) and "COERCE" not in categories(text)
