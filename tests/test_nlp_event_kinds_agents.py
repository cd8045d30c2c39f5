"""Acts whose doer cannot act politically, private movements and purposes are not coded (dyad_events).

Sentences written for these tests; they run the real event pipeline (actors + events).
"""

from __future__ import annotations

import pytest

from tests.event_helpers import category_set as _categories, coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "The virus killed three Italian doctors.",
    "A truck struck a group of French tourists in Nice.",
    "The earthquake destroyed much of the Turkish city of Antakya.",
    "A collision which killed two Polish workers closed the road.",
])
def test_nlp_event_kinds_thing_as_doer_is_no_assault(text):
    assert "ASSAULT" not in _categories(text)


def test_nlp_event_kinds_armed_doer_still_assaults():
    assert any(c == "ASSAULT" and s == {"TUR"} for c, s, _ in coded("Turkish soldiers killed three Kurdish militants."))
    assert any(c == "ASSAULT" and s == {"RUS"} for c, s, _ in coded("Russian jets attacked the Syrian town of Idlib."))


@pytest.mark.parametrize("text", [
    "The ambassador returned to Paris on Monday.",
    "She returned to Canada after the trip.",
    "The Iranian delegation returned home on Friday.",
    "He received his degree in Britain.",
    "She received her military training in Russia.",
    "The museum recalls the American bombing of Hanoi.",
])
def test_nlp_event_kinds_private_movement_or_receipt_is_no_retreat(text):
    assert not _categories(text) & {"RETREAT", "SANCTION"}


@pytest.mark.parametrize(("text", "target"), [
    ("Iraq returned the seized ships to Iran.", {"IRN"}),
    ("Germany received Syrian refugees last year.", {"SYR"}),
])
def test_nlp_event_kinds_returning_or_receiving_someone_is_a_retreat(text, target):
    assert any(c == "RETREAT" and t == target for c, _, t in coded(text))


@pytest.mark.parametrize(("text", "absent"), [
    ("French troops stayed in Mali to prevent the rebels from taking Bamako.", "COERCE"),
    ("Germany raised its budget to help refugees.", "AID"),
    ("China built new ports to protect its trade routes.", "AID"),
    ("The bank raised interest rates to defend the Turkish lira.", "SUPPORT"),
])
def test_nlp_event_kinds_infinitive_of_purpose_is_no_act(text, absent):
    assert absent not in _categories(text)


def test_nlp_event_kinds_sent_to_do_it_starts_the_act():
    assert "ASSAULT" in _categories("Kenya sent police officers to Haiti to fight the gangs.")
    assert "COERCE" in _categories("Turkish riot police moved in to suppress protests in Ankara.")


@pytest.mark.parametrize(("text", "category"), [
    ("She helped negotiate the Iran nuclear deal.", "CONSULT"),
    ("Norway helped broker the Colombian peace accord.", "CONSULT"),
    ("The Iranian envoy helped mediate talks between the two Afghan factions.", "CONSULT"),
])
def test_nlp_event_kinds_helping_with_an_act_is_that_act(text, category):
    cats = _categories(text)
    assert category in cats and "AID" not in cats


def test_nlp_event_kinds_helping_someone_act_is_aid():
    assert any(c == "AID" and t == {"UKR"} for c, _, t in coded("The United States helped Ukraine defend its cities."))


@pytest.mark.parametrize(("text", "source"), [
    ("Turkish police used tear gas against Kurdish demonstrators in Istanbul.", {"TUR"}),
    ("The Chinese government has quarantined a number of cities over the virus.", {"CHN"}),
    ("The Sudanese army overthrew President Bashir in 2019.", {"SDN"}),
    ("The Thai military staged a coup in 2014.", {"THA"}),
])
def test_nlp_event_kinds_riot_control_quarantine_and_coups_are_coercion(text, source):
    assert any(c == "COERCE" and s == source for c, s, _ in coded(text))


def test_nlp_event_kinds_using_something_else_is_no_coercion():
    assert "COERCE" not in _categories("The Iranian minister used the meeting to praise Iraq.")
    assert "COERCE" not in _categories("Egypt uses Russian wheat in its bread.")
