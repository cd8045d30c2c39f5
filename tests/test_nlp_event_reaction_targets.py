"""A reaction to an act the sentence has just told ("condemned the launch", "called the exercises a
threat", "an act Kyiv called piracy", "in what Yerevan called a provocation") is aimed at whoever did
that act, never at the reacting state itself; leaders of a protest, a strike or a rebellion are not
a government. Sentences written for these rules."""

from __future__ import annotations

import pytest

from dyad.ontology.actors import load_registry
from tests.event_helpers import coded


@pytest.mark.parametrize("text, event", [
    ("Pakistan test-fired a cruise missile near the Indian border on Monday, prompting New Delhi to condemn "
     "the launch as reckless.", ("ACCUSE", {"IND"}, {"PAK"})),
    ("Azerbaijani forces shelled Armenian villages on Tuesday in what Yerevan called a deliberate provocation.",
     ("ACCUSE", {"ARM"}, {"AZE"})),
    ("Russia seized two Ukrainian navy boats, an act Kyiv called piracy.", ("ACCUSE", {"UKR"}, {"RUS"})),
    ("Belarus held snap military drills near the Lithuanian border, and Vilnius called the exercises a threat.",
     ("ACCUSE", {"LTU"}, {"BLR"})),
])
def test_a_reaction_targets_the_doer_of_the_act_it_names(text, event):
    assert event in coded(text)


def test_a_state_is_not_the_target_of_its_own_account_of_its_act():
    events = coded("Indian jets struck camps in Pakistan on Wednesday, in what New Delhi called a measured response.")
    assert not any(s == {"IND"} and t == {"IND"} for _, s, t in events)


@pytest.mark.parametrize("text, sector", [
    ("protest leaders", "CVL"), ("student leaders", "EDU"), ("rebel leader", "REB"), ("union leaders", "LAB"),
])
def test_leaders_of_a_movement_are_not_a_government(text, sector):
    assert load_registry().sector_term(text).code_1 == sector
