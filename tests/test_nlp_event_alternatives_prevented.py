"""A verb joined by "or"/"nor" to a negated verb is negated with it; an act someone is barred or
prevented from doing is not done; bombs dropped and missiles rained or hurled at a target are an
attack. Sentences written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded_denied as _events


@pytest.mark.parametrize("text, category", [
    ("Azerbaijan did not shell or threaten Armenian villages, its defence ministry said.", "THREATEN"),
    ("Hanoi will not arm nor train the rebels, the foreign ministry said on Monday.", "AID"),
])
def test_an_alternative_to_a_negated_act_is_negated(text, category):
    found = [e for e in _events(text) if e[0] == category]
    assert found and all(e[3] for e in found)


def test_alternatives_without_negation_stay_positive():
    found = [e for e in _events("Iranian boats harassed or threatened two tankers in the Gulf.") if e[0] == "THREATEN"]
    assert found and not any(e[3] for e in found)


@pytest.mark.parametrize("text, categories", [
    ("The Dutch government barred ASML from selling its most advanced machines to China.", {"COOPERATE", "AID"}),
    ("Egyptian authorities prevented activists from marching to the Rafah crossing.", {"PROTEST"}),
])
def test_an_act_prevented_is_not_coded_as_done(text, categories):
    assert not [e for e in _events(text) if e[0] in categories and not e[3]]


@pytest.mark.parametrize("text, source, target", [
    ("Russian jets dropped glide bombs on Kharkiv overnight, the regional governor said.", {"RUS"}, {"UKR"}),
    ("Israeli artillery rained shells on villages in southern Lebanon on Sunday.", {"ISR"}, {"LBN"}),
    ("Protesters hurled petrol bombs at Serbian police in Belgrade.", {"SRB"}, {"SRB"}),
])
def test_projectiles_dropped_or_rained_on_a_target_are_an_attack(text, source, target):
    assert ("ASSAULT", source, target, False) in _events(text)


def test_a_with_clause_of_its_own_is_not_what_stopping_short_governs():
    text = ("Ankara stopped short of condemning Baku, with a presidential aide instead urging both sides "
            "to return to talks.")
    found = [e for e in _events(text) if e[0] == "ACCUSE"]
    assert found and all(e[3] for e in found)


@pytest.mark.parametrize("text, category", [
    ("Turkish forces have yet to pull out of the border town, Syrian officials said on Monday.", "RETREAT"),
    ("Pro-Iranian militias in Syria have held back from attacking Israeli positions this week.", "ASSAULT"),
    ("The Spanish prime minister ruled out on Monday sending Spanish troops to Ukraine.", "AID"),
])
def test_acts_not_yet_done_held_back_or_ruled_out_are_negated(text, category):
    found = [e for e in _events(text) if e[0] == category]
    assert found and all(e[3] for e in found)
