"""Cue words in a sense that is no PLOVER event, or another one (``dyad.nlp.event_senses``).

Sentences written for these tests; they run the real event pipeline (actors + events).
"""

from __future__ import annotations

import pytest

from tests.event_helpers import categories as _categories
from tests.event_helpers import coded as _events

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Ministers from France and Italy gathered in Rome to discuss trade.",
    "Delegates from Kenya and Uganda gathered in Nairobi on Tuesday.",
])
def test_nlp_events_senses_gathering_of_officials_is_no_mobilization(text):
    assert "MOBILIZE" not in _categories(text)


@pytest.mark.parametrize("text", [
    "Russian troops gathered near the Ukrainian border.",
    "China deployed warships to the South China Sea.",
    "Turkey massed tanks on the Syrian border.",
])
def test_nlp_events_senses_forces_still_mobilize(text):
    assert "MOBILIZE" in _categories(text)


def test_nlp_events_senses_take_part_hands_over_to_the_event():
    assert _categories("The Russian general took part in the attacks on Kyiv.") == ["ASSAULT"]
    assert _categories("Iran took part in the talks with the EU in Vienna.") == ["CONSULT"]
    assert "AID" not in _categories("Iran played a key part in the attacks on Israel.")


def test_nlp_events_senses_supply_verb_needs_something_supplied():
    assert _events("The Kenyan journalist contributed to Reuters for years.") == []
    assert "AID" in _categories("Japan contributed 5 million dollars to the Palestinian Authority.")


def test_nlp_events_senses_request_with_addressee_is_a_request():
    assert ("REQUEST", {"USA"}, {"JPN", "IRN"}) in _events("The US urged Japan to impose sanctions on Iran.") or \
        ("REQUEST", {"USA"}, {"JPN"}) in _events("The US urged Japan to impose sanctions on Iran.")
    assert _categories("Britain pressed Germany to restrict Russian gas imports.")[0] == "REQUEST"
    # no addressee: a call to punish the target (ACCUSE), as before
    assert _events("The US called for sanctions against Iran.")[0][0] == "ACCUSE"


@pytest.mark.parametrize("text", [
    "It was a law designed to suppress dissent in Iran.",
    "The Egyptian plan, aimed at isolating Turkey, was published on Monday.",
    "Amnesty described a campaign meant to intimidate journalists in Belarus.",
])
def test_nlp_events_senses_purpose_of_a_thing_is_no_act(text):
    assert not set(_categories(text)) & {"COERCE"}


def test_nlp_events_senses_topic_of_an_agreement_is_no_act():
    text = "The agreement on sending Turkish soldiers to Libya violates the UN resolution, Greece said."
    assert "AID" not in _categories(text)
    assert "MOBILIZE" not in _categories(text)


@pytest.mark.parametrize("text", [
    "The US blamed Iran for the violence and unrest in Iraq.",
    "Peru blamed Chile for the crisis and the protests along the border.",
])
def test_nlp_events_senses_conjoined_background_nouns_are_background(text):
    assert not set(_categories(text)) & {"ASSAULT", "PROTEST"}


def test_nlp_events_senses_occasion_noun_dates_the_statement():
    cats = _categories("At the opening of the EU summit, Macron praised Germany.")
    assert "CONSULT" not in cats and "SUPPORT" in cats
    assert "ASSAULT" not in _categories("On the eve of the Russian invasion, Poland thanked Lithuania.")


@pytest.mark.parametrize("text", [
    "The 2015 deal between Iran and the US was a mistake.",
    "The maritime agreement between Turkey and Libya is null and void.",
    "Israel deemed that the agreement between Iran and Syria violates the resolution.",
])
def test_nlp_events_senses_judged_act_is_no_new_event(text):
    assert "AGREE" not in _categories(text)


def test_nlp_events_senses_naming_verb_with_quoted_complement():
    text = 'Iran rejected the accords, calling the deals "illegitimate and void".'
    assert "AGREE" not in _categories(text)


def test_nlp_events_senses_foreign_ban_is_a_sanction():
    assert ("SANCTION", {"DEU"}, {"IRN"}) in _events("Germany banned the Iranian airline Mahan Air from German airports.")
    assert _categories("Iran banned the opposition party.") == ["COERCE"]
    # banning publications is censorship, whoever prints them
    assert "SANCTION" not in _categories("Afghanistan banned all Pakistani newspapers over their coverage.")


def test_nlp_events_senses_passive_light_verb_codes_one_event():
    assert _categories("The talks between Iran and the EU were held in Vienna.") == ["CONSULT"]
    assert _categories("New sanctions on Iran were imposed by the EU.") == ["SANCTION"]


def test_nlp_events_senses_guarding_captives_is_detention():
    assert _categories("Kurdish forces guarded prisoners at the camp in Syria.")[0] in ("COERCE",)
    assert "AID" not in _categories("Iraqi troops guarded the detained militants in Mosul.")
    assert "AID" in _categories("French troops guarded the embassy in Mali.")


@pytest.mark.parametrize("text", [
    "Kurdish fighters attacked army posts near Kirkuk on Sunday.",
    "Azerbaijani soldiers attacked Armenian border posts overnight.",
])
def test_nlp_events_senses_armed_forces_attack_with_force(text):
    # "posts" are also messages; armed forces attacking them is force, not criticism
    assert _categories(text) == ["ASSAULT"]


def test_nlp_events_senses_a_politician_attacks_posts_with_words():
    assert _categories("The Polish opposition attacked the government's posts as propaganda.") == ["ACCUSE"]


@pytest.mark.parametrize("text, expected", [
    ("Egypt and Sudan struck a water-sharing deal in Cairo.", ["AGREE"]),
    ("The Turkish foreign minister struck a conciliatory tone on Monday.", []),
    ("Germany's chancellor struck a careful balance between Kyiv and Moscow.", []),
    ("The Indian minister struck an optimistic note after the talks.", []),
    ("Israeli jets struck targets in southern Lebanon.", ["ASSAULT"]),
])
def test_nlp_events_senses_strike_as_a_light_verb(text, expected):
    assert _categories(text) == expected


@pytest.mark.parametrize("text", [
    "The Chinese company fired 200 Indian workers.",
    "Putin sacked the defence minister in May.",
    "The Turkish broadcaster fired three journalists after the report.",
])
def test_nlp_events_senses_letting_people_go_is_no_assault(text):
    assert "ASSAULT" not in _categories(text)


@pytest.mark.parametrize("text", [
    "Police fired on the crowd in Minsk.",
    "Hamas fired rockets at Israeli towns.",
])
def test_nlp_events_senses_firing_on_people_is_still_an_assault(text):
    assert "ASSAULT" in _categories(text)


@pytest.mark.parametrize("text", [
    "According to Johnson, this break will allow Britain to develop plans for Brexit.",
    "The new bridge will allow Serbian trucks to reach Bosnia.",
])
def test_nlp_events_senses_a_thing_as_subject_is_no_doer(text):
    assert _categories(text) == []


@pytest.mark.parametrize("text, category", [
    ("The new law bans protests near the Russian parliament.", "COERCE"),
    ("The Iranian government allowed inspectors to visit the site.", "RETREAT"),  # PLOVER access
    ("The new policy prohibits all flights to Cuba.", "COERCE"),
    ("His associates alleged that the Russian opposition leader was poisoned.", "ACCUSE"),
])
def test_nlp_events_senses_laws_and_bodies_still_act(text, category):
    assert category in _categories(text)
