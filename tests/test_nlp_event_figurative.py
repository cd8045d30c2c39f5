"""Conflict nouns about trade, law or words ("a trade war", "a legal battle", "a war of words") are
no attack, and a place that hosts troops, a base or refugees holds no meeting. Sentences written for
these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import categories, coded


@pytest.mark.parametrize("text", [
    "Washington raised tariffs on Brazilian steel on Monday, deepening a trade war with Brasilia.",
    "Hungary and the European Commission are locked in a legal battle over frozen funds.",
    "Serbia and Croatia traded a war of words over the border on Monday.",
])
def test_a_figurative_conflict_is_no_attack(text):
    assert "ASSAULT" not in categories(text)


def test_a_war_waged_is_still_an_attack():
    assert ("ASSAULT", {"AZE"}, {"ARM"}) in coded("Azerbaijan waged a war against Armenia in 2020.")


@pytest.mark.parametrize("text", [
    "Drones struck a Syrian base hosting Russian troops on Sunday.",
    "Jordan hosts more than 600,000 Syrian refugees.",
])
def test_hosting_troops_or_refugees_is_no_meeting(text):
    assert "CONSULT" not in categories(text)


def test_hosting_a_president_is_a_meeting():
    assert ("CONSULT", {"KEN"}, {"SOM"}) in coded("Kenya hosted Somalia's president in Nairobi on Friday.")
