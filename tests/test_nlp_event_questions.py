"""A yes/no question asked about an act states none ("Did Russia help Iran during the war?" is the
mission's own example of a sentence that must not be coded as aid); a wh-question takes the act as
given. Sentences written for this rule."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded


@pytest.mark.parametrize("text", [
    "Did Turkey supply drones to Azerbaijan during the war?",
    "Will Beijing blockade Taiwan next year?",
    "Has Pyongyang sent troops to fight for Russia?",
    "Is Venezuela arming Colombian rebels? Officials in Bogota say no.",
    '"Will you strike Iran?" a reporter asked the president on Friday.',
])
def test_a_yes_no_question_codes_no_event(text):
    assert coded(text) == []


@pytest.mark.parametrize("text, event", [
    ("Why did Russia attack Georgia in 2008?", ("ASSAULT", {"RUS"}, {"GEO"})),
    ("Why did Turkey send drones to Ukraine?", ("AID", {"TUR"}, {"UKR"})),
])
def test_a_wh_question_takes_the_act_as_given(text, event):
    assert event in coded(text)


def test_the_answer_after_the_question_is_still_read():
    events = coded("Did Jordan close the Karameh crossing? Jordan closed the crossing on Monday, officials said.")
    assert len(events) == 1 and events[0][1] == {"JOR"}
