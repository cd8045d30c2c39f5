"""Leaving, named texts and blacklists: forces leaving a place withdraw from it, a party leaving a
body or a treaty withdraws itself, a city naming a text is no party, a named treaty is signed, and
putting someone on a blacklist sanctions them. Sentences written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded


@pytest.mark.parametrize("text, source, target", [
    ("The last Canadian soldiers left Latvia on Friday after a decade-long deployment.", "CAN", "LVA"),
    ("Turkish troops have left northern Iraq, the defence ministry said.", "TUR", "IRQ"),
])
def test_forces_leaving_a_place_withdraw(text, source, target):
    assert ("RETREAT", {source}, {target}) in coded(text)


@pytest.mark.parametrize("text", [
    "The Japanese foreign minister left for Seoul on Tuesday evening.",
    "The Kenyan president left office in 2022 after two terms.",
    "The storm left thousands of families in Bangladesh without power.",
    "Brazil's trade minister left the talks early to catch a flight.",
])
def test_leaving_for_a_place_or_an_office_is_no_event(text):
    assert not [c for c, _, _ in coded(text) if c in ("RETREAT", "SANCTION")]


@pytest.mark.parametrize("text, source, target", [
    ("Nicaragua left the Organization of American States in 2023.", "NIC", "IGO"),
    ("Chad quit the regional alliance last month, citing costs.", "TCD", None),
    ("Hungary withdrew from the International Criminal Court.", "HUN", "IGO"),
    ("Washington pulled out of the Open Skies Treaty in 2020.", "USA", None),
])
def test_leaving_a_body_or_treaty_is_a_withdrawal_sanction(text, source, target):
    events = [(c, s, t) for c, s, t in coded(text) if c in ("RETREAT", "SANCTION")]
    assert events and all(c == "SANCTION" for c, _, _ in events)
    assert source in events[0][1]
    assert events[0][2] == ({target} if target else set())


@pytest.mark.parametrize("text, city_state", [
    ("Moscow was accused by Kyiv of breaking the Minsk agreements.", "BLR"),
    ("Canada pledged new funds under the Paris climate agreement.", "FRA"),
    ("Egypt urged all parties to respect the Camp David and Oslo Accords.", "NOR"),
])
def test_city_naming_a_text_is_no_party(text, city_state):
    assert all(city_state not in s | t for _, s, t in coded(text))


def test_named_treaty_is_signed_but_not_an_event_alone():
    events = coded("Bahrain and Israel signed the Abraham Accords in Washington.")
    assert ("SUPPORT", {"BHR"}, {"ISR"}) in events and ("SUPPORT", {"ISR"}, {"BHR"}) in events  # with each other
    assert not coded("The Oslo Accords created the Palestinian Authority.")


@pytest.mark.parametrize("text, source, target", [
    ("The US Commerce Department added 24 Russian firms to its entity list on Tuesday.", "USA", "RUS"),
    ("Washington put the Chinese drone maker DJI on an investment blacklist.", "USA", "CHN"),
])
def test_blacklisting_is_a_sanction(text, source, target):
    assert ("SANCTION", {source}, {target}) in coded(text)


@pytest.mark.parametrize("text", [
    "The Indian spokesman added that talks would continue next week.",
    "Iran added 200 centrifuges to its Fordow plant, the IAEA said.",
    "Germany placed an order for 35 F-35 jets.",
])
def test_other_adding_is_no_sanction(text):
    assert "SANCTION" not in [c for c, _, _ in coded(text)]
