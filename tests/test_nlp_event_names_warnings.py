"""A verb inside an organisation's name is no act; a warning of a danger is no threat
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import run_docs
from tests.event_helpers import categories, coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,word", [
    ("The Committee to Protect Journalists counted 30 reporters in prison last year.", "AID"),
])
def test_a_verb_inside_a_name_is_no_event(text, word):
    assert word not in categories(text)


@pytest.mark.parametrize("text", [
    "Aid agencies warned of famine in South Sudan.",
    "The central bank warned about a recession in Germany.",
])
def test_a_warning_of_a_danger_is_no_threat(text):
    assert "THREATEN" not in categories(text)


@pytest.mark.parametrize("text,src", [
    ("Turkey warned of serious consequences if Greece extended its waters.", "TUR"),
    ("Beijing warned of a firm response to the senator's trip.", "CHN"),
    ("Moscow warned Finland of retaliation.", "RUS"),
])
def test_a_warning_of_consequences_is_a_threat(text, src):
    assert any(c == "THREATEN" and src in s for c, s, _ in coded(text))


@pytest.mark.parametrize("text,name,actor", [
    ("Doctors Without Borders said two of its clinics in Gaza were hit.", "Doctors Without Borders", "MSF"),
    ("The Committee to Protect Journalists counted 30 reporters in prison.", "Committee to Protect Journalists",
     "CPJ"),
])
def test_a_name_the_parser_splits_is_one_mention(text, name, actor):
    """The parser reads "Doctors" and "Borders" as two noun phrases; the NER's name is kept whole."""
    mentions = {m.span.text: m.actor.id for m in run_docs([text])[0]._.mentions}
    assert mentions.get(name) == actor
    assert not [t for t in mentions if t in name and t != name]


@pytest.mark.parametrize("text", [
    "Kenyan officials warned of attacks by al-Shabaab over the holidays.",
    "Britain warned of possible Russian strikes on Moldova's power grid.",
])
def test_a_warning_of_anothers_act_is_neither_a_threat_nor_the_act(text):
    assert not {"THREATEN", "ASSAULT"} & set(categories(text))
