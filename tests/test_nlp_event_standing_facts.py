"""What looks like an act but reports none, and the bundles and aims around sanctions: natural hazards
force no one, hosting refugees or a base is no visit, sharing a border exchanges nothing, a participle
telling whom sanctions hit is no attack, "a package of sanctions" is the sanctions. Sentences written
for these rules."""

from __future__ import annotations

import pytest

from tests.event_helpers import categories, coded


@pytest.mark.parametrize("text", [
    "Torrential rains lashed northern Nigeria on Tuesday, forcing tens of thousands of villagers to leave their homes.",
    "A strong earthquake hit eastern Turkey overnight, toppling apartment blocks in Malatya.",
    "Bushfires raged across Victoria for a second week, forcing authorities to close major highways.",
    "Cyclone Freddy forced Malawi to shut schools in the south of the country.",
])
def test_natural_hazards_force_no_one(text):
    assert not [c for c in categories(text) if c in ("COERCE", "ASSAULT")]


@pytest.mark.parametrize("text, category", [
    ("Syrian government shelling forced thousands of families to flee Idlib.", "COERCE"),
    ("Israeli fire killed two Palestinians near the border fence.", "ASSAULT"),
])
def test_an_actors_fire_or_shelling_still_acts(text, category):
    assert category in categories(text)


@pytest.mark.parametrize("text", [
    "Jordan hosts more than 600,000 registered Syrian refugees.",
    "Bahrain hosts the headquarters of the US Navy's Fifth Fleet.",
    "Kenya hosted the African athletics championships in 2024.",
])
def test_hosting_people_in_need_a_base_or_a_tournament_is_no_visit(text):
    assert "CONSULT" not in categories(text)


@pytest.mark.parametrize("text, target", [
    ("Qatar hosted Hamas and Israeli negotiators in Doha.", {"ISR"}),
    ("Switzerland hosted a new round of talks between Armenia and Azerbaijan.", None),
])
def test_hosting_guests_or_talks_is_consultation(text, target):
    hosts = [(s, t) for c, s, t in coded(text) if c == "CONSULT"]
    assert hosts
    if target:
        assert any(target <= t for _, t in hosts)


@pytest.mark.parametrize("text", [
    "Mongolia shares long borders with both China and Russia.",
    "Spain and Mexico share a common language and history.",
])
def test_sharing_a_border_or_a_language_exchanges_nothing(text):
    assert "COOPERATE" not in categories(text)


def test_sharing_intelligence_is_cooperation():
    assert ("COOPERATE", {"GBR"}, {"FRA"}) in coded("Britain shared intelligence with France on the smuggling network.")


@pytest.mark.parametrize("text", [
    "Canada announced new sanctions on Myanmar's junta, targeting suppliers of aviation fuel.",
    "Britain adopted a fresh package of sanctions against Iran on Monday, targeting its missile programme.",
])
def test_sanctions_aims_are_no_attack_and_a_package_is_its_sanctions(text):
    found = categories(text)
    assert "SANCTION" in found and "ASSAULT" not in found and "AID" not in found


def test_a_package_of_aid_is_aid_and_a_withdrawal_of_troops_a_withdrawal():
    assert "AID" in categories("Japan unveiled a package of humanitarian aid for Sudan.")
    assert ("RETREAT", {"DEU"}, {"MLI"}) in coded("Germany completed the withdrawal of its last soldiers from Mali.")


def test_a_date_after_a_body_is_not_part_of_its_name():
    assert ("SANCTION", {"IGO"}, {"IRN"}) in coded(
        "The European Union on Monday adopted new sanctions against Iran.")


@pytest.mark.parametrize("text", [
    "Brush fires driven by strong winds raced across the hills above Athens on Sunday, forcing residents to flee.",
    "Seoul-listed South Korean chip shares launched a strong counter-attack on Thursday after two days of losses.",
    "Norway shares a short border with Russia, the only one of any NATO member in the Arctic.",
])
def test_hazards_markets_and_borders_described_at_length_are_still_no_acts(text):
    assert not [c for c in categories(text) if c in ("COERCE", "ASSAULT", "COOPERATE")]
