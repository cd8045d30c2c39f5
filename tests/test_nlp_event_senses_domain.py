"""Senses of event words in international news that their plain PLOVER reading gets wrong: a
government's "protest" and the summoning of an envoy are official complaints (ACCUSE); crowds that
gather protest; sport, levels reached and named storms are no attacks; a weapon used is never a
target; borders, airspace and crossings closed or opened; tariffs raised; funding paused; jets
scrambled; arrest warrants; strikes called; supporters of a person are not that person."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import run_docs
from tests.event_helpers import categories, coded


def _events(text: str):
    return run_docs([text])[0]._.events or []


def _first(text: str, category: str) -> tuple[set[str], set[str]]:
    """Source and target countries of the first event of ``category`` coded in ``text``."""
    events = [e for e in coded(text) if e[0] == category]
    assert events, coded(text)
    return events[0][1], events[0][2]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Beijing lodged a strong protest with Seoul over the deployment.", "CHN", "KOR"),
    ("Iran protested to the United Nations over the strikes.", "IRN", "IGO"),
    ("Poland summoned the Belarusian ambassador on Tuesday.", "POL", "BLR"),
    ("The Russian envoy was summoned by the Estonian foreign ministry.", "EST", "RUS"),
])
def test_a_governments_protest_is_an_official_complaint(text, source, target):
    assert ("ACCUSE", {source}, {target}) in coded(text)


@pytest.mark.parametrize("text", [
    "Thousands of Iraqi Kurds protested in Erbil on Sunday.",
    "Police officers protested outside parliament over unpaid wages.",
    "Supporters of the jailed opposition leader protested in Istanbul.",
])
def test_people_who_protest_still_protest(text):
    assert "PROTEST" in categories(text)


def test_a_court_summons_is_still_a_request():
    assert categories("The court summoned the former minister to testify.") == ["REQUEST"]


@pytest.mark.parametrize("text", [
    "Hundreds of demonstrators gathered outside the Russian embassy in Warsaw.",
    "Protesters gathered in central Tbilisi on Sunday night.",
])
def test_crowds_that_gather_protest(text):
    assert categories(text) == ["PROTEST"]


def test_ministers_who_gather_do_not_mobilise():
    assert categories("Foreign ministers gathered in Riyadh on Monday.") == []


@pytest.mark.parametrize("text", [
    "Argentina beat France 4-2 on penalties in the final.",
    "Saudi Arabia beat Argentina in a World Cup group match in Qatar.",
    "The chess grandmaster attacked on the queenside and won in 40 moves.",
    "The Turkish lira hit a record low against the dollar on Monday.",
    "Temperatures in Delhi hit 48 degrees Celsius on Tuesday.",
    "Typhoon Haiyan struck the central Philippines on Friday.",
])
def test_sport_levels_and_named_storms_are_no_attacks(text):
    assert "ASSAULT" not in categories(text)


@pytest.mark.parametrize("text", [
    "Israeli jets attacked a football stadium in Gaza.",
    "Gunmen killed dozens of villagers in central Mali.",
    "A car bomb killed a senior official in Mogadishu.",
])
def test_attacks_near_sport_words_numbers_or_vehicles_stay_attacks(text):
    assert "ASSAULT" in categories(text)


def test_a_weapon_used_is_never_a_target():
    (event,) = _events("Russia struck Ukraine's energy grid with dozens of cruise missiles.")
    assert [a.country for a in event.target] == ["UKR"]


@pytest.mark.parametrize(("text", "category", "source", "target"), [
    ("Pakistan closed its airspace to Indian airlines.", "SANCTION", "PAK", "IND"),
    ("Israel reopened the crossing into Gaza on Sunday.", "RETREAT", "ISR", "PSE"),
    ("Beijing raised tariffs on Canadian canola.", "SANCTION", "CHN", "CAN"),
    ("The Netherlands paused funding to the UN relief agency.", "SANCTION", "NLD", "IGO"),
    ("Japan scrambled fighter jets on Monday.", "MOBILIZE", "JPN", None),
    ("The court issued an arrest warrant for the former president.", "ACCUSE", None, None),
])
def test_borders_tariffs_funding_jets_and_warrants(text, category, source, target):
    sources, targets = _first(text, category)
    assert source is None or source in sources
    assert target is None or target in targets


def test_a_labour_strike_called_is_a_protest():
    assert categories("The transport union called a strike for Monday.") == ["PROTEST"]


def test_supporters_of_a_person_are_not_that_person():
    (event,) = _events("Bolsonaro supporters stormed government buildings in Brasilia.")
    assert all(a.id != "person:jair-bolsonaro" for a in event.source)


@pytest.mark.parametrize(("text", "category", "source", "target"), [
    # leaving a body withdraws oneself (SANCTION withdraw); pulling troops out stays a RETREAT
    ("Nicaragua withdrew from the Organization of American States.", "SANCTION", "NIC", "IGO"),
    ("Hungary announced its withdrawal from the International Criminal Court.", "SANCTION", "HUN", "IGO"),
    ("Germany withdrew its troops from the UN mission in Mali.", "RETREAT", "DEU", None),
    # a member suspended from a body is expelled from it
    ("ECOWAS suspended Guinea from its decision-making bodies.", "SANCTION", "IGO", "GIN"),
    # receiving or welcoming leaders and delegations is hosting them
    ("The Egyptian president received a Palestinian delegation in Cairo.", "CONSULT", "EGY", "PSE"),
    ("Indonesia's president welcomed ASEAN leaders to Jakarta.", "CONSULT", "IDN", "IGO"),
    # a visit that ended took place
    ("Modi ended a two-day visit to Kyiv on Friday.", "CONSULT", "IND", "UKR"),
    # troops ordered into a place are deployed there
    ("Moscow ordered troops into the breakaway region.", "MOBILIZE", "RUS", None),
])
def test_leaving_suspending_hosting_visits_and_deployments(text, category, source, target):
    sources, targets = _first(text, category)
    assert source in sources and (target is None or target in targets)


@pytest.mark.parametrize("text", [
    "The EU welcomed the ceasefire announcement.",
    "He specialised in removing people from dangerous areas.",
    "The US suspended aid to Ethiopia.",
])
def test_other_senses_of_welcome_remove_and_suspend_stay(text):
    assert "CONSULT" not in categories(text)
    assert not any(e.mode == "expel" for e in _events(text))


@pytest.mark.parametrize("text", [
    # a denial governing the act through a gerund denies it, as "denied that ..." does
    "Iran denied sending drones to Russia.",
    "Kyiv denied carrying out drone strikes on Moscow.",
    # the alternative not taken did not happen
    "The United States abstained rather than vetoing the resolution.",
    "China chose to abstain instead of vetoing the resolution.",
])
def test_denied_and_forgone_acts_are_never_positive(text):
    events = [e for e in _events(text) if e.category in ("AID", "ASSAULT", "REJECT")]
    assert events and all(e.negated or e.modality == "denied" for e in events)


def test_an_act_reported_through_a_gerund_stays_positive():
    (event,) = _events("Iran admitted sending drones to Russia.")
    assert not event.negated and event.modality != "denied"


@pytest.mark.parametrize(("text", "category", "source", "target"), [
    ("The EU extended its sanctions against Belarusian officials for a year.", "SANCTION", "IGO", "BLR"),
    ("The Georgian government withdrew the foreign agents bill after mass protests.", "CONCEDE", "GEO", None),
    ("Israel withdrew its troops from southern Lebanon.", "RETREAT", "ISR", "LBN"),
    ("Saudi Arabia's king commuted the death sentences of three activists.", "CONCEDE", "SAU", None),
])
def test_extended_sanctions_withdrawn_bills_troops_and_commuted_sentences(text, category, source, target):
    sources, targets = _first(text, category)
    assert source in sources and (target is None or targets == {target})


@pytest.mark.parametrize(("text", "mode"), [
    ("Macron spoke by phone with Zelensky on Sunday.", "phone"),
    ("Lula and Modi spoke by telephone on Friday.", "phone"),
    ("Iran's foreign minister spoke with the IAEA chief in Vienna.", None),
])
def test_speaking_with_a_party_consults_it(text, mode):
    events = [e for e in _events(text) if e.category == "CONSULT"]
    assert events and events[0].mode == mode


@pytest.mark.parametrize("text", [
    "The minister spoke to reporters in Geneva.",
    "Zelensky spoke at the UN General Assembly on Tuesday.",
    "The president spoke to the New York Times.",
    "Friends and relatives of the prisoners spoke at the rally.",
])
def test_speaking_to_an_audience_consults_no_one(text):
    assert "CONSULT" not in categories(text)
