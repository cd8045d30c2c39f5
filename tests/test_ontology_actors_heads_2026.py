"""Heads of state and government changed in 2025-2026 (checked against stored news pages):
an office title resolves to whoever held it on the article's date, the predecessor becomes
former elite (ELI), and a lone surname names the one holder in office then."""

from __future__ import annotations

import pytest

from tests.registry_helpers import pair, reg  # noqa: F401  (reg is a fixture)


@pytest.mark.parametrize(("title", "before", "after", "old_id", "new_id"), [
    ("the Hungarian prime minister", "2026-04-01", "2026-06-01", "person:viktor-orban", "person:peter-magyar"),
    ("the Dutch prime minister", "2026-01-15", "2026-03-01", "person:dick-schoof", "person:rob-jetten"),
    ("Portugal's president", "2026-02-01", "2026-04-01", "person:marcelo-rebelo-de-sousa", "person:antonio-jose-seguro"),
    ("Costa Rica's president", "2026-04-01", "2026-06-01", "person:rodrigo-chaves-robles", "person:laura-fernandez-delgado"),
    ("Peru's president", "2026-01-10", "2026-03-01", "person:jose-jeri", "person:jose-maria-balcazar"),
    ("the Bulgarian president", "2026-01-10", "2026-03-01", "person:rumen-radev", "person:iliana-iotova"),
    ("the Bulgarian prime minister", "2026-03-15", "2026-06-01", "person:andrey-gyurov", "person:rumen-radev"),
    ("Iran's supreme leader", "2026-01-15", "2026-04-01", "person:ali-khamenei", "person:mojtaba-khamenei"),
    ("Bangladesh's prime minister", "2026-01-15", "2026-03-01", "person:muhammad-yunus", "person:tarique-rahman"),
    ("the Moldovan prime minister", "2025-10-01", "2025-12-01", "person:dorin-recean", "person:alexandru-munteanu"),
    ("the Algerian prime minister", "2025-07-01", "2025-10-01", "person:nadir-larbaoui", "person:sifi-ghrieb"),
    ("the Czech prime minister", "2025-12-01", "2025-12-20", "person:petr-fiala", "person:andrej-babis"),
    ("Samoa's prime minister", "2025-08-01", "2025-10-01", "person:fiame-naomi-mataafa", "person:laauli-leuatea-schmidt"),
])
def test_ontology_actors_heads_2026_title_follows_date(reg, title, before, after, old_id, new_id):
    assert reg.resolve(title, date=before).id == old_id
    assert reg.resolve(title, date=after).id == new_id


def test_ontology_actors_heads_2026_captured_president_leaves_office(reg):
    # Maduro was seized on 2026-01-03: afterwards he is former elite, and "the Venezuelan
    # president" no longer names him (it names the acting president, or the government)
    assert reg.resolve("the Venezuelan president", date="2025-12-01").id == "person:nicolas-maduro"
    assert reg.holder("President", "VEN", "2026-02-01") is None or \
        reg.holder("President", "VEN", "2026-02-01").id != "person:nicolas-maduro"
    assert pair(reg.resolve("the Venezuelan president", date="2026-02-01")) == ("VEN", "GOV")
    assert pair(reg.resolve("Nicolás Maduro", date="2026-02-01")) == ("VEN", "ELI")


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Viktor Orbán", "2026-06-01", ("HUN", "ELI")),
    ("Péter Magyar", "2026-06-01", ("HUN", "GOV")),
    ("Peter Magyar", "2025-06-01", ("HUN", "OPP")),  # opposition leader before the election
    ("Rumen Radev", "2026-03-01", ("BGR", "ELI")),  # between the presidency and the premiership
    ("Rumen Radev", "2026-06-01", ("BGR", "GOV")),
    ("José Jerí", "2026-03-01", ("PER", "ELI")),
    ("Dick Schoof", "2026-03-01", ("NLD", "ELI")),
    ("Tarique Rahman", "2026-03-01", ("BGD", "GOV")),
    ("Balen Shah", "2026-05-01", ("NPL", "GOV")),
    ("Horta Inta-A", "2026-01-01", ("GNB", "GOV")),
    # terms that ended on their constitutional date; the successors are not yet in the registry
    ("Gustavo Petro", "2026-07-01", ("COL", "GOV")),
    ("Gustavo Petro", "2026-09-01", ("COL", "ELI")),
    ("José María Balcázar", "2026-09-01", ("PER", "ELI")),
])
def test_ontology_actors_heads_2026_person_status_by_date(reg, text, date, expected):
    assert pair(reg.resolve(text, date=date)) == expected


def test_ontology_actors_heads_2026_costa_rica_surname_no_longer_clashes(reg):
    # Rodrigo Chaves is named by his paternal surname; "Robles" stays Spain's defence minister
    chaves = reg.by_surname("Chaves", date="2024-01-01")
    assert chaves is not None and chaves.id == "person:rodrigo-chaves-robles"
    robles = reg.by_surname("Robles", date="2024-01-01")
    assert robles is None or robles.country == "ESP"
    assert pair(reg.resolve("Rodrigo Chaves Robles", date="2024-01-01")) == ("CRI", "GOV")


@pytest.mark.parametrize("surname", ["Shah", "Rahman", "Schmidt", "Ramos"])
def test_ontology_actors_heads_2026_common_surnames_name_nobody(reg, surname):
    # surnames common across countries are kept out of the lone-surname index on purpose
    found = reg.by_surname(surname, date="2026-06-01")
    assert found is None or found.country not in {"NPL", "BGD", "WSM", "STP"}


def test_ontology_actors_heads_2026_new_surnames_resolve_in_office(reg):
    assert reg.by_surname("Magyar", date="2026-06-01").id == "person:peter-magyar"
    assert reg.by_surname("Magyar", date="2025-06-01").sector == "OPP"  # leading the opposition
    assert reg.by_surname("Magyar", date="2023-06-01") is None  # no role yet
    assert reg.by_surname("Jetten", date="2026-06-01").id == "person:rob-jetten"
