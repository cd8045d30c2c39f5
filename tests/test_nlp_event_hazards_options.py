"""Named storms, chains of participles after a natural hazard and vehicle accidents are done by no
one; an option under consideration ("is weighing whether to send") is no event. Sentences written
for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import categories as _categories


@pytest.mark.parametrize("text", [
    "Hurricane Otis tore into Acapulco overnight, destroying hotels and killing at least 27 people.",
    "A powerful earthquake rocked western Afghanistan on Saturday, levelling villages and killing hundreds.",
    "A passenger train collided with a freight train near Odisha on Friday, killing more than 280 people.",
    "A Turkish Airlines jet crashed on landing in Amsterdam, killing nine people on board.",
])
def test_hazards_and_accidents_are_done_by_no_one(text):
    assert not [c for c in _categories(text) if c in ("ASSAULT", "COERCE")]


def test_a_state_fire_is_still_an_attack():
    assert "ASSAULT" in _categories("Russian missiles slammed into Dnipro on Monday, killing 12 people.")


@pytest.mark.parametrize("text", [
    "Canberra is weighing whether to send a warship to the Red Sea, two officials said.",
    "The Dutch government is considering sending F-16 jets to help Ukraine defend its skies.",
    "Seoul is mulling whether it should impose sanctions on Russian shipping firms.",
])
def test_an_option_under_consideration_is_no_event(text):
    assert _categories(text) == []


def test_a_judgement_with_considered_keeps_the_act():
    text = "Ankara promised to release the detained journalists, a delay which is widely considered an obstacle."
    assert _categories(text)


@pytest.mark.parametrize("text", [
    "The central bank spent billions defending the rupee against speculators last month.",
    "The prime minister hailed the dawn of a new era of prosperity in a speech on Sunday.",
    "Spain welcomed a record number of foreign visitors this summer, the tourism ministry said.",
])
def test_support_for_a_thing_supports_no_party(text):
    assert "SUPPORT" not in _categories(text)


@pytest.mark.parametrize("text", [
    "Moscow welcomed the decision on Friday.",
    "Tehran defended its nuclear programme at the IAEA board meeting.",
])
def test_support_for_an_act_or_a_partys_own_cause_stays(text):
    assert "SUPPORT" in _categories(text)
