"""Forces sent into, towards or around a place deploy there (MOBILIZE), while weapons sent to a state
are aid; a comparative never starts an event phrase ("closer to its border" closes none). Sentences
written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded as _events


@pytest.mark.parametrize("text, source, target", [
    ("Ethiopia sent troops into Somalia in 2006.", {"ETH"}, {"SOM"}),
    ("Beijing dispatched bombers and destroyers around Taiwan on Saturday.", {"CHN"}, {"TWN"}),
    ("Moscow sent armoured columns towards Kharkiv overnight.", {"RUS"}, {"UKR"}),
])
def test_forces_sent_into_a_place_deploy_there(text, source, target):
    events = _events(text)
    assert ("MOBILIZE", source, target) in events
    assert not [e for e in events if e[0] == "AID"]


def test_weapons_sent_to_a_state_stay_aid():
    assert ("AID", {"DEU"}, {"UKR"}) in _events("Germany sent more howitzers to Ukraine in March.")


def test_a_comparative_starts_no_phrase():
    events = _events("Azerbaijan moved artillery closer to its border with Armenia on Friday.")
    assert not [e for e in events if e[0] == "SANCTION"]


def test_forces_moved_closer_to_a_border_face_the_state_beyond():
    events = _events("Armenia moved tanks and infantry closer to the border with Azerbaijan on Sunday.")
    assert ("MOBILIZE", {"ARM"}, {"AZE"}) in events


def test_moving_anything_but_forces_is_no_event():
    assert not _events("The Singapore firm moved its offices to Jakarta last year.")


def test_a_time_phrase_names_no_target():
    events = _events("Brazil's president flew to Beijing on Sunday for his first trip since the floods in Argentina.")
    assert not [e for e in events if "ARG" in e[2]]


def test_a_shared_sea_told_in_a_relative_clause_is_no_exchange():
    events = _events("The Caspian Sea, which Iran shares with Russia and Azerbaijan, holds large gas reserves.")
    assert not [e for e in events if e[0] == "COOPERATE"]
