"""dyad.nlp.event_senses.written_stance: a letter, note or message *of* an act expresses a stance."""

import pytest

from tests.event_helpers import coded


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey sent a letter of protest to Greece.", ("ACCUSE", {"TUR"}, {"GRC"})),
    ("Italy sent a letter of support to Greece.", ("SUPPORT", {"ITA"}, {"GRC"})),
    ("The Kenyan president sent a message of solidarity to Uganda.", ("SUPPORT", {"KEN"}, {"UGA"})),
])
def test_event_senses_a_written_act_is_a_stance(text, expected):
    assert expected in coded(text)


@pytest.mark.slow
def test_event_senses_goods_sent_stay_aid():
    assert ("AID", {"JPN"}, {"NPL"}) in coded("Japan sent two tons of medicine to Nepal.")
