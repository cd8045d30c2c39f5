"""Crowds: numbers of people act ("thousands marched"), a crowd storming or wrecking buildings or
anyone burning a flag protests (PLOVER PROTEST), and people protesting in a state are its
civilians ("protesters in Iran" are IRN CVL, as the issue asks). Sentences written for these rules."""

from __future__ import annotations

import pytest

from dyad.eval.plover_gsr_cameo import run_docs
from tests.event_helpers import coded


@pytest.mark.parametrize("text, country", [
    ("Tens of thousands marched through Bucharest on Sunday against the judicial overhaul.", "ROU"),
    ("Hundreds rallied in Lagos on Monday over the fuel price rise.", "NGA"),
    ("Thousands took to the streets across Armenia after the border deal was announced.", "ARM"),
    ("Thousands take to streets across Serbia over railway station collapse", "SRB"),
])
def test_numbers_of_people_protest_as_the_state_they_are_in(text, country):
    assert ("PROTEST", {country}, {country}) in coded(text)


@pytest.mark.parametrize("text, country", [
    ("Demonstrators stormed the electoral commission's offices in Kinshasa on Thursday.", "COD"),
    ("Rioters ransacked the ruling party's headquarters in Dushanbe overnight.", "TJK"),
    ("Opposition supporters torched the governor's office in Bishkek after the vote.", "KGZ"),
])
def test_a_crowd_wrecking_buildings_riots(text, country):
    events = coded(text)
    assert ("PROTEST", {country}, {country}) in events
    assert not any(c == "ASSAULT" for c, _, _ in events)


def test_the_riot_mode_and_cameo_code():
    doc = run_docs(["Protesters stormed the parliament building in Skopje on Friday."])[0]
    protest = next(e for e in doc._.events if e.category == "PROTEST")
    assert (protest.mode, protest.cameo_code) == ("riot", "145")


@pytest.mark.parametrize("text", [
    "Students burned Danish flags outside the consulate in Karachi.",
    "Farmers burn effigies of the agriculture minister in Punjab",
])
def test_burning_a_symbol_is_a_protest(text):
    events = coded(text)
    assert any(c == "PROTEST" for c, _, _ in events)
    assert not any(c == "ASSAULT" for c, _, _ in events)


@pytest.mark.parametrize("text", [
    "Protesters attacked riot police with stones in central Yerevan.",
    "Soldiers stormed the rebel-held town of Kidal on Tuesday.",
    "A mob stormed the village and killed ten farmers.",
])
def test_force_against_people_and_soldiers_storming_stay_assault(text):
    assert any(c == "ASSAULT" for c, _, _ in coded(text))


def test_chanting_crowd_protests():
    events = coded("Protesters in Mandalay chanted slogans against the junta on Sunday.")
    assert any(c == "PROTEST" and src == {"MMR"} for c, src, _ in events)


def test_protesters_take_each_city_they_rally_in():
    events = coded("Thousands of people rallied in Rabat, Algiers and Tunis on Friday.")
    assert ("PROTEST", {"MAR", "DZA", "TUN"}, {"MAR", "DZA", "TUN"}) in events


def test_protesters_outside_an_embassy_are_not_its_state():
    events = coded("Hundreds of people rallied outside the Turkish embassy in Athens on Sunday.")
    assert not any(c == "PROTEST" and "TUR" in src for c, src, _ in events)
