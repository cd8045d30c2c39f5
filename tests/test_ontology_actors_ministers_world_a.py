"""Foreign and defence ministers 2010-2026 of the rest of Europe, the Americas and New Zealand
(people_ministers_world_a.yaml and roles added to shipped records): time-aware resolution of
offices, full names and lone surnames, on phrases written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dyad.ontology.actor_data import tokens
from tests.registry_helpers import pair, reg  # noqa: F401  (reg is a fixture)

DATA = Path(__file__).resolve().parents[1] / "dyad" / "ontology" / "data" / "actors"
NEW_FILE = DATA / "people_ministers_world_a.yaml"


def _id(ref):
    return ref.id if ref is not None else None


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("the Greek foreign minister", "2020-06-01", "person:nikos-dendias"),
    ("the Greek defence minister", "2024-06-01", "person:nikos-dendias"),
    ("Sweden's defense minister", "2016-03-01", "person:peter-hultqvist"),
    ("the Polish foreign minister", "2019-05-01", "person:jacek-czaputowicz"),
    ("the Armenian foreign minister", "2015-01-01", "person:eduard-nalbandyan"),
    ("the Azerbaijani defence minister", "2020-10-01", "person:zakir-hasanov"),
    ("Colombia's foreign minister", "2016-09-01", "person:maria-angela-holguin"),
    ("the Cuban foreign minister", "2020-01-01", "person:bruno-rodriguez-parrilla"),
    ("the Venezuelan defence minister", "2019-02-01", "person:vladimir-padrino"),
    ("New Zealand's foreign minister", "2019-03-20", "person:winston-peters"),
    ("the Belarusian foreign minister", "2020-08-20", "person:vladimir-makei"),
    # roles added to shipped records: Micheál Martin and Kurz held the portfolio before leading
    ("the Irish foreign minister", "2010-01-01", "person:micheal-martin"),
    ("the Austrian foreign minister", "2015-09-01", "person:sebastian-kurz"),
    ("the Serbian defence minister", "2013-01-01", "person:aleksandar-vucic"),
    ("the Spanish foreign minister", "2019-01-01", "person:josep-borrell"),
    # handovers of 2025-2026: a caretaker cabinet's foreign minister, then the next cabinet's
    ("the Dutch foreign minister", "2025-12-01", "person:david-van-weel"),
    ("the Dutch foreign minister", "2026-04-01", "person:tom-berendsen"),
    ("the Albanian foreign minister", "2025-12-01", "person:elisa-spiropali"),
    ("the Albanian foreign minister", "2026-04-01", "person:ferit-hoxha"),
    ("the Irish defence minister", "2026-01-01", "person:helen-mcentee"),
])
def test_ontology_actors_ministers_world_a_office_holder_on_date(reg, text, date, expected):
    assert _id(reg.resolve(text, date=date)) == expected


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Ine Eriksen Soreide", "2015-01-01", ("NOR", "GOV")),   # defence minister (ASCII spelling)
    ("Ine Eriksen Søreide", "2019-01-01", ("NOR", "GOV")),   # foreign minister
    ("Ine Eriksen Søreide", "2023-01-01", ("NOR", "ELI")),
    ("Jeyhun Bayramov", "2023-09-20", ("AZE", "GOV")),
    ("Marko Djuric", "2025-01-01", ("SRB", "GOV")),          # Đurić without the stroke
    ("Gudlaugur Thor Thordarson", "2018-01-01", ("ISL", "GOV")),
    ("Espen Barth Eide", "2013-01-01", ("NOR", "GOV")),
    ("Espen Barth Eide", "2016-01-01", ("NOR", "ELI")),       # between his two spells
    ("Heraldo Muñoz", "2016-01-01", ("CHL", "GOV")),
    ("Heraldo Muñoz", "2020-01-01", ("CHL", "ELI")),
])
def test_ontology_actors_ministers_world_a_named_person_on_date(reg, text, date, expected):
    assert pair(reg.resolve(text, date=date)) == expected


def test_ontology_actors_ministers_world_a_lone_surname_is_the_minister_in_office(reg):
    assert _id(reg.by_surname("Kotzias", "2016-01-01")) == "person:nikos-kotzias"
    assert _id(reg.by_surname("Kotzias", "2019-06-01")) is None  # out of office: no lone-surname reading
    assert _id(reg.by_surname("Szijjarto", "2020-01-01")) == "person:peter-szijjarto"
    assert reg.by_surname("Szijjarto", "2012-01-01") is None  # not yet in office


def test_ontology_actors_ministers_world_a_qualified_names_keep_surnames_apart(reg):
    # Finland's defence minister Jussi Niinistö served under President Sauli Niinistö:
    # the lone surname stays the president's, the full name is the minister's
    assert _id(reg.by_surname("Niinisto", "2016-01-01")) == "person:sauli-niinisto"
    assert _id(reg.resolve("Jussi Niinistö", date="2016-01-01")) == "person:jussi-niinisto"
    # a surname that is an English word or a first name is no lone-surname key
    assert reg.by_surname("Little", "2023-01-01") is None
    assert reg.by_surname("Tanner", "2023-01-01") is None
    assert _id(reg.resolve("Andrew Little", date="2023-01-01")) == "person:andrew-little"


def test_ontology_actors_ministers_world_a_spanish_double_surname_keys_on_paternal(reg):
    assert _id(reg.resolve("Vladimir Padrino Lopez", date="2020-01-01")) == "person:vladimir-padrino"
    assert _id(reg.by_surname("Padrino", "2020-01-01")) == "person:vladimir-padrino"


def _records():
    return yaml.safe_load(NEW_FILE.read_text(encoding="utf-8"))


def test_ontology_actors_ministers_world_a_no_person_is_listed_twice(reg):
    # every record of the new file is the only registry person with that (folded) name
    names: dict[str, list[str]] = {}
    for actor in reg.actors.values():
        if actor.kind == "person":
            names.setdefault(" ".join(tokens(actor.name)), []).append(actor.id)
    for record in _records():
        assert names[" ".join(tokens(record["name"]))] == [record["id"]], record["id"]


def _months(first: int, last: str):
    for year in range(first, int(last[:4]) + 1):
        for month in range(1, 13):
            if f"{year}-{month:02d}" <= last:
                yield f"{year}-{month:02d}-15"


@pytest.mark.parametrize("country", ["ESP", "PRT", "NOR", "SWE", "FIN", "NLD", "POL", "CZE", "HUN",
                                     "BIH", "AZE", "CUB", "NZL"])
@pytest.mark.parametrize("office", ["Foreign Minister", "Defence Minister"])
def test_ontology_actors_ministers_world_a_months_covered(reg, country, office):
    # one holder for every month 2010-01..2025-06, save two at most (a handover known only to
    # the month leaves two holders that month, and holder() then names none)
    missing = [m for m in _months(2010, "2025-06") if reg.holder(office, country, m) is None]
    assert len(missing) <= 2, missing
