"""Measures named the way headlines name them ("hits firms with trade curbs", "slaps asset freezes
on", "imposes countermeasures on"), agreements ended by a concession verb ("scrapped its defence
accords with X"), a state's forces moved with no one named ("North Korean troops were sent to
Russia"), and goods received from a party ("received drones from Turkey"). Sentences written for
these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import coded, coded_denied


@pytest.mark.parametrize("text, source, target", [
    ("Washington hits 30 Russian banks with fresh curbs over the war.", "USA", "RUS"),
    ("Canada targeted four Iranian officials with new sanctions on Tuesday.", "CAN", "IRN"),
    ("The EU slapped an asset freeze on two Belarusian ministers.", "EUR", "BLR"),
    ("Beijing announced countermeasures against three American drone makers.", "CHN", "USA"),
])
def test_measures_named_by_headline_verbs_are_sanctions(text, source, target):
    events = coded(text)
    assert any(c == "SANCTION" and s <= {source, "IGO"} and target in t for c, s, t in events), events
    assert not any(c == "ASSAULT" for c, _, _ in events)


def test_a_strike_with_weapons_stays_an_attack():
    assert [c for c, _, _ in coded("Russia hit the port of Odesa with drones and missiles overnight.")] == ["ASSAULT"]


def test_curbs_at_home_stay_repression():
    events = coded("Ankara imposed curbs on social media after the protests.")
    assert "COERCE" in [c for c, _, _ in events] and "SANCTION" not in [c for c, _, _ in events]


@pytest.mark.parametrize("text, source, target", [
    ("Burkina Faso revoked its military cooperation agreement with France on Monday.", "BFA", "FRA"),
    ("Chad rescinded the defence pact with Paris, the government spokesman said.", "TCD", "FRA"),
])
def test_ending_an_agreement_with_a_party_is_a_sanction(text, source, target):
    events = coded(text)
    assert ("SANCTION", {source}, {target}) in events
    assert "CONCEDE" not in [c for c, _, _ in events]


def test_revoking_a_law_stays_a_concession():
    assert "CONCEDE" in [c for c, _, _ in coded("Kenya's president revoked the finance law after the protests.")]


@pytest.mark.parametrize("text, source, target, category", [
    ("Several thousand North Korean soldiers were sent to Russia last month, officials in Seoul said.",
     "PRK", "RUS", "AID"),
    ("Chinese warships were deployed to the waters off Taiwan on Friday.", "CHN", None, "MOBILIZE"),
])
def test_a_state_s_forces_moved_by_no_one_named_are_moved_by_it(text, source, target, category):
    events = [(c, s, t) for c, s, t in coded(text) if c == category]
    assert events and all(s == {source} for _, s, _ in events)
    assert target is None or any(target in t for _, _, t in events)


def test_weapons_sent_by_no_one_named_keep_no_sender():
    assert all(not s for c, s, _ in coded("Iranian-made missiles were sent to Yemen.") if c == "AID")


@pytest.mark.parametrize("text, source, target, negated", [
    ("Armenia received a batch of howitzers from France last week.", "FRA", "ARM", False),
    ("Taipei has received the first of its new F-16 jets from the United States.", "USA", "TWN", False),
    ("Serbia has not received any drones from China, the defence minister said.", "CHN", "SRB", True),
])
def test_goods_received_from_a_party_are_its_aid(text, source, target, negated):
    events = [e for e in coded_denied(text) if e[0] == "AID"]
    assert events and all(s == {source} and target in t and n == negated for _, s, t, n in events)
    assert "RETREAT" not in [e[0] for e in coded_denied(text)]


def test_flying_weapons_to_a_party_is_arms_supply():
    events = coded_denied("No, Kenyan air force planes did not fly weapons to the Sudanese army")
    assert [(c, s, t, n) for c, s, t, n in events if c == "AID"] == [("AID", {"KEN"}, {"SDN"}, True)]
    assert not any(c == "AID" for c, _, _ in coded("Turkish jets flew over the Aegean on Monday."))


def test_voting_against_with_no_object_rejects_the_body_s_text():
    events = coded("The General Assembly adopted the text by 143 votes to 9, with Hungary and Argentina voting against.")
    assert any(c == "REJECT" and s == {"HUN", "ARG"} and t & {"IGO", "UNO"} for c, s, t in events)


def test_every_act_an_accusation_names_is_alleged_not_reported():
    events = coded("Kenya accused Somalia of massing troops on the border and of arming clan militias.")
    assert [c for c, _, _ in events] == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    "The Assembly backed the text by 121 votes to 12, with Hungary and Paraguay among those voting against.",
    "The resolution passed easily, with Hungary and Paraguay among the dozen states that voted against it.",
])
def test_those_voting_against_are_the_states_named_with_among(text):
    rejects = [(s, t) for c, s, t in coded(text) if c == "REJECT"]
    assert rejects and all(s == {"HUN", "PRY"} for s, _ in rejects)


def test_a_vote_by_no_one_named_has_no_target_borrowed():
    events = coded("The UN Security Council adopted the text with the other members voting in favour.")
    assert not any(c == "SUPPORT" and not s for c, s, _ in events)


@pytest.mark.parametrize("text", ["Sign up for our daily Middle East briefing", "Sign up for free to keep reading"])
def test_site_chrome_signing_up_is_no_event(text):
    assert coded(text) == []


@pytest.mark.parametrize("text, source, target", [
    ("Niger's military rulers suspended Radio France Internationale indefinitely on Thursday.", "NER", "FRA"),
    ("Tbilisi suspended Radio Free Europe/Radio Liberty over its coverage of the protests.", "GEO", "USA"),
])
def test_suspending_a_news_outlet_is_censorship(text, source, target):
    events = coded(text)
    assert ("COERCE", {source}, {target}) in events
    assert "SANCTION" not in [c for c, _, _ in events]


@pytest.mark.parametrize("name, country", [("Al Jazeera", "QAT"), ("TASS", "RUS"), ("Deutsche Welle", "DEU"),
                                           ("the Associated Press", "USA"), ("France 24", "FRA")])
def test_news_outlets_are_actors_of_their_state(name, country):
    from dyad.ontology.actors import load_registry

    ref = load_registry().resolve(name, date="2025-02-01")
    assert (ref.country, ref.sector) == (country, "JRN")


@pytest.mark.parametrize("text, source, target", [
    ("Guyana took Venezuela to the International Court of Justice, alleging a violation of the 1899 award.",
     "GUY", "VEN"),
    ("Burkina Faso suspended the broadcasts of Voice of America, accusing the station of spreading falsehoods.",
     "BFA", "USA"),
])
def test_a_charge_in_a_participle_is_aimed_at_whom_the_main_verb_acts_on(text, source, target):
    assert any(c == "ACCUSE" and s == {source} and target in t for c, s, t in coded(text))


def test_seized_goods_with_no_owner_named_belong_to_their_maker_s_state():
    events = coded("The French navy seized North Korean-made rocket parts bound for Yemen.")
    assert ("COERCE", {"FRA"}, {"PRK"}) in events


def test_a_sum_reached_is_no_attack():
    assert coded("Turkey's defence exports hit 7.1 billion dollars last year, the industry agency said.") == []
    assert "ASSAULT" in [c for c, _, _ in coded("Russian drones hit a record number of targets in Kharkiv overnight.")]
