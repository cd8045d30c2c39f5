"""A speech act's unplaced source does not take the state of the party it speaks of (round 2)."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,foreign", [
    ("Prosecutors filed charges against the Russian hackers.", "RUS"),
    ("Officials accused the Chinese spies of stealing secrets.", "CHN"),
    ("The ministry demanded that the Iranian sailors leave.", "IRN"),
])
def test_state_body_is_not_of_the_accused_state(text, foreign):
    events = coded(text)
    assert events
    assert not any(foreign in s for _, s, _ in events)


@pytest.mark.parametrize("text,state", [
    ("Rebels demanded that Burundi's government release prisoners.", "BDI"),
    ("Opposition leaders demanded that the Kenyan government resign.", "KEN"),
    ("Protesters demanded that the Nigerian police free the students.", "NGA"),
])
def test_private_group_confronting_its_government_keeps_that_state(text, state):
    assert any(state in s for _, s, _ in coded(text))


@pytest.mark.parametrize("text,state", [
    ("Russian forces shelled Ukrainian villages.", "RUS"),
    ("Police arrested Russian protesters in Moscow.", "RUS"),
    ("Gunmen killed three Iraqi soldiers near Mosul.", "IRQ"),
])
def test_physical_acts_are_placed_as_before(text, state):
    assert any(state in s for _, s, _ in coded(text))
