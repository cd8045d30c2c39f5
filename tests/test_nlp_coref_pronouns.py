"""dyad.nlp.coref pronouns: a subject "they" stands for the plural subject before it, "their
government" for the government of the subject's state, "he"/"she" for a person named only by a
noun ("a police officer") — sentences written for these tests, run through the actors and coref
stages of the real pipeline."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from dyad.nlp.pipeline import build_pipeline

    return build_pipeline(components=("dyad_actors", "dyad_coref"))


def _they(nlp, text: str) -> set[str]:
    doc = nlp(text)
    return {m.actor.country for m in doc._.mentions if m.via == "coref" and m.span.text.lower() == "they"}


@pytest.mark.parametrize(("text", "states"), [
    ("Egypt, Greece and Cyprus met in Cairo on Wednesday. They called on Turkey to halt the drilling.",
     {"EGY", "GRC", "CYP"}),
    ("Kenya and Uganda signed a trade deal. They also agreed to open the border.", {"KEN", "UGA"}),
    ("Chile and Peru condemned the attack. They demanded an inquiry.", {"CHL", "PER"}),
    ("Officials from Ghana and Togo met in Accra.\n\nThey agreed to reopen the border.", {"GHA", "TGO"}),
])
def test_coref_they_is_the_plural_subject_before_it(nlp, text, states):
    assert _they(nlp, text) == states


@pytest.mark.parametrize("text", [
    "Japan met Korea in Tokyo. They signed nothing.",  # a singular subject is no antecedent of "they"
    "Norway sent aid. They said more would follow.",
    "Kenya and Uganda signed a deal after they were pressed by donors.",  # not in a main clause
    "Kenya and Uganda signed a deal. The deal, which they negotiated for years, opens the border.",
])
def test_coref_they_is_left_open_without_a_plural_main_subject(nlp, text):
    assert _they(nlp, text) == set()


def _governments(nlp, text: str) -> set[str]:
    doc = nlp(text)
    return {m.actor.country for m in doc._.mentions if m.via == "coref" and m.span.text.endswith("government")}


@pytest.mark.parametrize(("text", "states"), [
    ("Chinese citizens have criticized their government's initial response.", {"CHN"}),
    ("Kenyan students said their government had failed them.", {"KEN"}),
    ("Iranian officials blamed the United States for the attack on their government.", {"IRN"}),
    ("Protesters criticized their government.", set()),  # whose, the sentence does not say
])
def test_coref_their_government_is_the_subject_state_government(nlp, text, states):
    assert _governments(nlp, text) == states


def _pronoun_names(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [m.actor.name for m in doc._.mentions if m.via == "coref" and m.span.text.lower() in ("he", "she")]


@pytest.mark.parametrize(("text", "name"), [
    ("A police officer was surrounded by protesters; he then drew his pistol.", "police officer"),
    ("A soldier was wounded on Monday. He was taken to hospital.", "soldier"),
    ("The journalist was detained at the airport. She was released on Friday.", "journalist"),
])
def test_coref_subject_pronoun_is_the_one_unnamed_person_before_it(nlp, text, name):
    assert _pronoun_names(nlp, text) == [name]


@pytest.mark.parametrize("text", [
    "A woman was arrested in Paris. He denied it.",  # gender clash
    "A man and a soldier argued. He left.",  # two people
    "Minister Olaf Berg met a soldier. He left.",  # a named person in reach
])
def test_coref_unnamed_person_needs_one_clear_candidate(nlp, text):
    assert _pronoun_names(nlp, text) == []


def _it(nlp, text: str) -> str | None:
    doc = nlp(text)
    return next((m.actor.country for m in doc._.mentions if m.via == "coref" and m.span.text.lower() == "it"), None)


@pytest.mark.parametrize(("text", "state"), [
    ("Armenia lodged a complaint against Azerbaijan at the UN on Friday, accusing it of ethnic cleansing.", "AZE"),
    ("Ukraine filed a case against Russia at the International Court of Justice, accusing it of genocide.", "RUS"),
])
def test_coref_a_participle_object_it_is_not_the_subject_doing_it(nlp, text, state):
    # the participle's doer is the main subject, so "it" is the other state named before it
    assert _it(nlp, text) == state


def test_coref_a_participle_object_it_can_be_a_thing(nlp):
    text = "Peru apologised to Chile on Monday for the seizure of the Chilean trawler, calling it a regrettable error."
    assert _it(nlp, text) is None
