"""A party named before a participle of force with a "by" agent is who the act was done to, the agent
who did it ("citizens detained by Chinese officers"); a participle of support describes the party
("a militia backed by Iran") and reports no act. Sentences written for these rules."""

from __future__ import annotations

from dyad.eval.plover_gsr_cameo import run_docs
from tests.event_helpers import coded as _events


def test_party_before_a_participle_of_force_is_its_target():
    events = _events("Ottawa protested the treatment of three Canadian citizens detained by Chinese security officers "
                     "in Xinjiang.")
    assert ("COERCE", {"CHN"}, {"CAN"}) in events


def test_participle_of_support_describes_the_party():
    events = _events("A militia backed by Iran seized the border town on Thursday.")
    assert not [e for e in events if e[0] == "SUPPORT"]


def test_weapon_before_a_launch_participle_sets_the_mode():
    doc = run_docs(["Ballistic missiles fired by Iran struck the airbase overnight, officials said."])[0]
    fired = [e for e in doc._.events if e.trigger == "fired"]
    assert fired and fired[0].cameo_code != "193"  # missiles, not small arms


def test_participle_after_an_order_tells_what_the_orderer_did():
    events = _events("Burkina Faso's junta told the French envoy to leave within a week, accusing Paris of meddling "
                     "in its affairs.")
    assert ("ACCUSE", {"BFA"}, {"FRA"}) in events
    assert ("ACCUSE", {"FRA"}, {"BFA"}) not in events


def test_an_envoy_ordered_out_is_expelled():
    events = _events("Estonia ordered the Russian charge d'affaires out of the country on Tuesday.")
    assert ("SANCTION", {"EST"}, {"RUS"}) in events


def test_an_act_named_by_a_noun_is_held_by_the_participle_agent():
    events = _events("A nationwide strike called by Nigeria's labour congress shut banks and ports on Monday.")
    assert [e for e in events if e[0] == "PROTEST" and e[1] == {"NGA"}]
