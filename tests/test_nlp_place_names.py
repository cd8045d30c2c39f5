"""A state's name inside a geographic feature's name ("the Gulf of Oman", "the South China Sea") is a
place, not a party; an act at sea is in no state, so no domestic target is assumed. Sentences written
for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from dyad.nlp.pipeline import build_pipeline

    return build_pipeline()


def run(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.doc_date = "2024-03-01"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def ids(doc) -> set[str]:
    return {m.actor.id for m in doc._.mentions if m.actor is not None and m.actor.id}


@pytest.mark.parametrize("text, absent, present", [
    ("Two frigates crossed the Gulf of Oman on Tuesday.", {"OMN"}, set()),
    ("Vietnam protested new Chinese patrols in the South China Sea.", set(), {"VNM"}),
    ("A Russian submarine surfaced in the Sea of Japan.", {"JPN"}, set()),
    ("Shipping through the Bay of Bengal slowed after the storm.", {"BGD"}, set()),
])
def test_nlp_place_names_state_in_feature_name_is_no_mention(nlp, text, absent, present):
    found = ids(run(nlp, text))
    assert not found & absent and present <= found


def test_nlp_place_names_state_outside_the_feature_still_counts(nlp):
    found = ids(run(nlp, "Oman hosted talks on shipping in the Gulf of Oman."))
    assert "OMN" in found


@pytest.mark.parametrize("text, source", [
    ("Iran seized a tanker in the Gulf of Oman.", "IRN"),
    ("Egyptian police seized a fishing boat on the Red Sea.", "EGY"),
])
def test_nlp_place_names_act_at_sea_has_no_domestic_target(nlp, text, source):
    [event] = [e for e in run(nlp, text)._.events if e.category == "COERCE"]
    assert event.source[0].country == source
    assert not any(a.country == source for a in event.target)


@pytest.mark.parametrize("text", ["Iran seized a tanker.", "Iranian police seized a tanker at the port."])
def test_nlp_place_names_domestic_default_stays_on_land(nlp, text):
    [event] = [e for e in run(nlp, text)._.events if e.category == "COERCE"]
    assert [a.id for a in event.target] == ["IRN"]
