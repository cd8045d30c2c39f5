"""Speech-act senses: verbal attacks, proposals, expressive offers and advice (dyad_events).

Sentences written for these tests; they run the real event pipeline (actors + events).
"""

from __future__ import annotations

import pytest

from tests.event_helpers import category_set as _categories, coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Trump attacked the investigation as a witch hunt.",
    "The senator attacked the Iranian proposal.",
    "The Chinese foreign ministry attacked the report as biased.",
])
def test_nlp_event_kinds_attacking_a_statement_or_plan_is_criticism(text):
    cats = _categories(text)
    assert "ACCUSE" in cats and "ASSAULT" not in cats


@pytest.mark.parametrize("text", [
    "The parliament voted on a resolution to expel American troops.",
    "Lawmakers debated a bill to ban Chinese apps.",
    "The rebels repeated their demand that Mali's government release the prisoners.",
])
def test_nlp_event_kinds_content_of_a_proposal_or_demand_is_not_done(text):
    assert not _categories(text) & {"SANCTION", "COERCE", "RETREAT"}


def test_nlp_event_kinds_repeated_demand_is_a_request():
    assert "REQUEST" in _categories("The rebels repeated their demand that Mali's government release the prisoners.")


@pytest.mark.parametrize("text", [
    "The Turkish president offered his condolences to the Iranian people.",
    "Japan offered its congratulations to the new Indian government.",
    "The German chancellor offered her condolences to the families of the victims.",
])
def test_nlp_event_kinds_offering_condolences_is_support_not_a_promise(text):
    cats = _categories(text)
    assert "SUPPORT" in cats and "AGREE" not in cats


@pytest.mark.parametrize("text", [
    "The State Department advised Americans to leave Lebanon.",
    "The Iraqi prime minister recommended that American troops withdraw.",
    "The WHO advised governments to close their borders.",
])
def test_nlp_event_kinds_advice_is_a_request(text):
    assert "REQUEST" in _categories(text)


@pytest.mark.parametrize(("text", "target"), [
    ('"I want to thank the Canadian people for their hospitality," the American president said.', {"CAN"}),
    ('"We would like to congratulate the Indian government," the Japanese minister said.', {"IND"}),
    ('"We wish to thank Qatar for its mediation," the Afghan envoy said.', {"QAT"}),
])
def test_nlp_event_kinds_wish_to_say_it_performs_the_verbal_act(text, target):
    events = coded(text)
    assert any(c == "SUPPORT" and t == target for c, _, t in events)
    assert "AGREE" not in {c for c, _, _ in events}


def test_nlp_event_kinds_wish_to_act_stays_an_intention():
    assert "AGREE" in _categories("Iran wants to meet Saudi officials next month.")
    assert "THREATEN" in _categories("We want to attack Israel, the Hezbollah leader said.")


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Hu Jintao, the President of China, had lunch today with the President of Brazil.", {"CHN"}, {"BRA"}),
    ("The Japanese prime minister held a dinner for the Indian president.", {"JPN"}, {"IND"}),
    ("The Kenyan president had breakfast with Somali leaders in Nairobi.", {"KEN"}, {"SOM"}),
    ("The US Secretary of State contacted Thailand's foreign minister over the crisis.", {"USA"}, {"THA"}),
])
def test_nlp_event_kinds_meal_or_contact_with_someone_is_a_meeting(text, source, target):
    assert ("CONSULT", frozenset(source), frozenset(target)) in {
        (c, frozenset(s), frozenset(t)) for c, s, t in coded(text)}


@pytest.mark.parametrize("text", [
    "She had lunch at a cafe in Paris.",
    "The delegates had dinner at their hotel in Geneva.",
    "The Iranian minister had breakfast before leaving Baghdad.",
])
def test_nlp_event_kinds_meal_alone_is_no_meeting(text):
    assert "CONSULT" not in _categories(text)
