"""Foreign and defence ministers 2010-2026 of African, Asian and Middle Eastern states and of
Taiwan and Palestine (people_ministers_world_b.yaml, and roles added to head-of-government
records): dated resolution of office titles and names, the surname policy, and the real actor
stage, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.registry_helpers import nlp, pair, reg, stage_actors  # noqa: F401  (nlp, reg are fixtures)


@pytest.mark.parametrize(("text", "date", "person"), [
    ("the Egyptian defence minister", "2016-01-01", "person:sedki-sobhi"),
    ("the Egyptian foreign minister", "2012-06-01", "person:mohamed-kamel-amr"),
    ("the Iraqi foreign minister", "2011-01-01", "person:hoshyar-zebari"),
    ("the Iraqi defence minister", "2021-01-01", "person:juma-inad"),
    ("the Lebanese foreign minister", "2017-01-01", "person:gebran-bassil"),
    ("the Qatari foreign minister", "2014-06-01", "person:khalid-bin-mohammad-al-attiyah"),
    ("the Afghan defence minister", "2010-06-01", "person:abdul-rahim-wardak"),
    ("Taiwan's defence minister", "2022-01-01", "person:chiu-kuo-cheng"),
    ("the Thai foreign minister", "2018-01-01", "person:don-pramudwinai"),
    ("the Philippine defence secretary", "2019-01-01", "person:delfin-lorenzana"),
    ("the Singaporean defence minister", "2015-01-01", "person:ng-eng-hen"),
    ("the Nigerian foreign minister", "2018-01-01", "person:geoffrey-onyeama"),
    ("the Rwandan defence minister", "2015-01-01", "person:james-kabarebe"),
    ("the Malian defence minister", "2023-01-01", "person:sadio-camara"),
    ("the Palestinian prime minister", "2016-01-01", "person:rami-hamdallah"),
])
def test_ontology_actors_ministers_world_b_office_holder_on_date(reg, text, date, person):
    ref = reg.resolve(text, date=date)
    assert ref is not None and ref.id == person
    assert ref.sector == "GOV"


@pytest.mark.parametrize(("office", "country", "date", "person"), [
    # Jordan's prime minister holds the defence portfolio (role added to the head record)
    ("Defence Minister", "JOR", "2019-01-01", "person:omar-razzaz"),
    ("Defence Minister", "JOR", "2022-01-01", "person:bisher-khasawneh"),
    # a later prime minister who had been foreign minister
    ("Foreign Minister", "IRQ", "2016-01-01", "person:ibrahim-al-jaafari"),
    ("Foreign Minister", "KWT", "2015-01-01", "person:sabah-al-khalid-al-sabah"),
    ("Defence Minister", "LKA", "2017-01-01", "person:maithripala-sirisena"),
    ("Foreign Minister", "BRN", "2020-01-01", "person:hassanal-bolkiah"),
    ("Foreign Minister", "BRN", "2010-01-01", "person:mohamed-bolkiah"),
])
def test_ontology_actors_ministers_world_b_roles_added_to_heads(reg, office, country, date, person):
    assert reg.holder(office, country, date).id == person


@pytest.mark.parametrize(("text", "date", "expected"), [
    ("Gebran Bassil", "2016-01-01", ("LBN", "GOV")),
    ("Gebran Bassil", "2023-01-01", ("LBN", "ELI")),
    ("Amir Khan Muttaqi", "2023-01-01", ("AFG", "GOV")),
    ("Amir Khan Mottaki", "2023-01-01", ("AFG", "GOV")),  # a common spelling, same record
    ("Hoshyar Zebari", "2012-01-01", ("IRQ", "GOV")),
    ("Kao Hua-chu", "2011-01-01", ("TWN", "GOV")),  # joined name, hyphenated alias
    ("Bui Thanh Son", "2023-01-01", ("VNM", "GOV")),  # ASCII form of the Vietnamese name
    # a foreign minister who went on to head an organisation belongs to it there
    ("Louise Mushikiwabo", "2015-01-01", ("RWA", "GOV")),
    ("Louise Mushikiwabo", "2020-01-01", ("IGO", "GOV")),
    ("Moussa Faki", "2012-01-01", ("TCD", "GOV")),
    ("Moussa Faki", "2020-01-01", ("IGO", "GOV")),
])
def test_ontology_actors_ministers_world_b_named_minister_in_and_after_office(reg, text, date, expected):
    assert pair(reg.resolve(text, date=date)) == expected


def test_ontology_actors_ministers_world_b_common_surname_is_no_minister(reg):
    # qualified names: a lone common surname, or a better-known leader's, is not the minister
    assert reg.by_surname("Hussein", "2021-06-01") is None  # Fuad Hussein, Iraqi FM
    assert reg.by_surname("Son", "2023-01-01") is None  # Bui Thanh Son, Vietnamese FM
    assert reg.by_surname("Akar", "2021-01-01").id == "person:hulusi-akar"  # not Zeina Akar
    assert reg.by_surname("Sall", "2021-06-01").id == "person:macky-sall"  # not Aissata Tall Sall
    assert reg.by_surname("Ouattara", "2022-01-01").id == "person:alassane-ouattara"
    assert reg.by_surname("Maliki", "2010-01-01").id == "person:nouri-al-maliki"  # not Riyad al-Maliki
    # the full names still resolve
    assert pair(reg.resolve("Fuad Hussein", date="2021-06-01")) == ("IRQ", "GOV")
    assert pair(reg.resolve("Zeina Akar", date="2021-01-01")) == ("LBN", "GOV")
    assert pair(reg.resolve("Riyad al-Maliki", date="2010-01-01")) == ("PSE", "GOV")
    # a distinctive surname is the minister in office
    assert reg.by_surname("Bassil", "2016-01-01").id == "person:gebran-bassil"


@pytest.mark.slow
@pytest.mark.parametrize(("date", "expected"), [("2019-03-01", "GOV"), ("2024-03-01", "ELI")])
def test_ontology_actors_ministers_world_b_stage_named_minister(nlp, date, expected):
    found = stage_actors(nlp, "Geoffrey Onyeama told reporters in Abuja that the talks would resume.", date)
    actor = next(a for text, a in found.items() if "Onyeama" in text)
    assert (actor.country, actor.sector) == ("NGA", expected)


@pytest.mark.slow
def test_ontology_actors_ministers_world_b_stage_title_without_name(nlp):
    found = stage_actors(nlp, "The Lebanese defence minister visited troops in the south on Monday.", "2017-05-10")
    actor = next(a for text, a in found.items() if "defence minister" in text)
    assert (actor.id, actor.country, actor.sector) == ("person:yacoub-sarraf", "LBN", "GOV")
