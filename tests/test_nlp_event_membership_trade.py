"""Kinds of statement that were not coded at all: ratifying another state's bid to join a body backs
it, applying to join asks the body, taking delivery of what was bought trades with the seller,
making something jointly is cooperation, and poisoning someone is an assault. Sentences written for
these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import categories, coded, coded_denied


@pytest.mark.parametrize("text, source, target", [
    ("The Slovak parliament ratified North Macedonia's accession to NATO on Tuesday.", "SVK", "MKD"),
    ("Portugal's parliament ratified Montenegro's membership bid on Friday.", "PRT", "MNE"),
])
def test_ratifying_a_states_accession_supports_it(text, source, target):
    assert ("SUPPORT", {source}, {target}) in coded(text)


def test_a_ratification_not_yet_made_is_negated():
    events = coded_denied("Greece's parliament has not yet ratified North Macedonia's membership bid.")
    assert ("SUPPORT", {"GRC"}, {"MKD"}, True) in events


@pytest.mark.parametrize("text, source", [
    ("Bosnia formally applied to join the European Union in February 2016.", "BIH"),
    ("Albania applied for EU membership in 2009.", "ALB"),
])
def test_applying_to_join_a_body_asks_it(text, source):
    requests = [(s, t) for c, s, t in coded(text) if c == "REQUEST"]
    assert requests and source in requests[0][0] and requests[0][1]


@pytest.mark.parametrize("text, buyer, seller", [
    ("India took delivery of the first S-400 squadron from Russia on Monday.", "IND", "RUS"),
    ("Algeria took delivery of China's first batch of CH-4 drones last year.", "DZA", "CHN"),
])
def test_taking_delivery_trades_with_the_seller(text, buyer, seller):
    assert ("COOPERATE", {buyer}, {seller}) in coded(text)


def test_a_delivery_of_nothing_named_is_no_trade():
    assert "COOPERATE" not in categories("Qatar Airways was due to take delivery in June.")


def test_joint_production_is_cooperation():
    events = coded("Poland and South Korea began joint production of K2 tanks at a plant near Poznan on Tuesday.")
    assert any(c == "COOPERATE" and {"POL", "KOR"} <= s | t for c, s, t in events)


def test_poisoning_someone_is_an_assault():
    events = coded("Russian agents poisoned the defector Alexander Litvinenko in London.")
    assert any(c == "ASSAULT" and "RUS" in s for c, s, _ in events)


def test_poisoning_relations_is_no_assault():
    assert "ASSAULT" not in categories("The row poisoned relations between Rome and Paris for a decade.")
