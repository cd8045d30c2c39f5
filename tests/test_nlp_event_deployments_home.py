"""Forces deployed to a place of their own state ("riot police around parliament", "troops across
the capital", "batteries along its coast") are a mobilisation at home (PLOVER: the source's own
state), not one aimed at nobody; a stance told twice in one sentence is one event. Sentences written
for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded


@pytest.mark.parametrize("text, event", [
    ("Armenia deployed riot police around the parliament in Yerevan on Monday ahead of an opposition rally.",
     ("MOBILIZE", {"ARM"}, {"ARM"})),
    ("Kazakh authorities deployed troops across the capital on Thursday after days of unrest.",
     ("MOBILIZE", {"KAZ"}, {"KAZ"})),
    ("Venezuela deployed air defence batteries along its Caribbean coast on Sunday.", ("MOBILIZE", {"VEN"}, {"VEN"})),
])
def test_forces_deployed_at_home(text, event):
    assert event in coded(text)


@pytest.mark.parametrize("text, event", [
    ("China deployed warships around Taiwan on Monday.", ("MOBILIZE", {"CHN"}, {"TWN"})),
    ("Turkey deployed extra troops near the Syrian border.", ("MOBILIZE", {"TUR"}, {"SYR"})),
])
def test_forces_deployed_at_another_state_face_it(text, event):
    assert event in coded(text)


def test_an_unnamed_city_is_not_home():
    assert ("MOBILIZE", {"RUS"}, {"RUS"}) not in coded("Russia moved troops into the city on Monday.")


def test_a_condemnation_told_twice_is_one_event():
    events = coded("Russia struck a hospital in Kharkiv on Monday, drawing condemnation from France, "
                   "which called the attack a war crime.")
    assert events.count(("ACCUSE", {"FRA"}, {"RUS"})) == 1
