"""An act disowned through a noun ("denied any role in the killing", "had nothing to do with the
sabotage") is coded negated with the disowner as its doer, never as done; claiming responsibility, or
not claiming it, codes no act; a denial said twice in one sentence is one event. Sentences written for
these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded_denied as _events


@pytest.mark.parametrize("text, source", [
    ("Kigali on Monday denied any role in the bombing of the market in Bunia.", {"RWA"}),
    ("Belarus had nothing to do with the sabotage of the railway line, its foreign ministry said.", {"BLR"}),
    ("Tehran rejected any responsibility for the attack on the Japanese tanker.", {"IRN"}),
    ("Moscow played no part in the coup in Niamey, the Kremlin spokesman said.", {"RUS"}),
])
def test_an_act_disowned_through_a_noun_is_negated(text, source):
    found = [e for e in _events(text) if e[1] == source and e[0] in ("ASSAULT", "COERCE")]
    assert found and all(denied for *_, denied in found)


@pytest.mark.parametrize("text", [
    "The Pakistani Taliban claimed responsibility for the bombing of the police station.",
    "Kyiv has not claimed responsibility for the explosion on the bridge.",
])
def test_claiming_responsibility_or_not_codes_no_act(text):
    assert not [e for e in _events(text) if e[0] == "ASSAULT"]


def test_a_denial_said_twice_is_one_event():
    text = "Ukraine denied striking the Kremlin on Wednesday, saying it had nothing to do with the attack."
    assert len([e for e in _events(text) if e[0] == "ASSAULT"]) == 1
