"""A condition ("if X attacked", "unless Y withdraws") is no event: nothing was done; a threat is aimed
at whoever must meet its condition, also when the threat is told in a "that" clause. Sentences
written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded as _events


@pytest.mark.parametrize("text, source, target", [
    ("Tehran warned on Monday that it would hit back hard if Israel struck its oil terminals.", {"IRN"}, {"ISR"}),
    ("Seoul warned it would resume loudspeaker broadcasts if North Korea kept sending trash balloons.",
     {"KOR"}, {"PRK"}),
    ("Beijing threatened to halt rare-earth exports unless Tokyo withdrew the remarks.", {"CHN"}, {"JPN"}),
])
def test_a_threat_is_aimed_at_whoever_meets_its_condition(text, source, target):
    events = _events(text)
    assert [e for e in events if e[0] == "THREATEN" and e[1] == source and e[2] == target]


@pytest.mark.parametrize("text, category", [
    ("Tehran warned on Monday that it would hit back hard if Israel struck its oil terminals.", "ASSAULT"),
    ("Caracas would expel the envoys if Bogota recognised the opposition leader.", "SUPPORT"),
])
def test_a_condition_is_no_event(text, category):
    assert not [e for e in _events(text) if e[0] == category]


@pytest.mark.parametrize("text, source, target", [
    ("Pyongyang vowed to respond to the naval drills held by Japan and the United States.", {"PRK"}, {"JPN", "USA"}),
    ("Tehran warned that it would retaliate for the sabotage that Israel carried out at Natanz.", {"IRN"}, {"ISR"}),
])
def test_a_promised_response_is_aimed_at_whoever_did_the_act_it_answers(text, source, target):
    events = _events(text)
    assert [e for e in events if e[0] == "THREATEN" and e[1] == source and e[2] == target]
    assert not [e for e in events if e[0] == "AGREE"]
