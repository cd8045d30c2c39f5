"""dyad.query.relations: which AID events make a standing supplier tie (goods between parties of
different countries), and which do not (votes, support, people, domestic hand-overs)."""

import pytest

from dyad.query.records import ActorRefPublic
from dyad.query.relations import _supply_parties, material_item


@pytest.mark.parametrize("item", ["drones", "surveillance equipment", "military aid", "two frigates", "oil",
                                  "spare parts", "humanitarian assistance", "$2 billion in loans"])
def test_query_relations_supplied_goods_are_material(item):
    assert material_item(item)


@pytest.mark.parametrize("item", ["additional six electoral college votes", "support", "whatever help", "our people",
                                  "80 people", "Trump's chances", "interests", None, ""])
def test_query_relations_votes_help_and_people_are_not_supplies(item):
    assert not material_item(item)


def _a(country, sector=None):
    return ActorRefPublic(id=None, name=country or "x", country=country, sector=sector)


def test_query_relations_supply_is_between_parties_of_different_countries():
    assert _supply_parties(_a("CHN", "BUS"), _a("IRN", "GOV"))
    assert not _supply_parties(_a("GRC"), _a("GRC", "BUS"))  # a domestic sale is commerce, not a tie
    assert not _supply_parties(_a("USA", "JRN"), _a("IRN"))  # a newsroom reports, it does not supply
    assert not _supply_parties(_a("KOR"), _a("PRK", "CVL"))  # people evacuated are helped, not supplied
    assert _supply_parties(_a(None, "REB"), _a("SYR", "GOV"))  # an unplaced party may still supply
