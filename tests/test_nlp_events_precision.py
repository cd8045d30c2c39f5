"""dyad_events emits events only for acts reported in the sentence (precision rules).

Sentences written for these tests; they run the real event pipeline (actors + events).
"""

from __future__ import annotations

import pytest

from tests.event_helpers import category_set as _categories, coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Peru blamed Chile for the unrest along the border.",  # the blamed act is background
    "The minister spoke briefly after the attack on the convoy.",
    "At the opening of the summit, the minister thanked the hosts.",
])
def test_nlp_events_background_noun_in_adjunct_is_no_event(text):
    cats = _categories(text)
    assert not cats & {"ASSAULT", "PROTEST", "CONSULT"}


def test_nlp_events_noun_with_own_agent_still_counts():
    assert ("ASSAULT", {"RUS"}, set()) in coded("Ten soldiers died during heavy fighting by Russian forces.")
    assert "ASSAULT" in _categories("The ministry reported fighting between Armenian and Azerbaijani troops.")


def test_nlp_events_state_noun_is_no_event():
    assert coded("The hostility between Iran and the United States deepened.") == []


def test_nlp_events_title_word_is_no_event():
    assert "CONSULT" not in _categories("The envoy for Sudan negotiations resigned on Friday.")
    assert "COOPERATE" not in _categories("Australia's trade minister arrived in Jakarta.")


def test_nlp_events_agentless_passive_is_no_event():
    assert coded("A soldier was shot near the border on Tuesday.") == []
    assert coded("Three women were injured, according to the reports.") == []


def test_nlp_events_passive_with_instrument_or_arrest_kept():
    assert "ASSAULT" in _categories("Two journalists were killed in an Israeli airstrike.")
    assert "COERCE" in _categories("Dozens of protesters were arrested in Minsk.")


def test_nlp_events_condemned_threat_is_accuse_of_the_threatener():
    events = coded("The Iranian foreign minister condemned Israeli threats to strike the reactor.")
    assert events == [("ACCUSE", {"IRN"}, {"ISR"})]


def test_nlp_events_denounced_accord_is_not_an_agreement():
    cats = _categories("The ministers denounced the accord between Armenia and Azerbaijan.")
    assert cats == {"ACCUSE"}


def test_nlp_events_financing_a_war_is_aid_to_the_fighter():
    assert coded("China financed Russia's war against Ukraine.") == [("AID", {"CHN"}, {"RUS"})]
    assert _categories("Qatar funded Turkey's offensive in Syria.") == {"AID"}


def test_nlp_events_naming_is_no_request():
    assert "REQUEST" not in _categories("The United States called its strikes defensive.")
    # naming the sanctions illegal is criticism (ACCUSE, round 2), never a request or a sanction
    assert _categories("The ministry called the sanctions illegal.") == {"ACCUSE"}
    assert "REQUEST" in _categories("Egypt called on Ethiopia to halt the filling of the dam.")


def test_nlp_events_participle_modifier_is_no_event():
    assert "SUPPORT" not in _categories("An Iranian-backed militia seized the town.")
    assert "ACCUSE" not in _categories("The alleged plot was discussed in parliament.")


def test_nlp_events_press_release_is_no_release():
    assert "RETREAT" not in _categories("In a press release, Egypt rejected the plan.")


def test_nlp_events_issued_press_release_is_no_event():
    assert coded("On Monday the ministry issued a short press release.") == []
