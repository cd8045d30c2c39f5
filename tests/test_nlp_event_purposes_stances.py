"""Forces sent to fight are deployed (MOBILIZE), or aid to the side they fight for; the purpose of an
act that was not done is not done either; a concessive phrase is not what a frame governs; insisting
on one's own stance reports it. Sentences written for these rules."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import countries, run_docs


def _events(text):
    return [(e.category, countries(e.source), countries(e.target), e.negated, e.modality)
            for e in run_docs([text])[0]._.events]


@pytest.mark.parametrize("text, category", [
    ("Minsk has not dispatched a single battalion to fight in Ukraine, the defence minister said.", "ASSAULT"),
    ("Turkey did not send its envoy to Damascus to meet the new leadership.", "CONSULT"),
])
def test_purpose_of_an_act_not_done_is_negated(text, category):
    found = [e for e in _events(text) if e[0] == category]
    assert found and all(negated for *_, negated, _ in found)


def test_purpose_of_an_act_done_stays_positive():
    found = [e for e in _events("Egypt sent its foreign minister to Doha to meet Hamas negotiators.")
             if e[0] == "CONSULT"]
    assert found and not any(negated for *_, negated, _ in found)


def test_forces_sent_to_fight_are_deployed_not_aid_to_the_battlefield():
    events = _events("Chad has sent hundreds of soldiers to fight in Sudan, a UN panel found.")
    assert ("MOBILIZE", {"TCD"}, {"SDN"}) in [e[:3] for e in events]
    assert not [e for e in events if e[0] == "AID" and "SDN" in e[2]]


def test_forces_sent_against_a_named_enemy_in_a_state_still_aid_it():
    events = _events("Rwanda sent troops to battle insurgents in northern Mozambique.")
    assert ("AID", {"RWA"}, {"MOZ"}) in [e[:3] for e in events]


def test_forces_sent_to_fight_for_a_state_are_military_aid_to_it():
    events = _events("Pyongyang sent thousands of its soldiers to fight for Russia, Seoul's spy agency said.")
    assert ("AID", {"PRK"}, {"RUS"}) in [e[:3] for e in events]
    assert not [e for e in events if e[0] == "ASSAULT" and "RUS" in e[2]]  # the side fought for is no enemy


def test_side_fought_for_is_no_target():
    events = _events("Several hundred Colombian veterans fought for Ukraine last year.")
    assert not [e for e in events if e[0] == "ASSAULT" and "UKR" in e[2]]


def test_concessive_phrase_is_not_what_stopping_short_governs():
    events = _events("The EU stopped short of blacklisting the Revolutionary Guards, despite freezing "
                     "assets of several commanders.")
    assert [e for e in events if e[0] == "SANCTION" and e[3]]
    assert not [e for e in events if e[0] == "SANCTION" and not e[3] and e[4] != "denied"]


@pytest.mark.parametrize("text, category", [
    ("Paris and Rome insisted on Friday that they would not deploy warships to the Red Sea.", "MOBILIZE"),
    ("The Kremlin insisted that its jets had never bombed the hospital in Aleppo.", "ASSAULT"),
])
def test_insisting_on_ones_own_stance_reports_it(text, category):
    found = [e for e in _events(text) if e[0] == category]
    assert found and all(negated for *_, negated, _ in found)
    assert not [e for e in _events(text) if e[0] == "REQUEST"]


def test_insisting_that_another_act_is_a_demand():
    assert [e for e in _events("Washington insisted that Israel halt the offensive in Rafah.") if e[0] == "REQUEST"]


@pytest.mark.parametrize("text, source, target", [
    ("Seoul sold 48 self-propelled howitzers to Warsaw last year, the defence ministry said.", {"KOR"}, {"POL"}),
    ("Belarus exported potash to China throughout 2024.", {"BLR"}, {"CHN"}),
])
def test_a_sale_is_an_exchange_not_aid(text, source, target):
    events = _events(text)
    assert ("COOPERATE", source, target) in [e[:3] for e in events]
    assert not [e for e in events if e[0] == "AID"]


@pytest.mark.parametrize("text, source, target", [
    ("Azerbaijan has massed thousands of soldiers near its border with Armenia, Yerevan said.", {"AZE"}, {"ARM"}),
    ("Minsk redeployed two battalions to the Lithuanian frontier on Monday.", {"BLR"}, {"LTU"}),
])
def test_forces_moved_to_a_border_face_the_state_beyond_it(text, source, target):
    assert ("MOBILIZE", source, target) in [e[:3] for e in _events(text)]
