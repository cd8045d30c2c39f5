""""Both sides", "the two sides" and "each side" stand for the pair named before them, and "each
side blamed the other" is a mutual act. Sentences written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded as _events


@pytest.mark.parametrize("text, a, b", [
    ("Thailand and Cambodia agreed to a truce on Monday, though each side accused the other of firing first.",
     "THA", "KHM"),
    ("Serbia and Kosovo met in Brussels, and both sides blamed each other for the stalemate.", "SRB", "XKX"),
    ("Sudan and South Sudan reopened the border crossing, but either side blamed the other for the delays.",
     "SDN", "SSD"),
])
def test_each_side_blaming_the_other_is_mutual_accusation(text, a, b):
    events = _events(text)
    assert ("ACCUSE", {a}, {b}) in events and ("ACCUSE", {b}, {a}) in events


def test_one_named_side_is_no_pair():
    events = _events("Japan and China held talks in Tokyo, and the Chinese side accused Japan of provocations.")
    assert ("ACCUSE", {"CHN"}, {"JPN"}) in events
    assert ("ACCUSE", {"JPN"}, {"CHN"}) not in events

