"""Foreign and defence ministers and foreign-ministry spokespeople 2000-2026 of Asian and
Middle Eastern states (people_ministers_asia_mideast.yaml, and roles added to older records):
dated resolution of office titles and names through the registry and the real actor stage,
on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.registry_helpers import nlp, pair, reg, stage_actors  # noqa: F401  (nlp, reg are fixtures)


@pytest.mark.parametrize(("text", "date", "person"), [
    # Japan: Director-General of the Defense Agency before 2007 is the same office
    ("the Japanese defence minister", "2005-03-01", "person:yoshinori-ohno"),
    ("the Japanese defense minister", "2021-03-01", "person:nobuo-kishi"),
    ("South Korean defence minister", "2011-06-01", "person:kim-kwan-jin"),
    ("South Korean defence minister", "2019-06-01", "person:jeong-kyeong-doo"),
    ("North Korean defence minister", "2016-01-01", "person:pak-yong-sik"),
    ("the Saudi defence minister", "2008-01-01", "person:sultan-bin-abdulaziz"),
    ("the Ukrainian defence minister", "2016-01-01", "person:stepan-poltorak"),
    ("the Syrian defence minister", "2003-01-01", "person:mustafa-tlass"),
    ("the Israeli foreign minister", "2004-01-01", "person:silvan-shalom"),
    ("the Australian foreign minister", "2009-01-01", "person:stephen-smith"),
])
def test_ontology_actors_ministers_b_office_holder_on_date(reg, text, date, person):
    ref = reg.resolve(text, date=date)
    assert ref is not None and ref.id == person
    assert ref.sector == "GOV"


@pytest.mark.parametrize(("text", "date", "person"), [
    # a prime minister who kept a portfolio is its holder then (role added to his record)
    ("the Pakistani foreign minister", "2015-01-01", "person:nawaz-sharif"),
    ("the Indian foreign minister", "2006-03-01", "person:manmohan-singh"),
    ("the Israeli defence minister", "2019-03-01", "person:benjamin-netanyahu"),
    # spokespeople
    ("the Indian foreign ministry spokesperson", "2016-01-01", "person:vikas-swarup"),
    ("Israel's foreign ministry spokesman", "2010-01-01", "person:yigal-palmor"),
])
def test_ontology_actors_ministers_b_extra_portfolio_and_spokespeople(reg, text, date, person):
    ref = reg.resolve(text, date=date)
    assert ref is not None and ref.id == person


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Kim Kwan-jin", "2012-01-01", ("KOR", "GOV")),
    ("Kim Kwan Jin", "2012-01-01", ("KOR", "GOV")),  # KCNA-style spelling, same record
    ("Kim Kwan-jin", "2020-01-01", ("KOR", "ELI")),
    ("Mustafa Tlass", "2003-01-01", ("SYR", "GOV")),
    ("Mustafa Tlass", "2010-01-01", ("SYR", "ELI")),
    ("Khurshid Kasuri", "2005-01-01", ("PAK", "GOV")),
    ("Khurshid Kasuri", "2012-01-01", ("PAK", "ELI")),
    ("Borys Tarasyuk", "2006-01-01", ("UKR", "GOV")),
    ("Borys Tarasyuk", "2003-01-01", ("UKR", "ELI")),  # between his two terms
    ("Yuriko Koike", "2007-08-01", ("JPN", "GOV")),
    ("former defence minister Kim Kwan-jin", "2012-01-01", ("KOR", "ELI")),
    ("Stephen Smith", "2011-01-01", ("AUS", "GOV")),  # alias of the qualified record name
])
def test_ontology_actors_ministers_b_named_minister_in_and_after_office(reg, text, date, expected):
    assert pair(reg.resolve(text, date=date)) == expected


def test_ontology_actors_ministers_b_role_added_to_existing_record(reg):
    # Taro Aso: foreign minister 2005-07 in the shipped record of the later prime minister
    assert reg.holder("Foreign Minister", "JPN", "2006-06-01").id == "person:taro-aso"
    assert pair(reg.resolve("Taro Aso", date="2006-06-01")) == ("JPN", "GOV")
    assert reg.holder("Defence Minister", "UKR", "2008-06-01").id == "person:yuriy-yekhanurov"


def test_ontology_actors_ministers_b_common_surname_is_no_minister(reg):
    # "Kim Tae-young" is stored as "Kim Taeyoung", Stephen Smith under a qualified name:
    # a lone "Young", "Sam" or "Smith" is not that minister
    assert reg.by_surname("Young", "2010-01-01") is None
    assert reg.by_surname("Sam", "2021-06-01") is None
    assert reg.by_surname("Smith", "2011-01-01") is None
    assert reg.by_surname("Khan", "2018-01-01") is None  # Khurram Dastgir Khan, defence 2017-18
    assert pair(reg.resolve("Khurram Dastgir Khan", date="2018-01-01")) == ("PAK", "GOV")


def test_ontology_actors_ministers_b_shared_full_name_only_by_office(reg):
    # Australia's defence minister of 2013-14 shares his name with Canada's governor general:
    # the title finds him, the bare name does not
    assert reg.resolve("the Australian defence minister", date="2014-06-01").id == "person:david-johnston-aus"
    assert reg.resolve("David Johnston", date="2014-06-01") is None
    assert pair(reg.resolve("Kim Tae-young", date="2010-01-01")) == ("KOR", "GOV")


@pytest.mark.slow
@pytest.mark.parametrize(("date", "expected"), [("2011-03-01", "GOV"), ("2019-03-01", "ELI")])
def test_ontology_actors_ministers_b_stage_named_defence_minister(nlp, date, expected):
    found = stage_actors(nlp, "Kim Kwan-jin warned that Seoul would respond firmly to any provocation.", date)
    actor = next(a for text, a in found.items() if "Kim" in text)
    assert (actor.country, actor.sector) == ("KOR", expected)


@pytest.mark.slow
def test_ontology_actors_ministers_b_stage_title_without_name(nlp):
    found = stage_actors(nlp, "The Pakistani defence minister flew to Beijing on Tuesday for talks.", "2005-05-10")
    actor = next(a for text, a in found.items() if "defence minister" in text)
    assert (actor.id, actor.country, actor.sector) == ("person:rao-sikandar-iqbal", "PAK", "GOV")


@pytest.mark.slow
def test_ontology_actors_ministers_b_stage_common_surname_stays_unknown(nlp):
    text = "Harold Smith, a wheat farmer, said the rains came late. Smith said prices rose."
    found = stage_actors(nlp, text, "2011-05-01")
    assert all(a.country != "AUS" for a in found.values())
