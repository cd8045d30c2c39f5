"""dyad.nlp.event_sides: which state each side of an event belongs to, on sentences written
for these tests (the whole pipeline, real registry)."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import countries, run_docs
from dyad.models import ActorRef
from dyad.nlp.event_sides import home_state, private, side_key

pytestmark = pytest.mark.slow

# three sentences about Kenya before the one under test: the article is about Kenya
_KENYA = "Kenya's president visited Nairobi. Kenya's economy grew. Kenya's parliament met.\n\n"
_BRITAIN = "The UK economy grew. Britain's prime minister spoke in London. The British parliament met.\n\n"


def _event(text: str, category: str):
    doc = run_docs([text])[0]
    last = len(list(doc.sents)) - 1
    hits = [e for e in doc._.events or [] if e.category == category and e.sentence == last]
    assert hits, f"no {category} in the last sentence of {text!r}: {[e.category for e in doc._.events or []]}"
    return hits[0]


@pytest.mark.parametrize(("text", "category"), [
    ("In Madrid on Monday, a man with a knife attacked shoppers.", "ASSAULT"),
    ("Demonstrators clashed with riot police in Santiago on Friday.", "ASSAULT"),
    ("A gunman killed two guards at a bank in Quito, Ecuador.", "ASSAULT"),
])
def test_event_sides_private_agent_is_not_the_state_it_acts_in(text, category):
    # people who protest are the exception: protesters in a state are its civilians
    # (tests/test_nlp_event_protests.py; "Thousands of people rallied in Lima" is PER → PER)
    assert countries(_event(text, category).source) == set()


@pytest.mark.parametrize(("text", "category", "state"), [
    ("Hundreds of students protested against the Kenyan government's new tax.", "PROTEST", "KEN"),
    ("Striking workers demanded that the Chilean government raise wages.", "REQUEST", "CHL"),
    ("Dock workers in Peru demanded higher wages from the Peruvian government.", "REQUEST", "PER"),
])
def test_event_sides_private_agent_takes_the_state_named_as_a_party(text, category, state):
    assert countries(_event(text, category).source) == {state}


@pytest.mark.parametrize(("text", "category", "state"), [
    (_KENYA + "Police arrested twenty protesters on Monday.", "COERCE", "KEN"),
    (_KENYA + "The army shelled rebel positions near the border.", "ASSAULT", "KEN"),
    (_BRITAIN + "Parliament voted against the bill.", "REJECT", "GBR"),
    (_KENYA + "The opposition party accused the government of fraud.", "ACCUSE", "KEN"),
    (_BRITAIN + "The opposition rejected the budget.", "REJECT", "GBR"),
])
def test_event_sides_state_body_takes_the_article_state(text, category, state):
    assert countries(_event(text, category).source) == {state}


@pytest.mark.parametrize(("text", "category", "state"), [
    ("Mexican Foreign Minister Luisa Valdivieso arrived in Lima on Monday.\n\n"
     "Valdivieso criticized the decision.", "ACCUSE", "MEX"),
    ("Colombian Senator Ana Quintero spoke on Monday.\n\nQuintero criticized the decision.", "ACCUSE", "COL"),
    ("The Senate of Chile met on Monday.\n\nThe Senate rejected the proposal.", "REJECT", "CHL"),
    ("The National Assembly of Ecuador met on Monday.\n\nThe National Assembly rejected the budget.", "REJECT", "ECU"),
])
def test_event_sides_short_name_takes_the_state_of_its_earlier_full_name(text, category, state):
    assert countries(_event(text, category).source) == {state}


@pytest.mark.parametrize(("text", "category", "source", "target"), [
    ('"The talks failed," wrote the Polish prime minister on Twitter, "so I asked Lithuania to close the border."',
     "REQUEST", "POL", "LTU"),
    ('"Our patience has ended," said Ghanaian Foreign Minister Kofi Mensah. "I urge Togo to release the prisoners."',
     "REQUEST", "GHA", "TGO"),
    ('"Our patience has ended," said Kenyan Interior Minister Fred Otieno. '
     '"We accuse Somalia of sheltering the attackers."', "ACCUSE", "KEN", "SOM"),
])
def test_event_sides_first_person_in_a_quote_is_its_speaker(text, category, source, target):
    event = _event(text, category)
    assert countries(event.source) == {source} and target in countries(event.target)


@pytest.mark.parametrize(("text", "category", "victims"), [
    ("Police detained eight people in the capital.", "COERCE", "eight people"),
    ("Soldiers arrested two journalists.", "COERCE", "two journalists"),
    ("Guards beat three prisoners.", "ASSAULT", "three prisoners"),
])
def test_event_sides_unplaced_target_is_not_taken_for_the_unplaced_source(text, category, victims):
    assert victims in [a.text for a in _event(text, category).target]


def test_event_sides_side_key_tells_unplaced_parties_apart():
    police = ActorRef(id=None, name="Police", sector="COP")
    people = ActorRef(id=None, name="eight people", sector="CVL")
    assert side_key(police) != side_key(people)
    assert side_key(ActorRef(id="KEN", name="Kenya", country="KEN")) == side_key(
        ActorRef(id="KEN", name="Kenya", country="KEN", text="Nairobi"))


def test_event_sides_private_is_every_sector_but_the_state_bodies():
    assert private(ActorRef(id=None, name="a man", sector="UNK"))
    assert private(ActorRef(id=None, name="workers", sector="LAB"))
    assert not private(ActorRef(id=None, name="police", sector="COP"))
    assert not private(ActorRef(id=None, name="the opposition party", sector="PTY"))
    assert not private(ActorRef(id=None, name="Ortega", sector=None))


def test_event_sides_home_state_needs_a_dominant_state():
    kenya = run_docs([_KENYA + "Police arrested twenty protesters."])[0]
    assert home_state(kenya._.mentions) == "KEN"
    even = run_docs(["Kenya met Uganda. Kenya and Uganda signed a deal. Uganda thanked Kenya."])[0]
    assert home_state(even._.mentions) is None
    short = run_docs(["Kenya's police arrested twenty protesters."])[0]
    assert home_state(short._.mentions) is None
