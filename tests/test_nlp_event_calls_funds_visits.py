"""Forces called up, funds approved, talks called off and officials arriving abroad: each is the act
it names (MOBILIZE, AID, SANCTION, CONSULT), not a phone call, verbal support, a concession or a
journey. Sentences written for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import categories, coded


@pytest.mark.parametrize("text, source", [
    ("Ukraine's defence ministry said it had called up 50,000 reservists over the summer.", "UKR"),
    ("Sri Lanka imposed a curfew and called out the army on Saturday.", "LKA"),
])
def test_calling_up_forces_mobilises_them(text, source):
    assert any(c == "MOBILIZE" and source in s for c, s, _ in coded(text))
    assert "CONSULT" not in categories(text)


def test_calling_up_a_leader_is_still_a_phone_call():
    assert ("CONSULT", {"FRA"}, {"DEU"}) in coded("Macron called up Scholz on Tuesday evening.")


@pytest.mark.parametrize("text, source, target", [
    ("The Asian Development Bank approved a $500 million loan for Sri Lanka on Friday.", "IGO", "LKA"),
    ("The IMF approved $3 billion in new financing for Egypt.", "IGO", "EGY"),
])
def test_a_lender_approving_funds_is_aid(text, source, target):
    assert ("AID", {source}, {target}) in coded(text)


def test_approving_a_budget_is_no_aid():
    assert "AID" not in categories("The Kenyan parliament approved the new budget on Thursday.")


def test_calling_off_talks_cancels_them():
    assert ("SANCTION", {"KOR"}, set()) in coded("Seoul called off talks on military cooperation on Friday.")


@pytest.mark.parametrize("text, source, target", [
    ("Turkish President Recep Tayyip Erdogan arrived in Baghdad on Monday for his first visit in over a decade.", "TUR", "IRQ"),
    ("Japanese Foreign Minister Yoko Kamikawa landed in Kyiv on Saturday.", "JPN", "UKR"),
])
def test_an_official_arriving_abroad_visits(text, source, target):
    assert ("CONSULT", {source}, {target}) in coded(text)


@pytest.mark.parametrize("text", [
    "Hundreds of migrants arrived in Lampedusa overnight.",
    "The Chinese president arrived in Shanghai on Friday to open a trade fair.",
])
def test_other_arrivals_are_no_visit(text):
    assert "CONSULT" not in categories(text)


@pytest.mark.parametrize("text, source, target", [
    ("Erdogan agreed during a call with Zelensky on Sunday to host a new round of prisoner swaps.", "TUR", "UKR"),
    ("Scholz had a telephone call with Modi on Thursday.", "DEU", "IND"),
])
def test_a_call_with_someone_is_a_consultation(text, source, target):
    assert ("CONSULT", {source}, {target}) in coded(text)


def test_a_call_for_something_is_still_a_request():
    found = categories("The pope renewed his call for a ceasefire in Gaza.")
    assert "REQUEST" in found and "CONSULT" not in found


def test_ordered_or_stepped_up_patrols_are_a_mobilisation():
    assert "MOBILIZE" in categories("Vietnam stepped up naval patrols around the Paracel Islands on Monday.")
