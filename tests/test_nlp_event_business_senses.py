"""Business senses of event words are no PLOVER events: releasing a product, ordering goods,
a speech about something, giving a talk (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.event_helpers import categories, coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Samsung released a new folding phone on Wednesday.",
    "The statistics office released inflation figures for March.",
])
def test_releasing_a_product_or_figures_is_no_release(text):
    assert "RETREAT" not in categories(text)


@pytest.mark.parametrize("text,src,tgt", [
    ("Myanmar's junta released two Australian journalists.", "MMR", "AUS"),
    ("The militia will release the Nepali engineers next week.", None, "NPL"),
    ("Iran released the seized tanker on Sunday.", "IRN", None),
])
def test_releasing_people_or_seized_things_is_coded(text, src, tgt):
    events = [(s, t) for c, s, t in coded(text) if c in ("RETREAT", "AGREE")]
    assert events
    assert src is None or src in events[0][0]
    assert tgt is None or tgt in events[0][1]


@pytest.mark.parametrize("text", [
    "Qantas ordered twelve new long-haul jets.",
    "The ministry has ordered 300 armoured buses for the capital.",
])
def test_ordering_goods_is_no_request(text):
    assert "REQUEST" not in categories(text)


def test_ordering_people_to_act_is_a_request():
    assert "REQUEST" in categories("The general ordered the soldiers to leave the village.")


@pytest.mark.parametrize("text", [
    "Samsung's chief executive talked about the new chips at the fair.",
    "The company's founder discussed the quarterly results.",
    "The prime minister gave an interview to the BBC.",
])
def test_a_speech_or_interview_is_no_consultation_or_aid(text):
    assert not {"CONSULT", "AID"} & set(categories(text))


@pytest.mark.parametrize("text", [
    "The Japanese foreign minister discussed the dispute with his Chinese counterpart.",
    "Modi talked with Sharif by telephone on Friday.",
])
def test_talking_with_someone_is_still_a_consultation(text):
    assert "CONSULT" in categories(text)


@pytest.mark.parametrize("text,category", [
    ("The Nikkei dropped 2.1 percent on Tuesday.", "CONCEDE"),
    ("The shuttle lifted off from Cape Canaveral at dawn.", "CONCEDE"),
    ("Samsung demonstrated the new camera features at the fair.", "PROTEST"),
    ("The central bank is fighting to contain inflation.", "ASSAULT"),
    ("The tariffs are meant to protect the Brazilian steel industry.", "AID"),
    ("Volkswagen bought a majority stake in Scania.", "COOPERATE"),
    ("Lufthansa has purchased 20 new Embraer jets.", "COOPERATE"),
    ("Boeing unveiled a new long-range aircraft in Seattle.", "AID"),
    ("The carrier offers flights to Lagos and Accra.", "AGREE"),
])
def test_business_senses_of_event_words_are_no_events(text, category):
    assert category not in categories(text)


@pytest.mark.parametrize("text,category", [
    ("Thousands of protesters demonstrated outside parliament in Tbilisi.", "PROTEST"),
    ("Peacekeepers protect civilians in the camps near Bentiu.", "AID"),
    ("Egypt bought 24 Rafale jets from France.", "COOPERATE"),
    ("Hungary dropped its objections to the sanctions package.", "CONCEDE"),
    ("Kenya offered troops to the mission in Haiti.", "AGREE"),
])
def test_the_political_senses_are_still_coded(text, category):
    assert category in categories(text)


@pytest.mark.parametrize("text,category", [
    ("Sony announced the release of its new headphones.", "RETREAT"),
    ("The two ministers exchanged letters last week.", "RETREAT"),
    ("The carmaker expects to meet its sales targets this year.", "CONSULT"),
    ("The minister spoke at a press conference in Jakarta.", "CONSULT"),
    ("The merger had been killed by regulators in Brussels.", "ASSAULT"),
])
def test_more_business_senses_are_no_events(text, category):
    assert category not in categories(text)


@pytest.mark.parametrize("text,category", [
    ("Armenia and Azerbaijan exchanged prisoners of war on Thursday.", "RETREAT"),
    ("Indian and Pakistani troops exchanged artillery fire overnight.", "ASSAULT"),
    ("Scholz will meet Japan's prime minister in Tokyo.", "CONSULT"),
    ("Gunmen killed three policemen in Peshawar.", "ASSAULT"),
])
def test_the_political_senses_of_those_words_stay(text, category):
    assert category in categories(text) or category == "CONSULT" and "AGREE" in categories(text)


@pytest.mark.parametrize("text,category", [
    ("Toyota beat analysts' forecasts for the third quarter.", "ASSAULT"),
    ("The former chairman has been fighting lung cancer for years.", "ASSAULT"),
    ("Nokia will recall two million faulty chargers.", "SANCTION"),
    ("Shares in Siemens rose early before declining in the afternoon.", "REJECT"),
    ("The airline warned that its losses could widen next year.", "THREATEN"),
    ("The chief executive of Unilever stepped down on Monday.", "RETREAT"),
])
def test_company_news_senses_are_no_events(text, category):
    assert category not in categories(text)


@pytest.mark.parametrize("text,category", [
    ("Riot police beat dozens of students in Dhaka.", "ASSAULT"),
    ("Kenya recalled its ambassador from Kinshasa.", "SANCTION"),
    ("Serbia declined the invitation to the summit.", "REJECT"),
    ("The Houthis warned the Saudis that their strikes would expand.", "THREATEN"),
    ("Lt. Gen. Ahmed Haroun resigned as army chief on Sunday.", "RETREAT"),
    ("Japan's defence minister stepped down after the scandal.", "RETREAT"),
])
def test_their_political_senses_stay(text, category):
    assert category in categories(text)
