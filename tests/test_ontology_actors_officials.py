"""Security chiefs, government spokespeople and interior ministers 2010-2026
(people_officials_2010_2026.yaml and roles added to shipped records): time-aware resolution of
titles and names, on phrases written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.registry_helpers import pair, reg  # noqa: F401  (reg is a fixture)

DATA = Path(__file__).resolve().parents[1] / "dyad" / "ontology" / "data" / "actors"
NEW_FILE = DATA / "people_officials_2010_2026.yaml"


def _id(ref):
    return ref.id if ref is not None else None


@pytest.mark.parametrize(("text", "date", "expected"), [
    # the head of a state's main service is keyed by the state: the title names its holder
    ("the CIA director", "2012-06-01", "person:david-petraeus"),
    ("the CIA director", "2022-06-01", "person:william-burns"),
    ("Israel's spy chief", "2019-01-01", "person:yossi-cohen"),
    ("Israel's spy chief", "2023-01-01", "person:david-barnea"),
    ("the British spy chief", "2016-01-01", "person:alex-younger"),
    ("the Egyptian intelligence chief", "2019-01-01", "person:abbas-kamel"),
    # a service's own chiefs carry the service as organisation
    ("the IDF intelligence chief", "2020-01-01", "person:tamir-hayman"),
    ("the IRGC commander", "2010-01-01", "person:mohammad-ali-jafari"),
    ("the IRGC commander", "2021-01-01", "person:hossein-salami"),
    # top officers
    ("the Russian chief of the general staff", "2010-06-01", "person:nikolai-makarov"),
    ("the IDF chief of staff", "2013-01-01", "person:benny-gantz"),        # a role added to his record
    ("Pakistan's army chief", "2015-01-01", "person:raheel-sharif"),
    ("the Ukrainian commander-in-chief", "2023-01-01", "person:valerii-zaluzhnyi"),
    # spokespeople
    ("the White House press secretary", "2014-01-01", "person:jay-carney"),
    ("the White House press secretary", "2018-06-01", "person:sarah-huckabee-sanders"),
    ("the Kremlin spokesman", "2019-03-01", "person:dmitry-peskov"),
    ("the German government spokesman", "2015-01-01", "person:steffen-seibert"),
    ("the Japanese government spokesman", "2015-01-01", "person:yoshihide-suga"),  # chief cabinet secretary
    ("the Iranian government spokesman", "2022-01-01", "person:ali-bahadori-jahromi"),
    ("the Pakistani army spokesman", "2021-01-01", "person:babar-iftikhar"),
])
def test_ontology_actors_officials_title_names_holder_on_date(reg, text, date, expected):
    assert _id(reg.resolve(text, date=date)) == expected


def test_ontology_actors_officials_army_spokesman_is_not_the_government_spokesman(reg):
    # Pakistan's military spokesman speaks for the armed forces (MIL), not the government
    ref = reg.resolve("the Pakistani government spokesman", date="2021-01-01")
    assert pair(ref) == ("PAK", "GOV") and _id(ref) != "person:babar-iftikhar"


def test_ontology_actors_officials_overlapping_spokespeople_name_nobody(reg):
    # 2008-2012: Medvedev's press secretary and Prime Minister Putin's spokesman at once
    ref = reg.resolve("the Kremlin spokesman", date="2010-01-01")
    assert ref.id is None and pair(ref) == ("RUS", "GOV")


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Mark Milley", "2021-01-01", ("USA", "MIL")),
    ("Mark Milley", "2024-01-01", ("USA", "ELI")),      # retired chairman of the joint chiefs
    ("Gina Haspel", "2019-01-01", ("USA", "SPY")),
    ("James Comey", "2015-01-01", ("USA", "COP")),      # FBI director: law enforcement
    ("James Comey", "2018-01-01", ("USA", "ELI")),
    ("Kyrylo Budanov", "2023-01-01", ("UKR", "SPY")),
    ("Gabi Ashkenazi", "2009-01-01", ("ISR", "MIL")),   # IDF chief of staff
    ("Gabi Ashkenazi", "2013-01-01", ("ISR", "ELI")),
    ("Gabi Ashkenazi", "2021-01-01", ("ISR", "GOV")),   # foreign minister
    ("Ibrahim Kalin", "2020-01-01", ("TUR", "GOV")),    # presidential spokesman
    ("Ibrahim Kalin", "2024-01-01", ("TUR", "SPY")),    # head of MIT
    ("Theresa May", "2012-01-01", ("GBR", "GOV")),      # home secretary before prime minister
    ("Asim Munir", "2019-01-01", ("PAK", "SPY")),       # ISI chief before army chief
    ("Asim Munir", "2023-01-01", ("PAK", "MIL")),
])
def test_ontology_actors_officials_named_person_on_date(reg, text, date, expected):
    assert pair(reg.resolve(text, date=date)) == expected


def test_ontology_actors_officials_shared_surnames_keep_the_better_known_holder(reg):
    # Raheel Sharif (army chief) and Janet Napolitano (US homeland security) are qualified
    # names, so the lone surname stays with the prime minister and the Italian president
    assert _id(reg.by_surname("Sharif", "2015-01-01")) == "person:nawaz-sharif"
    assert _id(reg.by_surname("Napolitano", "2010-01-01")) == "person:giorgio-napolitano"
    assert _id(reg.resolve("Raheel Sharif", date="2015-01-01")) == "person:raheel-sharif"
    # two Iranian Mousavis in office at once: the lone surname names neither
    assert reg.by_surname("Mousavi", "2020-01-01") is None
    assert _id(reg.by_surname("Mousavi", "2025-08-01")) == "person:abdolrahim-mousavi"


def _records(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_ontology_actors_officials_file_adds_no_second_record_of_a_known_person(reg):
    others = [p for p in DATA.glob("people_*.yaml") if p != NEW_FILE]
    known = {reg.get(r["id"]).name.lower() for p in others for r in _records(p)}
    new = [r for r in _records(NEW_FILE)]
    assert len(new) > 250
    assert not [r["id"] for r in new if r["name"].lower() in known]
    assert all(reg.get(r["id"]) is not None for r in new)


def test_ontology_actors_officials_role_organisations_are_registry_bodies(reg):
    orgs = {role[5] for r in _records(NEW_FILE) for role in r["roles"] if len(role) > 5}
    assert orgs and all(reg.get(org) is not None for org in orgs)
