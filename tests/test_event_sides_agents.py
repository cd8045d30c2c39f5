"""Who is source and who is target when the doer or receiver sits outside the clause's subject
and object (dyad.nlp.event_agents, dyad.nlp.event_actors, dyad.nlp.event_sides): by-agents of
event nouns, "as" roles, legal acts, groups defined by a person. Sentences written for these
tests; the whole pipeline with the real registry."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import countries, run_docs
from dyad.models import ActorRef
from dyad.nlp.event_agents import GROUP_NOUNS, group_of
from dyad.nlp.event_sides import side_key

pytestmark = pytest.mark.slow


def _events(text: str, category: str):
    doc = run_docs([text])[0]
    found = [e for e in doc._.events or [] if e.category == category]
    assert found, f"no {category} in {text!r}: {[(e.category, e.trigger) for e in doc._.events or []]}"
    return found


def _by_trigger(text: str, category: str, word: str):
    hits = [e for e in _events(text, category) if word in e.trigger]
    assert hits, f"no {category} at {word!r} in {text!r}"
    return hits[0]


# ----------------------------------------------------------------------------- 1. by-agents


@pytest.mark.parametrize(("text", "verb", "source"), [
    ("Strikes by Turkish jets hit Kurdish villages near Qamishli.", "hit", "TUR"),
    ("Raids by Israeli forces killed three men in Jenin.", "killed", "ISR"),
    ("Shelling by Ukrainian troops destroyed a bridge near Donetsk.", "destroyed", "UKR"),
    ("Bombing by the Saudi air force wounded dozens of people in Sanaa.", "wounded", "SAU"),
])
def test_event_sides_by_agent_of_subject_noun_is_the_source(text, verb, source):
    assert countries(_by_trigger(text, "ASSAULT", verb).source) == {source}


def test_event_sides_gerund_by_agent_is_its_own_source():
    event = _by_trigger("Shelling by the Russian army killed four civilians in Kherson.", "ASSAULT", "Shelling")
    assert countries(event.source) == {"RUS"}
    assert countries(event.target) != {"RUS"}


# ----------------------------------------------------------------------------- 2. "as" roles


@pytest.mark.parametrize(("text", "held"), [
    ("Al-Shabaab fighters held hundreds of villagers as human shields near Kismayo.", "villagers"),
    ("The militia used local farmers as human shields.", "farmers"),
    ("Islamic State gunmen kept dozens of families as human shields in Mosul.", "families"),
])
def test_event_sides_held_as_shields_targets_the_people_held(text, held):
    event = _events(text, "ASSAULT")[0]
    assert event.source  # the holder acts
    assert any(held in (a.text or "") for a in event.target), event.target
    assert not any(held in (a.text or "") for a in event.source), event.source


# ----------------------------------------------------------------------------- 3. legal acts


@pytest.mark.parametrize(("text", "category", "target_words"), [
    ("Prosecutors in Madrid charged the former minister with embezzlement.", "ACCUSE", "minister"),
    ("Italian prosecutors indicted the former mayor on charges of fraud.", "ACCUSE", "mayor"),
    ("A Kenyan court charged the former governor with corruption.", "ACCUSE", "governor"),
])
def test_event_sides_legal_act_targets_the_accused_of_the_same_state(text, category, target_words):
    """The court and the accused share a state but are not one side."""
    event = _events(text, category)[0]
    assert event.source and event.target
    assert any(target_words in (a.text or "") for a in event.target)


def test_event_sides_unsealed_charges_against_target():
    event = _events("US prosecutors unsealed charges against a Russian arms dealer.", "ACCUSE")[0]
    assert countries(event.source) == {"USA"} and countries(event.target) == {"RUS"}


def test_event_sides_side_key_tells_state_bodies_apart_by_sector():
    court = ActorRef(id=None, name="prosecutors", country="FRA", sector="JUD")
    accused = ActorRef(id=None, name="former minister", country="FRA", sector="ELI")
    police = ActorRef(id=None, name="riot police", country="FRA", sector="COP")
    assert side_key(court) != side_key(accused)
    assert side_key(police) == side_key(ActorRef(id=None, name="police", country="FRA", sector="COP"))
    unplaced = ActorRef(id=None, name="Police", sector="COP")
    assert side_key(unplaced) != side_key(ActorRef(id=None, name="people", sector="COP"))


# ----------------------------------------------------------------------------- 5. groups defined by a person


@pytest.mark.parametrize(("text", "category", "group"), [
    ("Belarusian police detained supporters of Sviatlana Tsikhanouskaya in Minsk.", "COERCE", "supporters"),
    ("Police arrested several associates of Alexei Navalny on Friday.", "COERCE", "associates"),
    ("Security forces detained relatives of Nicolas Maduro in Caracas.", "COERCE", "relatives"),
])
def test_event_sides_group_of_a_person_is_not_that_person(text, category, group):
    event = _events(text, category)[0]
    assert event.target, text
    actor = event.target[0]
    assert group in (actor.text or "").lower()
    assert actor.id is None or not actor.id.startswith("person:")
    assert actor.sector != "GOV"


def test_event_sides_group_keeps_the_person_state():
    event = _events("Police in Moscow detained dozens of supporters of Alexei Navalny.", "COERCE")[0]
    assert countries(event.target) == {"RUS"}
    assert event.target[0].text == "dozens of supporters of Alexei Navalny"


def test_event_sides_group_of_unit():
    anchor = ActorRef(id="person:x", name="X", country="RUS", sector="OPP")
    group = group_of(None, [anchor], "friends of X")[0]
    assert (group.id, group.country, group.sector, group.text) == (None, "RUS", None, "friends of X")
    assert group_of(None, [], "friends of nobody") == []
    assert {"supporter", "associate", "relative"} <= GROUP_NOUNS
