"""Criticism by naming: a naming verb with a condemning complement is ACCUSE (round 2)."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,src,tgt", [
    ("Tokyo called the Chinese proposal unacceptable.", "JPN", "CHN"),
    ("Iran called the US strike an act of aggression.", "IRN", "USA"),
    ("Trump called the Iranian deal lousy.", "USA", "IRN"),
    ("Seoul called the North Korean missile launch a grave provocation.", "KOR", "PRK"),
])
def test_naming_with_a_condemning_complement_is_criticism(text, src, tgt):
    assert any(c == "ACCUSE" and src in s and tgt in t for c, s, t in coded(text))


@pytest.mark.parametrize("text,src", [
    ("India described the attacks as a dastardly act.", "IND"),
    ("Beijing branded the sanctions a breach of international law.", "CHN"),
    ("The Chinese foreign ministry labelled the visit irresponsible.", "CHN"),
])
def test_described_as_or_branded_is_criticism(text, src):
    assert any(c == "ACCUSE" and src in s for c, s, _ in coded(text))


@pytest.mark.parametrize("text", [
    "Germany described the talks with France as constructive.",
    "Kenya called the agreement with Uganda a historic step.",
    "Brazil described the meeting with Argentina as productive.",
    "The sanctions were described as illegal.",
    "Japan called the Chinese ambassador to discuss the dispute.",
])
def test_other_namings_are_not_criticism(text):
    assert "ACCUSE" not in [c for c, _, _ in coded(text)]
