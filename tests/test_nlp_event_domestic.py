"""Domestic politics and borders: impeachment is an accusation (ACCUSE), reopening a border or
airspace eases access (RETREAT), and investigators are people who can detain someone. Sentences
written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded


@pytest.mark.parametrize("text, event", [
    ("Peru's Congress voted on Thursday to impeach President Pedro Castillo.", ("ACCUSE", {"PER"}, {"PER"})),
    ("Lawmakers in Seoul impeached Prime Minister Han Duck-soo in late December.", ("ACCUSE", {"KOR"}, {"KOR"})),
])
def test_impeachment_is_an_accusation(text, event):
    assert event in coded(text)


@pytest.mark.parametrize("text, event", [
    ("Qatar reopened its airspace to Bahraini airlines on Sunday.", ("RETREAT", {"QAT"}, {"BHR"})),
    ("Pakistan reopens land border and airspace to Afghanistan", ("RETREAT", {"PAK"}, {"AFG"})),
])
def test_reopening_a_border_or_airspace_eases_access(text, event):
    assert event in coded(text)


def test_investigators_are_people_who_act():
    events = coded("Anti-graft investigators detained a former defence minister in Hanoi on Friday.")
    assert any(c == "COERCE" and t == {"VNM"} for c, _, t in events)


@pytest.mark.parametrize("text, event", [
    ("A Minsk court sentenced the opposition leader to eleven years in prison on Tuesday.",
     ("SANCTION", {"BLR"}, {"BLR"})),
    ("Egypt's top criminal court sentenced two former ministers to death in absentia.", ("SANCTION", {"EGY"}, {"EGY"})),
])
def test_a_court_sentence_is_a_conviction(text, event):
    # PLOVER lists court convictions under SANCTION; the penalty follows the conviction
    events = coded(text)
    assert event in events and not any(c == "COERCE" for c, _, _ in events)
