"""A verbal reaction to a noun that refers back to an act the sentence reports ("a move X
condemned", "condemned the verdict") is aimed at whoever did that act. Sentences written for this rule."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded


def _sides(text, category):
    return [(source, target) for c, source, target in coded(text) if c == category]


@pytest.mark.parametrize("text, source, target", [
    ("Armenia recognised the independence of Kosovo on Friday, in a move Serbia denounced as a betrayal.",
     {"SRB"}, {"ARM"}),
    ("A court in Minsk jailed a Lithuanian journalist for eight years on Monday, and Vilnius condemned "
     "the verdict as political.", {"LTU"}, {"BLR"}),
])
def test_reaction_to_a_referred_act_targets_its_doer(text, source, target):
    assert (source, target) in _sides(text, "ACCUSE")


def test_a_noun_that_says_which_act_is_no_reference_back():
    # the ban is named by its own phrase: refusing to lift it does not target the court that refuses
    sides = _sides("The Supreme Court refused on Tuesday to lift the ban imposed on the outlawed party.", "REJECT")
    assert all(not target for _, target in sides)


@pytest.mark.parametrize("text, source, target", [
    ("Minsk jailed three opposition leaders on Friday, drawing swift condemnation from Lithuania.",
     {"LTU"}, {"BLR"}),
    ("Tokyo released treated water into the sea, a move that sparked a sharp rebuke from Beijing.",
     {"CHN"}, {"JPN"}),
])
def test_a_reaction_drawn_from_a_party_is_that_partys_act(text, source, target):
    assert (source, target) in _sides(text, "ACCUSE")


@pytest.mark.parametrize("text, source, target", [
    ("Armenia and Azerbaijan agreed to open their border under a deal brokered by Russia.",
     {"RUS"}, {"ARM", "AZE"}),
    ("Kinshasa and Kigali signed a truce on Friday in a deal mediated by Qatar.", {"QAT"}, {"COD", "RWA"}),
])
def test_a_deal_brokered_by_a_party_is_its_mediation_between_the_parties(text, source, target):
    assert (source, target) in _sides(text, "CONSULT")
