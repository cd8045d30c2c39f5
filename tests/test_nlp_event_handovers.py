"""What "hand over" is depends on what is handed: equipment given to another party is supplied
(AID), a group's own weapons are given up (RETREAT disarm), what was seized before is returned
(RETREAT return), suspects and wanted people are extradited (COOPERATE legal), and captives or
bodies are released or returned (RETREAT). Sentences written for these rules."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import run_docs
from tests.event_helpers import coded


def _modes(text: str) -> list[tuple[str, str | None]]:
    return [(e.category, e.mode) for e in run_docs([text])[0]._.events or []]


@pytest.mark.parametrize("text, source, target", [
    ("Spain handed over four armoured trucks to the Mauritanian gendarmerie last week.", "ESP", "MRT"),
    ("South Korea handed over two decommissioned corvettes to the Philippine navy on Tuesday.", "KOR", "PHL"),
])
def test_equipment_handed_over_to_another_party_is_supplied(text, source, target):
    events = coded(text)
    assert ("AID", {source}, {target}) in events
    assert not any(c == "RETREAT" for c, _, _ in events)


@pytest.mark.parametrize("text", [
    "Several hundred former combatants handed over their guns and rifles to the national army in Bangui.",
    "The militia handed over its heavy weapons to the government under the truce.",
])
def test_a_group_handing_over_its_own_arms_disarms(text):
    assert ("RETREAT", "disarm") in _modes(text)
    assert not any(c == "AID" for c, _ in _modes(text))


def test_seized_goods_handed_over_are_returned():
    modes = _modes("Senegal handed over the impounded trawler to its Chinese owners on Friday.")
    assert ("RETREAT", "return") in modes
    assert not any(c == "AID" for c, _ in modes)


@pytest.mark.parametrize("text, source, target", [
    ("Tajikistan handed over three suspected bombers to Russia on Wednesday.", "TJK", "RUS"),
    ("Uzbekistan handed over two alleged members of an extremist cell to Kazakhstan.", "UZB", "KAZ"),
])
def test_suspects_handed_over_are_extradited(text, source, target):
    events = coded(text)
    assert any(c == "COOPERATE" and s == {source} and target in t for c, s, t in events)
    assert not any(c == "RETREAT" for c, _, _ in events)


def test_captives_handed_over_stay_a_release_or_return():
    events = coded("The rebels handed over eleven captured soldiers to the Red Cross in Goma.")
    assert [c for c, _, _ in events] == ["RETREAT"]


@pytest.mark.parametrize("text, source, target", [
    ("Bamako gave the Algerian ambassador 72 hours to leave on Wednesday.", "MLI", "DZA"),
    ("The junta gave two Swedish diplomats a week to leave the country.", None, "SWE"),
])
def test_giving_envoys_hours_to_leave_expels_them(text, source, target):
    expulsions = [(s, t) for c, s, t in coded(text) if c == "SANCTION"]
    assert expulsions and all(target in t for _, t in expulsions)
    assert source is None or all(s == {source} for s, _ in expulsions)
    assert not any(c == "AID" for c, _, _ in coded(text))


def test_envoys_the_coreference_gives_the_expeller_are_the_other_state_s():
    text = "Ghana cut ties with Togo on Friday and gave its envoys 48 hours to leave."
    expulsions = [t for c, s, t in coded(text) if c == "SANCTION" and s == {"GHA"}]
    assert expulsions and all(t == {"TGO"} for t in expulsions)
