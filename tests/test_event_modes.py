"""dyad.nlp.event_modes: an ASSAULT's mode from the weapon named in its clause or from its victim."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import run_docs
from dyad.nlp.event_modes import actor_contexts, assault_cameo, assault_mode
from dyad.ontology.plover import load_lexicon, load_plover


def _assault(text: str):
    events = [e for e in run_docs([text])[0]._.events or [] if e.category == "ASSAULT"]
    assert events, text
    return events[0]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mode", "cameo"), [
    ("A car bomb killed four soldiers near the base in Mosul.", "explosives", "183"),
    ("A suicide bomber killed nine police officers in Kabul on Monday.", "suicide-attack", "1831"),
    ("Militiamen armed with machetes attacked a village in northern Nigeria.", "primitive", None),
    ("Government tanks shelled the rebel-held town of Homs for a third day.", "heavy-weapons", None),
    ("Rebels killed the provincial governor of Kandahar on Tuesday.", "assassinate", "186"),
    ("Soldiers fired rockets at the border post, the army said.", "heavy-weapons", None),
])
def test_event_modes_weapon_or_victim_tells_the_assault_mode(text, mode, cameo):
    event = _assault(text)
    assert event.mode == mode
    if cameo is not None:
        assert event.cameo_code == cameo


@pytest.mark.slow
def test_event_modes_plain_attack_keeps_no_mode():
    assert _assault("Rebels attacked an army convoy near the border on Sunday.").mode is None


def test_event_modes_a_specific_trigger_mode_is_kept():
    lexicon = load_lexicon()
    assert assault_mode(_FakeToken(), "torture", lexicon) == "torture"  # never second-guessed


def test_event_modes_only_generic_cameo_codes_are_refined():
    plover = load_plover()
    assert assault_cameo("18", "explosives", plover) == "183"
    assert assault_cameo("1822", "explosives", plover) == "1822"  # torture stays torture
    assert assault_cameo("19", None, plover) == "19"


class _FakeToken:
    """assault_mode returns before reading the token when the trigger's mode is specific."""


def _a(country, sector=None, id_=None):
    from dyad.models import ActorRef
    return ActorRef(id=id_, name=country or "someone", country=country, sector=sector)


IGO = frozenset({"IGO", "UNO"})


def test_event_modes_armed_forces_make_a_military_context():
    assert "military" in actor_contexts("AGREE", None, [_a("NOR", "MIL")], [_a("SAU", id_="SAU")], (), IGO)


def test_event_modes_states_speaking_to_each_other_is_diplomacy_when_nothing_more_specific():
    france, chad = [_a("FRA", "GOV")], [_a("TCD", id_="TCD")]
    assert actor_contexts("ACCUSE", None, france, chad, (), IGO) == ("diplomatic",)
    assert actor_contexts("ACCUSE", None, france, chad, ("economic",), IGO) == ("economic",)
    assert actor_contexts("ACCUSE", None, france, [_a("FRA", "OPP")], (), IGO) == ()  # a domestic quarrel
    assert actor_contexts("ASSAULT", None, france, chad, (), IGO) == ()  # force is not diplomacy


def test_event_modes_workers_protests_are_economic_and_bombings_by_non_state_actors_terrorism():
    assert actor_contexts("PROTEST", "strike-gen", [_a("SRB", "LAB")], [_a("SRB", id_="SRB")], (), IGO) == ("economic",)
    assert actor_contexts("ASSAULT", "explosives", [_a("IRQ", "REB")], [_a("IRQ", "CVL")], (), IGO) == ("terrorism",)
    assert "terrorism" not in actor_contexts("ASSAULT", "explosives", [_a("USA", "MIL")], [_a("AFG", "REB")], (), IGO)


@pytest.mark.slow
def test_event_modes_contexts_reach_the_coded_event():
    event = next(e for e in run_docs(["Norway rejected a Brazilian request on Monday."])[0]._.events
                 if e.category == "REJECT")
    assert event.context == ("diplomatic",)
