"""Contexts in which a cue word reports no act (``dyad.nlp.event_contexts``), and the senses that
recode one (exchange of fire, restrictions on a foreign state).

Sentences written for these tests; each rule has a sentence it removes and a similar sentence
whose real event is still coded. They run the real event pipeline (actors + events).
"""

from __future__ import annotations

import pytest

from tests.event_helpers import categories as _categories
from tests.event_helpers import coded as _events

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "European law requires member states to admit asylum seekers.",
    "The Iranian constitution forbids foreign military bases on Iranian soil.",
    "Russia's constitution prohibits the extradition of Russian citizens.",
])
def test_nlp_events_contexts_standing_norm_is_no_act(text):
    assert _events(text) == []


def test_nlp_events_contexts_state_that_bans_still_acts():
    assert ("SANCTION", {"DEU"}, {"RUS"}) in _events("Germany banned Russian media outlets on Monday.")
    assert "COERCE" in _categories("The new law bans Russian media outlets from operating in Latvia.")


@pytest.mark.parametrize("text", [
    "The Houthis have the capacity to strike Saudi oil fields.",
    "Experts doubt North Korea's ability to attack the United States.",
])
def test_nlp_events_contexts_capability_is_no_act(text):
    assert _events(text) == []


def test_nlp_events_contexts_used_capability_and_plain_act_stay():
    assert "REJECT" in _categories("Russia used its power to veto the resolution on Syria.")
    assert ("ASSAULT", {"YEM"}, {"SAU"}) in _events("The Houthis struck Saudi oil fields on Sunday.")


@pytest.mark.parametrize("text", [
    "Two missiles struck a market in Kharkiv on Tuesday.",
    "Wildfires destroying the forest reached the Brazilian border.",
])
def test_nlp_events_contexts_weapon_or_disaster_as_subject_names_no_actor(text):
    assert "ASSAULT" not in _categories(text)


def test_nlp_events_contexts_named_user_of_weapon_still_attacks():
    assert ("ASSAULT", {"YEM"}, {"SAU"}) in _events("Houthi missiles struck an oil terminal in Jeddah.")
    assert ("ASSAULT", {"RUS"}, {"UKR"}) in _events("Russian troops struck a market in Kharkiv on Tuesday.")


def test_nlp_events_contexts_purpose_of_a_thing_is_no_act():
    assert _events("The commission was established to investigate Iran's nuclear program.") == []
    assert _events("Red notices are issued to ask police to arrest fugitives.") == []
    # an actor's purpose is kept: the envoys were sent to meet
    assert "CONSULT" in _categories("France sent envoys to Lebanon to meet Hezbollah leaders.")


def test_nlp_events_contexts_second_threatened_act_is_not_done():
    assert _categories("Iran threatened to attack the US base and kill its commander.") == ["THREATEN"]


def test_nlp_events_contexts_question_is_no_request():
    assert _events("Reporters asked the Iranian foreign minister about the sanctions.") == []
    assert ("REQUEST", {"IRN"}, {"RUS"}) in _events("Iran asked Russia for military help.")
    assert ("REQUEST", {"UKR"}, {"DEU"}) in _events("Ukraine asked Germany to send tanks.")
    assert "REQUEST" in _categories("Kenya is asking help from the United Nations to fight the locusts.")


def test_nlp_events_contexts_no_comment_is_no_rejection():
    assert _events("The Chinese embassy declined to comment on the report.") == []
    assert "REJECT" not in _categories("The Iranian ministry declined to say whether Iran would attend the talks.")
    assert "REJECT" in _categories("Israel declined to attend the talks in Cairo.")
    assert "REJECT" in _categories("Hamas refused to respond to the Egyptian proposal.")


def test_nlp_events_contexts_release_of_a_publication_is_no_retreat():
    assert "RETREAT" not in _categories("Turkey released a statement condemning the attack.")
    assert ("RETREAT", {"IRN"}, {"GBR"}) in _events("Iran released the British tanker on Friday.")
    assert "RETREAT" in _categories("Hamas released three Israeli hostages.")


def test_nlp_events_contexts_recognition_and_visits_need_an_actor_or_place():
    assert _events("Doctors first recognized the disease in Wuhan.") == []
    assert _events("The exhibition was visited by thousands of tourists.") == []
    assert _events("The ministry received complaints from Iranian citizens.") == []
    assert ("SUPPORT", {"RUS"}, {"GEO"}) in _events("Russia recognized the independence of Abkhazia.")
    assert "SUPPORT" in _categories("Serbia does not recognize Kosovo.")
    assert ("CONSULT", {"CHN"}, {"RUS"}) in _events("The Chinese foreign minister visited Moscow.")


def test_nlp_events_contexts_event_noun_as_subject_without_doer():
    assert _events("The rally was watched by thousands of people on television.") == []
    assert "CONSULT" in _categories("The talks between Iran and the EU lasted three days.")
    assert "PROTEST" in _categories("The Russian protests spread to Moscow on Saturday.")


def test_nlp_events_contexts_participle_describing_a_noun_is_no_arrest():
    assert _events("The hearing focused on journalists arrested in Turkey last year.") == []
    assert ("COERCE", {"TUR"}, {"TUR"}) in _events("Turkish police arrested journalists in Istanbul last year.")


def test_nlp_events_contexts_noun_in_adjective_or_goal_is_no_act():
    assert _categories("Germany has promised to continue economic aid to war-torn Yemen.") == ["AGREE"]
    assert _events("Units of the Iranian army should be battle ready to defend the border.") == []
    assert _events("The visit is a step toward cooperation between China and India.") == []
    assert "COOPERATE" in _categories("China and India agreed on cooperation in trade.") or \
        "AGREE" in _categories("China and India agreed on cooperation in trade.")


def test_nlp_events_contexts_event_noun_as_topic_of_a_statement():
    assert _events("The Egyptian minister said regarding Turkey's request that Cairo would study it.") == []
    # a request a verb reports made is coded (a request named only by a noun is not: see
    # tests/test_nlp_event_kinds_nominal.py)
    assert ("REQUEST", {"TUR"}, {"EGY"}) in _events("Turkey made a request to Egypt, which Cairo rejected.")


def test_nlp_events_contexts_elaborating_participle_is_the_same_act():
    assert _categories("Trump lashed out at the Mexican president, accusing him of lying.") == ["ACCUSE"]
    assert _categories("The Taliban attacked an army base in Kandahar, killing 17 Afghan soldiers.") == ["ASSAULT"]
    # the participle names the target the verb does not: it is kept
    assert ("ACCUSE", {"CHN"}, {"JPN"}) in _events("China criticized the move, accusing Japan of provocation.")
    # two verbs with their own clauses are two acts
    assert _categories("China condemned the visit and accused Taiwan of provocation.") == ["ACCUSE", "ACCUSE"]


def test_nlp_events_contexts_exchange_of_fire_is_fighting():
    # each side fires at the other: both directions are coded (round 2 mutual acts)
    assert set(_categories("Indian and Pakistani troops exchanged heavy fire along the border.")) == {"ASSAULT"}
    assert set(_categories("Israel and Hamas exchanged prisoners on Sunday.")) == {"RETREAT"}


def test_nlp_events_contexts_restrictions_on_a_foreign_state_are_a_sanction():
    assert ("SANCTION", {"USA"}, {"CHN"}) in _events(
        "The United States imposed new restrictions on Chinese telecom firms.")
    assert ("COERCE", {"CHN"}, {"CHN"}) in _events("China imposed restrictions on protests in Beijing.")


def test_nlp_events_contexts_what_a_demand_or_plan_lists_is_not_done():
    assert _events("The rebels' demands included releasing all Syrian political prisoners.") == []
    assert _events("The Iranian proposal includes withdrawing troops from Syria.") == []
    assert "RETREAT" in _categories("The Syrian government released all political prisoners.")


def test_nlp_events_contexts_aim_of_an_effort_is_not_done():
    assert "RETREAT" not in _categories("Japan backed efforts to end the fighting in Sudan.")
    assert "RETREAT" in _categories("The Sudanese army ended the fighting in Khartoum.")


def test_nlp_events_contexts_seeking_to_act_is_an_intention_not_a_request():
    assert _events("The referendum seeks to create a new autonomous region in Mindanao.") == []
    # overthrowing a government is coercion (a coup): seeking it is a threat, like seeking to annex
    assert _categories("Al-Shabab seeks to overthrow the Somali government.") == ["THREATEN"]
    assert _categories("Brazil and the United States are seeking to deepen their partnership in energy.") == ["AGREE"]
    assert _categories("Russia is seeking to annex parts of Ukraine.") == ["THREATEN"]
    assert ("REQUEST", {"SOM"}, {"KEN"}) in _events("Somalia sought help from Kenya.")


def test_nlp_events_contexts_second_act_of_a_demand_is_not_done():
    assert _categories("Iran demanded that the US withdraw its troops and lift sanctions.") == ["REQUEST"]
    assert _categories("Egypt ordered troops to guard the border and arrest smugglers.") == ["REQUEST"]


def test_nlp_events_contexts_order_without_addressee_is_the_ordered_act():
    assert _events("Putin ordered strikes on Ukrainian power plants.") == [("ASSAULT", {"RUS"}, {"UKR"})]
    assert _categories("The Russian defence minister ordered a heightened alert for the Baltic fleet.") == ["MOBILIZE"]
    # an order to someone is a REQUEST of them; a call for punishment stays an ACCUSE
    assert _categories("Putin ordered Russian troops to attack Kyiv.") == ["REQUEST"]
    assert _categories("The US called for sanctions against Iran.") == ["ACCUSE"]
    assert _categories(
        "The US has been encouraging allies such as Germany to restrict Iranian flights.")[0] == "REQUEST"


def test_nlp_events_contexts_occasion_of_a_statement_is_no_event():
    assert "PROTEST" not in _categories("The Turkish president announced the decision in a rally in Istanbul.")
    assert "PROTEST" not in _categories("The Turkish president announced the decision again in a rally on Friday.")
    assert "PROTEST" in _categories("Turkish opposition supporters held a rally in Istanbul.")


def test_nlp_events_contexts_event_noun_run_or_claimed_by_someone_is_kept():
    assert _categories("The attack was claimed by the Islamic State.") == ["ASSAULT"]
    assert ("CONSULT", {"FRA"}, set()) in _events("The meeting was chaired by the French president.")
