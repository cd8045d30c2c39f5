"""The words that stand for each side of an event (ActorRef.text, dyad.nlp.event_words): the
whole noun phrase news-event coders mark. Sentences written for these tests; whole pipeline."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import run_docs

pytestmark = pytest.mark.slow


def _sides(text: str, category: str, trigger: str = "") -> tuple[list[str | None], list[str | None]]:
    doc = run_docs([text])[0]
    events = [e for e in doc._.events or [] if e.category == category and trigger in e.trigger]
    assert events, f"no {category} in {text!r}: {[(e.category, e.trigger) for e in doc._.events or []]}"
    return [a.text for a in events[0].source], [a.text for a in events[0].target]


@pytest.mark.parametrize(("text", "category", "words"), [
    ("Al-Shabaab gunmen killed at least 14 soldiers in Somalia on Tuesday.", "ASSAULT",
     "at least 14 soldiers in Somalia"),
    ("Gunmen abducted nearly 40 students in Kaduna last week.", "ASSAULT", "nearly 40 students in Kaduna"),
    ("Turkish jets bombed Kurdish militia positions in northern Iraq.", "ASSAULT",
     "Kurdish militia positions in northern Iraq"),
])
def test_event_sides_words_keep_count_and_place_of_a_group(text, category, words):
    assert words in _sides(text, category)[1]


def test_event_sides_words_person_not_widened_to_where_they_are():
    # summoning an envoy is a formal complaint (ACCUSE)
    _, targets = _sides("China summoned the Dutch ambassador in Beijing on Friday.", "ACCUSE")
    assert "the Dutch ambassador" in targets


@pytest.mark.parametrize(("text", "category", "side", "words"), [
    ("Italy held talks with the Libyan prime minister, Abdul Hamid Dbeibah, on Monday.", "CONSULT", 1,
     "the Libyan prime minister , Abdul Hamid Dbeibah"),
    ("Angela Merkel, the German chancellor, criticized the plan on Monday.", "ACCUSE", 0,
     "Angela Merkel , the German chancellor"),
])
def test_event_sides_words_take_the_apposed_title_or_name(text, category, side, words):
    found = _sides(text, category)[side]
    assert any(w is not None and w.replace(" ,", ",") == words.replace(" ,", ",") for w in found), found


def test_event_sides_words_place_apposition_is_not_taken():
    _, targets = _sides("Russian jets bombed Idlib, the last rebel stronghold, on Sunday.", "ASSAULT")
    assert "Idlib" in targets


@pytest.mark.parametrize(("text", "category", "words"), [
    ("Tehran rejected Germany's decision to expel two diplomats.", "REJECT", "Germany's decision"),
    ("Israeli artillery shelled positions of Hezbollah in southern Lebanon.", "ASSAULT",
     "positions of Hezbollah in southern Lebanon"),
    ("The Polish government rejected the demand of the European Commission.", "REJECT",
     "the demand of the European Commission"),
])
def test_event_sides_words_thing_acted_on_stands_for_its_owner(text, category, words):
    assert words in _sides(text, category)[1]


def test_event_sides_words_event_noun_of_the_trigger_stays_out():
    """"came to Kenya's aid": the aid is the event, Kenya the side."""
    _, targets = _sides("Several neighbours came to Kenya's aid after the floods.", "AID")
    assert targets == ["Kenya"]


@pytest.mark.parametrize(("text", "trigger", "words"), [
    ("Militiamen loyal to the former governor attacked a police station in Bor.", "attacked",
     "Militiamen loyal to the former governor"),
    ("Kenyan airstrikes this week killed 20 al-Shabaab fighters.", "killed", "Kenyan airstrikes"),
])
def test_event_sides_words_source_qualifiers(text, trigger, words):
    sources, _ = _sides(text, "ASSAULT", trigger)
    assert words in sources, sources


def test_event_sides_words_apposed_title_stops_before_its_clause():
    sources, _ = _sides("Omar Haidari, a Taliban commander wanted for kidnapping, surrendered to Afghan police.",
                        "RETREAT")
    assert any(w is not None and w.replace(" ,", ",") == "Omar Haidari, a Taliban commander" for w in sources), sources
