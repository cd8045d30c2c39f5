"""Acts named only by a noun are not coded; a verb that reports them is (dyad_events).

Sentences written for these tests; they run the real event pipeline (actors + events).
"""

from __future__ import annotations

import pytest

from tests.event_helpers import category_set as _categories, coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "The book describes Germany's invasion of Poland in detail.",
    "Her article was about Iran's support for Hezbollah.",
    "Officials remembered their 2015 agreement.",
    "The museum shows the American bombing of Hanoi.",
])
def test_nlp_event_kinds_act_named_only_by_a_noun_is_no_event(text):
    assert coded(text) == []


@pytest.mark.parametrize(("text", "category", "source"), [
    ("Russia launched an invasion of Ukraine.", "ASSAULT", {"RUS"}),  # a light verb reports it
    ("Congress issued a subpoena to the State Department.", "REQUEST", {"USA"}),
    ("The United States unsealed charges against two Chinese officers.", "ACCUSE", {"USA"}),
])
def test_nlp_event_kinds_noun_with_its_own_agent_verb_is_coded(text, category, source):
    assert any(c == category and s == source for c, s, _ in coded(text))


@pytest.mark.parametrize(("text", "category"), [
    ("Talks between Iran and the European Union continued in Vienna.", "CONSULT"),  # its parties named
    ("Negotiators from Iran and the United States returned to Vienna for talks.", "CONSULT"),  # gone there for it
    ("Ministers from Egypt and Jordan gathered in Cairo for a summit.", "CONSULT"),
    ("The militants held French tourists as human shields.", "ASSAULT"),  # the role a verb's act gives
])
def test_nlp_event_kinds_noun_reported_by_its_clause_is_coded(text, category):
    assert category in _categories(text)


@pytest.mark.parametrize("text", [
    "Analysts saw the vote as support for Russia.",
    "The Chinese envoy suffered a cardiac arrest in Geneva.",
    "The ministry gave the cause of death as a heart attack.",
])
def test_nlp_event_kinds_judged_or_medical_noun_is_no_event(text):
    assert coded(text) == []


@pytest.mark.parametrize(("text", "category", "target"), [
    ("The United States removed sanctions on Venezuela's oil company.", "RETREAT", {"VEN"}),
    ("Washington rolled back tariffs on Chinese goods.", "RETREAT", {"CHN"}),
    ("The EU suspended military aid to Niger.", "SANCTION", {"NER"}),
])
def test_nlp_event_kinds_halting_sanctions_or_aid(text, category, target):
    assert any(c == category and t == target for c, _, t in coded(text))


def test_nlp_event_kinds_removing_troops_is_a_withdrawal_not_a_sanction():
    cats = _categories("The United States removed its troops from Iraq.")
    assert "RETREAT" in cats and "SANCTION" not in cats
    assert "SANCTION" not in _categories("Britain will remove its troops from Mali.")
    assert "SANCTION" not in _categories("France removed its soldiers from Niger last year.")
