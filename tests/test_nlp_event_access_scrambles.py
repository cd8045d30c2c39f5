"""Letting inspectors, envoys or aid in is access granted (RETREAT, CAMEO 086), not a concession;
"let" is an act only so ("urged them to let Kyiv strike" codes the request, not a strike). Forces
scrambled are aimed at the foreign force the clause names as their cause, never at a place. A patrol
"close to" airspace closes nothing. Sentences written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import categories, coded, coded_denied


@pytest.mark.parametrize("text, source", [
    ("Venezuela has yet to let UN human rights monitors back into the country.", "VEN"),
    ("Eritrea did not allow UN investigators to enter the Tigray border area in 2021.", "ERI"),
])
def test_access_refused_is_a_negated_retreat(text, source):
    events = coded_denied(text)
    assert any(c == "RETREAT" and source in s and negated for c, s, _, negated in events)
    assert "CONCEDE" not in categories(text)


def test_access_granted_is_a_retreat():
    events = coded("Ethiopia allowed the first UN aid convoys into Mekelle on Friday.")
    assert any(c == "RETREAT" and "ETH" in s for c, s, _ in events)


def test_a_state_allowing_its_currency_to_fall_grants_no_access():
    assert "RETREAT" not in categories("Egypt allowed its currency to fall sharply on Wednesday.")


def test_let_without_access_hands_over_to_the_act_requested():
    events = coded("Kyiv urged Berlin on Monday to let Ukraine fire Taurus missiles at targets inside Russia.")
    assert any(c == "REQUEST" and "UKR" in s for c, s, _ in events)
    assert not any(c == "ASSAULT" for c, _, _ in events)


@pytest.mark.parametrize("text, source, intruders", [
    ("The Dutch air force scrambled two F-35 fighter jets on Thursday as Russian military aircraft approached "
     "its airspace.", "NLD", {"RUS"}),
    ("Norway scrambled fighter jets on Monday to intercept three Russian bombers flying from Murmansk.", "NOR", {"RUS"}),
])
def test_scrambled_forces_aim_at_the_intruder(text, source, intruders):
    assert ("MOBILIZE", {source}, intruders) in coded(text)


def test_a_place_is_no_intruder():
    events = coded("Greece scrambled jets on Sunday to escort an airliner flying from Cairo to Athens.")
    assert not any(c == "MOBILIZE" and "EGY" in t for c, _, t in events)


def test_a_patrol_close_to_airspace_closes_nothing():
    assert "SANCTION" not in categories("Chinese bombers flew close to Japanese airspace on Tuesday.")
