"""An incursion into another state's airspace or waters is a show of force aimed at that state
(MOBILIZE), and a denial of one is coded denied, with "three of its drones" read as the denier's.
Flying relief somewhere is aid (flying drones is not); disasters and things are no actors ("after an
earthquake struck", "battled an outbreak", "helped by higher prices"). A state joining an international
body, or becoming its member, commits to it (AGREE); a member of parliament joins nothing. Sentences
written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import categories, coded, coded_denied


@pytest.mark.parametrize("text, source, target", [
    ("Two Belarusian attack helicopters violated Lithuanian airspace near Druskininkai on Friday, Vilnius said.",
     "BLR", "LTU"),
    ("A Russian Il-20 surveillance plane briefly intruded into Finnish airspace over the Gulf of Finland on Monday.",
     "RUS", "FIN"),
])
def test_an_airspace_incursion_is_a_show_of_force_at_its_owner(text, source, target):
    assert ("MOBILIZE", {source}, {target}) in coded(text)


@pytest.mark.parametrize("text, source, target", [
    ("Baku denied that three of its drones had strayed into Armenian airspace.", "AZE", "ARM"),
    ("Beijing denied that its vessels had entered Philippine territorial waters.", "CHN", "PHL"),
])
def test_a_denied_incursion_is_coded_denied(text, source, target):
    assert ("MOBILIZE", {source}, {target}, True) in coded_denied(text)


@pytest.mark.parametrize("text, source, target", [
    ("Qatar flew 30 tonnes of food and medicine into Kabul on Sunday.", "QAT", "AFG"),
    ("Jordanian planes airdropped aid over southern Gaza on Monday.", "JOR", "PSE"),
])
def test_relief_flown_or_dropped_somewhere_is_aid(text, source, target):
    assert ("AID", {source}, {target}) in coded(text)


def test_drones_flown_over_a_city_are_no_aid():
    assert "AID" not in categories("Russia flew drones over Kyiv overnight.")


@pytest.mark.parametrize("text", [
    "Japan sent a team of doctors to Turkey on Tuesday, a day after a magnitude 7.8 earthquake struck the south "
    "of the country.",
    "Fiji battled a dengue outbreak that has killed 12 people.",
])
def test_a_disaster_is_no_attack(text):
    assert "ASSAULT" not in categories(text)


def test_troops_battling_forces_still_attack():
    assert ("ASSAULT", {"UKR"}, {"RUS"}) in coded("Ukrainian troops battled Russian forces near Bakhmut.")


def test_helped_by_a_thing_is_no_aid():
    text = "Saudi Aramco reported a 10 percent rise in quarterly profit on Tuesday, helped by higher crude prices."
    assert "AID" not in categories(text)


@pytest.mark.parametrize("text, sources, negated", [
    ("Egypt, Ethiopia and Iran joined BRICS on Monday.", {"EGY", "ETH", "IRN"}, False),
    ("Serbia has never joined NATO, its president said.", {"SRB"}, True),
    ("Bolivia became a full member of Mercosur in July.", {"BOL"}, False),
])
def test_joining_an_international_body_is_agreeing(text, sources, negated):
    assert any(c == "AGREE" and s == sources and "IGO" in t and n == negated for c, s, t, n in coded_denied(text))


@pytest.mark.parametrize("text", [
    "Imran Khan became a member of parliament in 2002.",
    "The company became a member of the industry association last year.",
    "India has not joined Western sanctions on Russia.",
])
def test_membership_of_no_international_body_agrees_to_nothing(text):
    assert "AGREE" not in categories(text)
