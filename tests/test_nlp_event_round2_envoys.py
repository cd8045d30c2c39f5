"""A state's own envoy stands for the state it is posted to (round 2)."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,src,tgt", [
    ("France recalled its ambassador to Australia.", "FRA", "AUS"),
    ("Canada recalled its ambassador from Saudi Arabia.", "CAN", "SAU"),
    ("Germany recalled its envoy to Russia for consultations.", "DEU", "RUS"),
    ("The Netherlands recalled its ambassador in Turkey after the row.", "NLD", "TUR"),
])
def test_recalling_own_envoy_targets_the_host_state(text, src, tgt):
    events = coded(text)
    assert any(src in s and tgt in t for _, s, t in events)
    assert not any(src in t for _, _, t in events)


@pytest.mark.parametrize("text,src,tgt", [
    ("Britain expelled the Russian ambassador.", "GBR", "RUS"),
    ("Poland summoned the Belarusian envoy over the border incident.", "POL", "BLR"),
    ("Ukraine expelled Iran's ambassador to Kyiv.", "UKR", "IRN"),
])
def test_another_states_envoy_is_that_state(text, src, tgt):
    assert any(src in s and tgt in t for _, s, t in coded(text))
