"""Office titles without a name: only an office with one holder in the world names a person.

"the senator" in an article is some senator, not the one senator the registry happens to list
today; "the pope" is the pope (offices.csv ``holders``).
"""

from __future__ import annotations

import pytest

from dyad.errors import OntologyError
from dyad.ontology import actor_data
from dyad.ontology.actors import load_registry


@pytest.mark.parametrize("title", ["the senator", "the lawmaker", "the judge", "the ambassador", "the governor"])
def test_an_office_of_many_holders_names_nobody_without_a_country(title):
    ref = load_registry().resolve(title, date="2026-06-01")
    assert ref is not None and ref.id is None and ref.sector is not None


@pytest.mark.parametrize(("title", "date", "person"), [
    ("the pope", "2014-03-01", "Francis"),
    ("the European Commission president", "2012-05-01", "Barroso"),
])
def test_an_office_held_once_in_the_world_names_its_holder(title, date, person):
    ref = load_registry().resolve(title, date=date)
    assert ref is not None and ref.id is not None and person in ref.name


def test_a_bad_holders_cell_is_refused(tmp_path, monkeypatch):
    (tmp_path / "offices.csv").write_text("office,sector,titles,holders\nPope,REL,pope,maybe\n")
    monkeypatch.setattr(actor_data, "DATA_DIR", tmp_path)
    actor_data.offices.cache_clear()
    try:
        with pytest.raises(OntologyError, match="offices.csv:2"):
            actor_data.offices()
    finally:
        monkeypatch.undo()
        actor_data.offices.cache_clear()


@pytest.mark.parametrize(("title", "date", "person", "country"), [
    ("US State Department spokesman", "2019-03-01", "Heather Nauert", "USA"),  # not the White House's
    ("the State Department spokesperson", "2019-03-01", "Heather Nauert", "USA"),
    ("the Kremlin spokesman", "2019-03-01", "Dmitry Peskov", "RUS"),
])
def test_a_title_that_names_its_state_names_its_holder(title, date, person, country):
    ref = load_registry().resolve(title, date=date)
    assert ref is not None and ref.name == person and ref.country == country


def test_an_office_several_hold_at_once_names_nobody():
    # China's foreign ministry has several spokespeople at a time; a state has many ministers
    registry = load_registry()
    for title in ("the Chinese foreign ministry spokesperson", "the Indian minister"):
        ref = registry.resolve(title, date="2024-06-01")
        assert ref is not None and not (ref.id or "").startswith("person:") and ref.country in ("CHN", "IND")
