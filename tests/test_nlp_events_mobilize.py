"""Moves of forces (PLOVER MOBILIZE) and the parties around them, on sentences written for the test.

The forces moved are the mover's means, not the target; forces sent to a place are a move,
sent to a state they are aid; whoever fights alongside the source is its ally, not its target.
"""

from __future__ import annotations

import pytest

from tests.event_helpers import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Poland deployed 10,000 soldiers to its border with Belarus.", {"POL"}, {"BLR"}),
    # where the forces go is the target (PLOVER codes "strengthened its forces in Lebanon" → LBN)
    ("Vietnam has deployed more than 2,000 troops in Laos.", {"VNM"}, {"LAO"}),
])
def test_the_forces_moved_are_not_the_target(text, source, target):
    found = [(s, t) for c, s, t in coded(text) if c == "MOBILIZE"]
    assert found and all(s == source and t == target for s, t in found), coded(text)


@pytest.mark.parametrize("text", [
    "India sent two warships to the Strait of Malacca.",
    "Japan dispatched a destroyer to the Gulf of Aden on Monday.",
    "Brazil sent more troops on Friday.",  # to nobody named: a move, not aid
])
def test_forces_sent_to_a_place_are_a_move(text):
    assert [c for c, _, _ in coded(text)] == ["MOBILIZE"]


@pytest.mark.parametrize(("text", "target"), [
    ("Britain sent 500 soldiers to Estonia.", {"EST"}),
    ("The Netherlands has provided the Jordanian Armed Forces with trucks and aircraft.", {"JOR"}),
])
def test_forces_sent_to_a_state_are_aid_to_it(text, target):
    assert [(c, t) for c, _, t in coded(text)] == [("AID", target)]


def test_an_ally_fighting_alongside_is_no_target():
    # the place may still be the target (PLOVER codes the state where a fight happens); the
    # ally is not: fought alongside Malian soldiers in Niger is no act against Mali
    found = coded("Chadian troops fought alongside Malian soldiers in Niger.")
    assert found and all("MLI" not in t for _, _, t in found), found


@pytest.mark.parametrize(("text", "target"), [
    ("Sweden provided Finland with helicopters.", {"FIN"}),
    ("Turkey equipped Azerbaijan with drones.", {"AZE"}),
])
def test_supplied_with_an_item_the_object_is_the_recipient(text, target):
    # "provided X with Y": X receives; Y is what is supplied, never a target
    assert [(c, t) for c, _, t in coded(text)] == [("AID", target)]


@pytest.mark.parametrize("text", [
    "Turkey mobilised its gendarmerie against Kurdish militants.",
    "Iran mobilized troops against Kurdish rebels.",
    "Iran mobilised its Revolutionary Guards against Kurdish rebels.",  # a named force moves too
])
def test_a_move_against_someone_targets_them(text):
    # the forces moved are the mover's; the rebels it moves against are the target
    from dyad.eval.plover_gsr_cameo import run_docs

    events = [e for e in run_docs([text])[0]._.events if e.category == "MOBILIZE"]
    assert events and all(any("Kurdish" in a.name for a in e.target) for e in events)


@pytest.mark.parametrize(("text", "target"), [
    ("Turkey armed the Syrian rebels.", "SYR"),
    ("Qatar funded Hamas.", None),  # a group with no state: the target is the group itself
])
def test_an_armed_or_funded_party_is_the_recipient(text, target):
    from dyad.eval.plover_gsr_cameo import run_docs

    events = [e for e in run_docs([text])[0]._.events if e.category == "AID"]
    assert len(events) == 1 and events[0].target, events
    assert target is None or events[0].target[0].country == target


def test_shared_intelligence_is_what_is_shared():
    assert [(c, t) for c, _, t in coded("Jordan shared intelligence with Egypt.")] == [("COOPERATE", {"EGY"})]
