"""Mutual acts of jointly named sides are coded in both directions (round 2)."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,a,b", [
    ("Indian and Pakistani troops clashed along the border.", "IND", "PAK"),
    ("Ethiopian and Eritrean forces skirmished near the border.", "ETH", "ERI"),
    ("Thai and Cambodian soldiers exchanged gunfire near the temple.", "THA", "KHM"),
    ("Armenia and Azerbaijan fought each other in 2020.", "ARM", "AZE"),
])
def test_joint_fighting_is_coded_both_ways(text, a, b):
    pairs = {(src, tgt) for cat, s, t in coded(text) if cat == "ASSAULT" for src in s for tgt in t}
    assert {(a, b), (b, a)} <= pairs


@pytest.mark.parametrize("text", [
    "Russia and Ukraine traded accusations over the shelling of the plant.",
    "Russia and Ukraine accused each other of shelling the plant.",
    "Ukraine and Russia blamed one another for the attack on the dam.",
])
def test_mutual_accusations_are_coded_both_ways(text):
    pairs = {(src, tgt) for cat, s, t in coded(text) if cat == "ACCUSE" for src in s for tgt in t}
    assert {("RUS", "UKR"), ("UKR", "RUS")} <= pairs


@pytest.mark.parametrize("text", [
    "Israeli and Lebanese troops traded fire across the border.",
    "Syrian and Turkish forces traded artillery fire overnight.",
    "Greek and Turkish coast guards traded shots in the Aegean.",
])
def test_trading_fire_is_an_assault(text):
    assert [c for c, _, _ in coded(text)].count("ASSAULT") == 2


@pytest.mark.parametrize("text,src,tgt", [
    ("China clashed with Indian troops in the Galwan valley.", "CHN", "IND"),
    ("Russian forces shelled Ukrainian positions near Bakhmut.", "RUS", "UKR"),
    ("Serbia accused Kosovo of provoking the violence.", "SRB", "XKX"),
])
def test_one_sided_acts_are_not_mirrored(text, src, tgt):
    events = coded(text)
    assert any(src in s and tgt in t for _, s, t in events)
    assert not any(tgt in s and src in t for _, s, t in events)
