"""A stance told twice in one sentence ("rejected the plan, dismissing it as ...", "condemned what it
called ...") is one speech act, the telling that names whom it is aimed at. Sentences written for
this rule."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded as _events


@pytest.mark.parametrize("text, category, source", [
    ("Seoul rejected Tokyo's proposal on Monday, dismissing it as insincere and incomplete.", "REJECT", {"KOR"}),
    ("Ankara condemned what it called a provocative visit by the Greek defence minister.", "ACCUSE", {"TUR"}),
])
def test_a_stance_told_twice_is_one_act(text, category, source):
    assert len([e for e in _events(text) if e[0] == category and e[1] == source]) == 1


def test_two_parties_stances_stay_two():
    events = _events("Kenya condemned the coup in Niger, and Nigeria denounced it as an assault on democracy.")
    assert {frozenset(e[1]) for e in events if e[0] == "ACCUSE"} >= {frozenset({"KEN"}), frozenset({"NGA"})}


@pytest.mark.parametrize("text", [
    "Kenya and Ethiopia clinched a power-trade agreement on Thursday.",
    "Egypt and Sudan sealed a water-sharing deal in Cairo.",
])
def test_a_deal_clinched_or_sealed_is_agreed(text):
    assert "AGREE" in [e[0] for e in _events(text)]
