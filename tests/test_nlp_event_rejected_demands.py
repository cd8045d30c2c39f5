"""A demand or a threat that someone rejects was made: "rejected Trump's demand for surrender" is
also Trump's REQUEST to the rejecter, whether or not the rejection happened ("did not reject");
an offer or a charge rejected is left to the rejection. Sentences written for these rules."""

from __future__ import annotations

from tests.event_helpers import coded, coded_denied


def test_a_rejected_demand_was_made_by_its_possessor():
    events = coded("Seoul rejected Pyongyang's demand for an end to joint drills on Monday.")
    assert ("REJECT", {"KOR"}, {"PRK"}) in events
    assert ("REQUEST", {"PRK"}, {"KOR"}) in events


def test_a_demand_not_rejected_was_still_made():
    events = coded_denied("Athens did not reject Ankara's request for talks on the Aegean.")
    assert ("REQUEST", {"TUR"}, {"GRC"}, False) in events


def test_a_rejected_offer_is_left_to_the_rejection():
    events = coded("Caracas rejected Bogota's offer of mediation on Tuesday.")
    assert ("REJECT", {"VEN"}, {"COL"}) in events
    assert not any(c == "AGREE" for c, _, _ in events)
