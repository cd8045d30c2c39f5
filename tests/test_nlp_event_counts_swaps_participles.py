"""A place the parser hangs on a count ("thousands of marchers in Lagos") places the people
counted and is no party of its own. Swaps and exchanges of prisoners, and clashes between two named
sides, are mutual: each side acts on the other. A participle with a by-agent after a party reports
an act done to it ("hostages freed by the rebels"), unless it describes the party ("backed by").
Sanctions and crackdowns said to hit or target someone are that measure against them, not an
attack, and "sanctions imposed by X on Y" names both sides. Sentences written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import categories, coded, coded_denied, country_sides as _sides


@pytest.mark.parametrize("text, country", [
    ("Thousands of marchers in Lagos rallied outside the governor's office on Tuesday.", "NGA"),
    ("Hundreds of demonstrators in Yerevan marched on the parliament building.", "ARM"),
])
def test_a_place_hung_on_a_count_places_the_people_counted(text, country):
    assert _sides(text, "PROTEST") and all(source == [(country, "CVL")] for source, _ in _sides(text, "PROTEST"))


@pytest.mark.parametrize("text, a, b", [
    ("Kyiv and Moscow swapped 84 captured servicemen on Thursday.", "UKR", "RUS"),
    ("Iran and Sweden carried out a prisoner swap brokered by Oman.", "IRN", "SWE"),
    ("A prisoner exchange between Armenia and Azerbaijan was completed at the border.", "ARM", "AZE"),
])
def test_a_prisoner_swap_is_a_release_by_each_side(text, a, b):
    events = coded(text)
    assert ("RETREAT", {a}, {b}) in events and ("RETREAT", {b}, {a}) in events


def test_clashes_between_two_armies_are_attacks_by_each():
    events = coded("Clashes between Kyrgyz and Tajik border guards left four dead.")
    assert ("ASSAULT", {"KGZ"}, {"TJK"}) in events and ("ASSAULT", {"TJK"}, {"KGZ"}) in events


@pytest.mark.parametrize("text, category, source", [
    ("Four aid workers freed by the Taliban landed in Doha on Sunday.", "RETREAT", "AFG"),
    ("Twelve diplomats expelled by Hungary flew home on Monday.", "SANCTION", "HUN"),
])
def test_a_participle_with_an_agent_is_the_agent_s_act(text, category, source):
    sides = _sides(text, category)
    assert sides and all({c for c, _ in s} == {source} for s, _ in sides)


def test_a_participle_that_describes_the_party_is_no_act_of_the_agent():
    assert "SUPPORT" not in categories("A militia backed by Rwanda seized the town of Rubaya.")


@pytest.mark.parametrize("text, source, target", [
    ("Fresh British sanctions hit Iranian petrochemical firms on Wednesday.", "GBR", "IRN"),
    ("New Japanese export restrictions target Chinese chipmakers.", "JPN", "CHN"),
    ("Sanctions imposed by Canada on Venezuelan officials took effect on Monday.", "CAN", "VEN"),
])
def test_a_measure_that_hits_someone_is_the_measure_against_them(text, source, target):
    events = coded(text)
    assert "ASSAULT" not in [c for c, _, _ in events]
    assert any(c in ("SANCTION", "COERCE") and s == {source} and t == {target} for c, s, t in events)


def test_sanctions_that_did_not_hit_are_denied_not_an_attack():
    events = coded_denied("Australian sanctions did not hit Russian banks.")
    assert ("SANCTION", {"AUS"}, {"RUS"}, True) in events
    assert not any(c == "ASSAULT" for c, _, _, _ in events)


def test_missiles_hitting_a_city_are_still_an_attack():
    assert "ASSAULT" in categories("Russian missiles hit Odesa overnight, the governor said.")


def test_two_parties_signing_a_pact_sign_it_with_each_other():
    events = coded("Hungary and Serbia signed a strategic defence agreement in Belgrade on Monday.")
    assert ("SUPPORT", {"HUN"}, {"SRB"}) in events and ("SUPPORT", {"SRB"}, {"HUN"}) in events
    assert not any(s == t for _, s, t in events)


@pytest.mark.parametrize("text, category, source, target", [
    ("Ottawa hit back on Tuesday with sanctions on 14 Chinese officials.", "SANCTION", "CAN", "CHN"),
    ("The European Union hit back with a levy on American whiskey.", "SANCTION", "IGO", "USA"),
])
def test_hitting_back_with_a_measure_is_the_measure(text, category, source, target):
    events = coded(text)
    assert (category, {source}, {target}) in events and "ASSAULT" not in [c for c, _, _ in events]


def test_hitting_back_with_strikes_is_still_an_attack():
    assert ("ASSAULT", {"PAK"}, {"IND"}) in coded("Pakistan hit back with artillery strikes on Indian posts.")


@pytest.mark.parametrize("text, category, source, target", [
    # a denial coordinated with another verb shares its subject
    ("Pretoria's spokesman dismissed the story on Friday and denied that South Africa had sold shells to Russia.",
     "COOPERATE", "ZAF", "RUS"),
    # the clause hung on "far" is still the content of the missing evidence
    ("British officials said they had found no evidence so far that Belarus had shipped rockets to Russia.",
     "AID", "BLR", "RUS"),
])
def test_denials_the_parser_splits_are_still_denials(text, category, source, target):
    assert (category, {source}, {target}, True) in coded_denied(text)
    assert (category, {source}, {target}, False) not in coded_denied(text)


def test_a_charge_denied_does_not_deny_the_accusing():
    events = coded_denied("Kenya accused Somalia of harbouring militants, a charge Mogadishu denied.")
    assert ("ACCUSE", {"KEN"}, {"SOM"}, False) in events


def test_refraining_from_one_act_does_not_negate_the_next():
    events = coded_denied("Turkey refrained from condemning Moscow, buying more Russian gas instead.")
    assert ("ACCUSE", {"TUR"}, {"RUS"}, True) in events
    assert ("COOPERATE", {"TUR"}, {"RUS"}, True) not in events


def test_drones_supplied_to_no_one_named_are_still_supplied():
    assert "AID" in categories("Western officials say Tehran supplied the drones.")
    assert "MOBILIZE" not in categories("Western officials say Tehran supplied the drones.")
