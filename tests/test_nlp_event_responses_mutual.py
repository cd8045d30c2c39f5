"""A promised response is a threat; trading blame is mutual accusation, aimed at each other rather
than at the venue; forces rushed or sent within their own state are deployed, not aid; fighting
"for control of" a place is fought over it. Sentences written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded as _events


@pytest.mark.parametrize("text, source", [
    ("Hezbollah vowed a painful response after the strike on its commander in Beirut.", {"LBN"}),
    ("Islamabad pledged to retaliate against any Indian incursion, the army spokesman said.", {"PAK"}),
    ("Pyongyang promised merciless revenge over the leaflets.", {"PRK"}),
])
def test_a_promised_response_is_a_threat(text, source):
    events = _events(text)
    assert [e for e in events if e[0] == "THREATEN" and e[1] == source]
    assert not [e for e in events if e[0] == "AGREE"]


@pytest.mark.parametrize("text, a, b", [
    ("Serbia and Kosovo traded blame on Monday for the violence in the north.", "SRB", "XKX"),
    ("Delhi and Islamabad exchanged accusations at the United Nations on Friday.", "IND", "PAK"),
])
def test_trading_blame_is_mutual_accusation(text, a, b):
    events = _events(text)
    assert ("ACCUSE", {a}, {b}) in events and ("ACCUSE", {b}, {a}) in events
    assert not [e for e in events if e[0] == "COOPERATE"]


@pytest.mark.parametrize("text, source", [
    ("Turkey rushed more commandos to its Hatay province on Sunday.", {"TUR"}),
    ("Beijing has rushed hundreds of riot police to Xinjiang, state media said.", {"CHN"}),
    ("Moscow sent 5,000 soldiers to Chechnya in December.", {"RUS"}),
])
def test_forces_moved_within_their_own_state_are_deployed(text, source):
    events = _events(text)
    assert [e for e in events if e[0] == "MOBILIZE" and e[1] == source and e[2] <= source]
    assert not [e for e in events if e[0] in ("AID", "PROTEST")]


def test_forces_sent_to_another_state_stay_aid():
    assert ("AID", {"RUS"}, {"BLR"}) in _events("Russia sent troops to Belarus at Minsk's request.")


def test_fighting_for_control_of_a_place_is_fought_there():
    events = _events("Rival militias fought for control of Tripoli's airport on Saturday.")
    assert [e for e in events if e[0] == "ASSAULT" and "LBY" in e[2]]


@pytest.mark.parametrize("text, source, target", [
    ("Azerbaijani artillery shelled Armenian positions overnight, and Yerevan vowed a decisive response.",
     {"ARM"}, {"AZE"}),
    ("Israeli jets struck a convoy near Damascus on Monday, and Syria warned of serious consequences.",
     {"SYR"}, {"ISR"}),
])
def test_a_response_promised_answers_the_act_told_before(text, source, target):
    assert ("THREATEN", source, target) in _events(text)
