"""Launching and firing: what a launch verb sends flying (missiles, rockets, drones, shells) is
never its victim; launched at someone or somewhere it is an attack (PLOVER ASSAULT), launched at
no one (a test, a satellite) it is none; tear gas fired at a crowd is repression (COERCE).
Military drills held alone show force (MOBILIZE); held together they are cooperation."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import run_docs
from tests.event_helpers import categories, coded


def _events(text: str):
    return run_docs([text])[0]._.events or []


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Iran launched missiles at bases in Iraq.", "IRN", "IRQ"),
    ("Iran launched hundreds of drones at Israel.", "IRN", "ISR"),
    ("Russia launched a barrage of missiles against Ukrainian cities.", "RUS", "UKR"),
    ("Ukraine launched drones into Russia overnight.", "UKR", "RUS"),
])
def test_launching_projectiles_at_a_party_is_an_assault(text, source, target):
    assert ("ASSAULT", {source}, {target}) in coded(text)


@pytest.mark.parametrize("text", [
    "North Korea launched a ballistic missile on Sunday.",
    "Iran launched a satellite into orbit.",
    "The company launched a new phone in China.",
    "Apple launched a campaign against Samsung.",
])
def test_a_launch_aimed_at_no_one_is_no_assault(text):
    assert "ASSAULT" not in categories(text)


@pytest.mark.parametrize("text", [
    "Russian forces fired dozens of missiles at Kyiv overnight.",
    "Israeli tanks fired shells at houses in Jenin.",
    "Hamas fired a barrage of rockets at Israel.",
])
def test_what_is_fired_is_never_a_target(text):
    (event,) = [e for e in _events(text) if e.category == "ASSAULT"]
    assert not any(w in (a.text or "").lower() for a in event.target for w in ("missile", "rocket"))
    assert event.mode == "heavy-weapons"


def test_a_launch_at_a_party_takes_the_mode_of_its_weapon():
    (event,) = _events("Iran launched hundreds of drones at Israel.")
    assert (event.mode, event.cameo_code) == ("heavy-weapons", "195")


@pytest.mark.parametrize("text", [
    "Police fired tear gas at protesters.",
    "Riot police fired tear gas and rubber bullets at the crowd.",
])
def test_tear_gas_fired_at_a_crowd_is_repression(text):
    (event,) = _events(text)
    assert event.category == "COERCE" and "tear gas" in event.trigger


def test_live_fire_stays_an_assault():
    assert categories("Security forces fired live ammunition at protesters.") == ["ASSAULT"]


@pytest.mark.parametrize(("text", "category"), [
    ("China conducted military drills around Taiwan.", "MOBILIZE"),
    ("North Korea staged large-scale artillery drills.", "MOBILIZE"),
    ("China and Russia held joint naval exercises in the Gulf of Oman.", "COOPERATE"),
    ("The US held exercises with South Korea.", "COOPERATE"),
    ("India and France conducted a naval exercise.", "COOPERATE"),
])
def test_drills_held_alone_show_force_held_together_cooperate(text, category):
    assert categories(text) == [category]


def test_a_drill_no_state_or_force_holds_is_no_event():
    assert _events("The company conducted a fire drill at its headquarters.") == []


@pytest.mark.parametrize(("text", "target"), [
    ("North Korea fired two ballistic missiles into the sea off its east coast.", None),
    ("Iran test-fired a new cruise missile on Sunday.", None),
    ("North Korea fired an intermediate-range missile over Japan.", "JPN"),
])
def test_a_weapons_test_shows_force(text, target):
    (event,) = _events(text)
    assert (event.category, event.mode) == ("MOBILIZE", "weapons")
    assert [a.country for a in event.target] == ([target] if target else [])


def test_rockets_fired_over_a_border_into_a_state_still_attack():
    assert categories("Hezbollah fired rockets over the border into Israel.") == ["ASSAULT"]
