"""1980s-90s office holders and former IGOs: dated resolution, undated fallback to the country."""

from __future__ import annotations

import pytest

from tests.registry_helpers import pair, reg  # noqa: F401  (reg is a fixture)


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Prime Minister Margaret Thatcher", "1985-06-01", ("GBR", "GOV")),
    ("Helmut Kohl", "1990-10-03", ("DEU", "GOV")),
    ("Soviet Foreign Minister Eduard Shevardnadze", "1987-01-01", ("RUS", "GOV")),
    ("Boris Yeltsin", "1995-01-01", ("RUS", "GOV")),
    ("Hafez al-Assad", "1990-01-01", ("SYR", "GOV")),
    ("Kim Il-sung", "1985-01-01", ("PRK", "GOV")),
    ("Yasser Arafat", "1993-09-13", ("PSE", "GOV")),
    ("Rafsanjani", "1992-01-01", ("IRN", "GOV")),
])
def test_ontology_actors_history_dated_roles(reg, text, date, expected):
    assert pair(reg.resolve(text, date=date)) == expected


def test_ontology_actors_history_undated_keeps_the_country(reg):
    # no date = today: a leader of the 1980s is that country's former elite, not nobody
    assert pair(reg.resolve("Gorbachev")) == ("RUS", "ELI")
    assert pair(reg.resolve("President Mitterrand")) == ("FRA", "ELI")
    assert pair(reg.resolve("Deng Xiaoping")) == ("CHN", "ELI")


def test_ontology_actors_history_office_holder_follows_the_date(reg):
    assert reg.resolve("the US president", date="1986-01-01").id == "person:ronald-reagan"
    assert reg.resolve("the US president", date="1991-01-01").id == "person:george-hw-bush"
    assert reg.resolve("the US president", date="2024-01-01").id == "person:joe-biden"


def test_ontology_actors_history_early_roles_of_later_leaders(reg):
    assert pair(reg.resolve("Shimon Peres", date="1985-01-01")) == ("ISR", "GOV")
    assert pair(reg.resolve("Shimon Peres", date="1990-01-01")) == ("ISR", "ELI")
    assert pair(reg.resolve("Netanyahu", date="1997-01-01")) == ("ISR", "GOV")


def test_ontology_actors_history_cleric_is_religious(reg):
    assert pair(reg.resolve("Archbishop Desmond Tutu")) == ("ZAF", "REL")


@pytest.mark.parametrize(("text", "actor_id", "country"), [
    ("the European Community", "EEC", "EUR"),
    ("the Common Market", "EEC", "EUR"),
    ("the Warsaw Pact", "WARSAW-PACT", "IGO"),
    ("the Organization of African Unity", "OAU", "IGO"),
    ("the CSCE", "CSCE", "IGO"),
])
def test_ontology_actors_history_former_igos(reg, text, actor_id, country):
    ref = reg.resolve(text)
    assert (ref.id, ref.country) == (actor_id, country)


def test_ontology_actors_history_warsaw_alone_is_still_poland(reg):
    assert reg.resolve("Warsaw").country == "POL"
