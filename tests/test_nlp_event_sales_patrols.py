"""A government licensing an arms sale or an export makes the sale (COOPERATE to the buyer), not
verbal support; forces of two states patrolling together cooperate, and a place or a state named
near the joint drill or patrol is no partner; strategic bombers are aircraft of the armed forces,
not insurgents. Sentences written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded, coded_denied


@pytest.mark.parametrize("text, seller, buyer", [
    ("The State Department approved a $600 million sale of missiles to Saudi Arabia on Monday.", "USA", "SAU"),
    ("Germany's government approved the export of 12 howitzers to Lithuania.", "DEU", "LTU"),
])
def test_licensing_a_sale_is_the_sale(text, seller, buyer):
    events = coded(text)
    assert ("COOPERATE", {seller}, {buyer}) in events
    assert not any(c == "SUPPORT" for c, _, _ in events)


def test_a_sale_not_licensed_is_negated():
    events = coded_denied("Ottawa said it had not authorised a single arms sale to Riyadh since 2022.")
    assert ("COOPERATE", {"CAN"}, {"SAU"}, True) in events


def test_a_board_approving_a_company_sale_is_no_event():
    assert not coded("The board approved the sale of its stake in the refinery on Monday.")


@pytest.mark.parametrize("text, pair", [
    ("Russian and Chinese strategic bombers flew a joint patrol over the East China Sea on Tuesday.",
     {"RUS", "CHN"}),
    ("Indian and French warships began joint exercises off the coast of Sri Lanka on Friday.", {"IND", "FRA"}),
    ("Philippine and Japanese troops began joint exercises on Luzon, 200 km from Taiwan, on Monday.",
     {"PHL", "JPN"}),
])
def test_joint_patrols_and_drills_are_cooperation_between_the_partners(text, pair):
    joint = [s | t for c, s, t in coded(text) if c == "COOPERATE"]
    assert joint and joint[0] == pair


def test_strategic_bombers_are_military():
    from dyad.eval.plover_gsr_cameo import run_docs
    doc = run_docs(["Russian strategic bombers flew over the Baltic Sea on Monday."])[0]
    assert [(m.actor.country, m.actor.sector) for m in doc._.mentions][:1] == [("RUS", "MIL")]
