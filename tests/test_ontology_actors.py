"""The actor registry: loading, schema errors, lookups and time-aware resolution."""

from __future__ import annotations

import pycountry
import pytest

from dyad.errors import OntologyError
from dyad.ontology.actors import Role, load_registry, norm, sector_codes, tokens


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def pair(ref):
    return (ref.country, ref.sector) if ref is not None else None


def test_ontology_actors_norm_ignores_case_and_punctuation():
    assert norm("U.S.") == norm("US") == norm("us")
    assert norm("The Kremlin") == norm("kremlin")
    assert norm("Côte d’Ivoire") == norm("Cote d'Ivoire")
    assert tokens("Chile's Defense Ministry") == ["chile", "'s", "defense", "ministry"]


def test_ontology_actors_every_state_is_keyed_by_alpha3(reg):
    for country in pycountry.countries:
        if country.alpha_3 in ("ATA", "BVT", "HMD", "UMI"):
            continue  # uninhabited: not actors
        assert reg.get(country.alpha_3) is not None, country.alpha_3
    assert reg.get("XKX").name == "Kosovo"
    assert reg.get("ATA") is None


def test_ontology_actors_adjectives_cover_all_sovereign_states(reg):
    states = [a for a in reg if a.kind == "state"]
    with_adjective = [a for a in states if any(al.form == "adjective" for al in a.aliases)]
    assert len(with_adjective) >= 190


@pytest.mark.parametrize("text,country,sector", [
    ("Emirati", "ARE", None),
    ("North Korean", "PRK", None),
    ("DPRK", "PRK", None),
    ("Britain", "GBR", None),
    ("America", "USA", None),
    ("Pyongyang", "PRK", "GOV"),
    ("Downing Street", "GBR", "GOV"),
    ("the White House", "USA", "GOV"),
    ("the Islamic Republic", "IRN", "GOV"),
    ("Palestinian Authority", "PSE", "GOV"),
    ("Kosovars", "XKX", "CVL"),
])
def test_ontology_actors_state_aliases(reg, text, country, sector):
    ref = reg.resolve(text)
    assert (ref.country, ref.sector) == (country, sector)


@pytest.mark.parametrize("text,country,sector", [
    ("Russian riot police", "RUS", "COP"),
    ("Turkish lawmakers", "TUR", "LEG"),
    ("Pakistani farmers", "PAK", "AGR"),
    ("Nigerian journalists", "NGA", "JRN"),
    ("Brazil's central bank", "BRA", "GOV"),
    ("Egyptian firms", "EGY", "BUS"),
    ("Saudi drone manufacturers", "SAU", "BUS"),
    ("ordinary Syrians", "SYR", "CVL"),
    ("Venezuelan troops", "VEN", "MIL"),
    ("Kenya's Defence Ministry", "KEN", "GOV"),
    ("India's Defense Department", "IND", "GOV"),
])
def test_ontology_actors_country_plus_agent_noun(reg, text, country, sector):
    ref = reg.resolve(text)
    assert (ref.country, ref.sector) == (country, sector)
    assert ref.id == f"{country}.{sector}"


@pytest.mark.parametrize("text,actor_id,country", [
    ("UN Human Rights Council", "UN.HRC", "UNO"),
    ("NATO", "NATO", "IGO"),
    ("the European Parliament", "EU.EP", "EUR"),
    ("IRGC", "IRN.IRGC", "IRN"),
    ("Hikvision", "org:hikvision", "CHN"),
    ("Rosoboronexport", "org:rosoboronexport", "RUS"),
])
def test_ontology_actors_organisations(reg, text, actor_id, country):
    ref = reg.resolve(text)
    assert (ref.id, ref.country) == (actor_id, country)


def test_ontology_actors_abbreviations_and_one_word_names_need_their_case(reg):
    assert reg.resolve("RAW").id == "IND.RAW"
    assert reg.resolve("the raw data") is None
    assert reg.resolve("in total") is None


def test_ontology_actors_person_in_office_then_former(reg):
    assert pair(reg.resolve("Javad Zarif", date="2019-06-01")) == ("IRN", "GOV")
    assert pair(reg.resolve("Javad Zarif", date="2023-06-01")) == ("IRN", "ELI")
    # "then-" names the office that applied at the time, whatever the date
    assert reg.resolve("then-Foreign Minister Javad Zarif", date="2023-06-01").sector == "GOV"
    # a former official stays a former official
    assert reg.resolve("former minister", date="2023-06-01").sector == "ELI"


def test_ontology_actors_bare_title_resolves_to_holder_on_date(reg):
    assert reg.holder("Foreign Minister", "CHN", "2023-03-01").id == "person:qin-gang"
    assert reg.holder("Foreign Minister", "CHN", "2024-03-01").id == "person:wang-yi"
    ref = reg.resolve("the foreign minister", date="2019-06-01", context="Iranian")
    assert ref.id == "person:javad-zarif"
    ref = reg.resolve("the British prime minister", date="2021-01-01")
    assert ref.id == "person:boris-johnson"


def test_ontology_actors_derived_state_sector_ids(reg):
    actor = reg.get("IRN.MIL")
    assert (actor.country, actor.sector, actor.parent) == ("IRN", "MIL", "IRN")
    assert reg.get("IRN.XYZ") is None


def test_ontology_actors_role_activity_with_month_precision():
    role = Role("Minister", "XYZ", "GOV", "2020-03", "2021-06")
    assert role.active("2020-03-01") and role.active("2021-06-30")
    assert not role.active("2021-07-01") and role.ended_before("2021-07-01")


def test_ontology_actors_patterns_for_spacy(reg):
    patterns = reg.patterns()
    assert {"label": "GPE", "pattern": "Iran", "id": "IRN"} in patterns
    assert {"label": "NORP", "pattern": "Emirati", "id": "ARE"} in patterns
    assert {"label": "PERSON", "pattern": "Xi Jinping", "id": "person:xi-jinping"} in patterns
    assert all(p["pattern"][0].isupper() or p["pattern"][0].isdigit() for p in patterns)


def test_ontology_actors_sector_codes_inventory():
    codes = sector_codes()
    for code in ("GOV", "MIL", "COP", "OPP", "CVL", "BUS", "JRN", "JUD", "LEG", "REB", "SPY", "AGR", "ELI"):
        assert code in codes


# --------------------------------------------------------------------------- user files


def test_ontology_actors_user_file_adds_and_overrides(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- {id: org:acme-drones, name: Acme Drones, kind: company, country: IRN, sector: BUS}\n"
        "- {id: person:jane-roe, name: Jane Roe, kind: person, country: KEN,\n"
        "   roles: [[Foreign Minister, 2020-01-01, 2021-12-31]]}\n"
        "- {id: NATO, name: NATO, kind: igo, country: IGO, sector: GOV}\n",
        encoding="utf-8",
    )
    reg = load_registry((str(path),))
    assert reg.resolve("Acme Drones").country == "IRN"
    assert pair(reg.resolve("Jane Roe", date="2020-06-01")) == ("KEN", "GOV")
    assert pair(reg.resolve("Jane Roe", date="2022-06-01")) == ("KEN", "ELI")
    assert reg.holder("Foreign Minister", "KEN", "2021-01-01").id == "person:jane-roe"
    assert reg.get("NATO").sector == "GOV"
    assert load_registry((str(path),)) is reg  # cached per extra_paths


def test_ontology_actors_user_sector_lexicon(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("phrase,code_1,code_2\nfishing crew,AGR,\n", encoding="utf-8")
    reg = load_registry((str(path),))
    assert pair(reg.resolve("Chinese fishing crews")) == ("CHN", "AGR")


@pytest.mark.parametrize("body,needle", [
    ("- {id: x, name: X, kind: spaceship}\n", "kind"),
    ("- {id: x, name: X, kind: group, colour: red}\n", "unknown field"),
    ("- {id: x, kind: group}\n", "name"),
    ("- {id: x, name: X, kind: group, sector: ZZZ}\n", "sector code"),
    ("- {id: x, name: X, kind: person, roles: [[President, 2020-13-45x, null]]}\n", "not ISO"),
    ("- {id: x, name: X, kind: person, roles: [President]}\n", "role must be"),
    ("- {id: x, name: X, kind: group, aliases: [{text: Y, form: nickname}]}\n", "alias form"),
    ("id: x\n", "list"),
])
def test_ontology_actors_schema_errors_name_file_and_line(tmp_path, body, needle):
    path = tmp_path / "bad.yaml"
    path.write_text("# user registry\n" + body, encoding="utf-8")
    with pytest.raises(OntologyError) as err:
        load_registry((str(path),))
    assert needle in str(err.value)
    assert "bad.yaml" in str(err.value)


def test_ontology_actors_schema_error_points_at_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("- {id: a, name: A, kind: group}\n\n- {id: b, name: B, kind: robot}\n", encoding="utf-8")
    with pytest.raises(OntologyError, match=r"bad\.yaml:3"):
        load_registry((str(path),))


def test_ontology_actors_bad_csv_row(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("phrase,code_1,code_2\nfishers,AGR\n", encoding="utf-8")
    with pytest.raises(OntologyError, match=r"terms\.csv:2"):
        load_registry((str(path),))


def test_ontology_actors_missing_user_file(tmp_path):
    with pytest.raises(OntologyError, match="not found"):
        load_registry((str(tmp_path / "nope.yaml"),))


def test_ontology_actors_names_do_not_leak_into_other_names(reg):
    # a surname, a state name or a city inside someone else's name is not that actor
    assert reg.resolve("Lucy Carter") is None  # Ash Carter's surname (Jimmy Carter is now listed)
    assert reg.resolve("Jordan Peterson") is None
    assert pair(reg.resolve("Sen. Maria Valencia")) == (None, "LEG")


def test_ontology_actors_plural_titles_are_groups_not_the_holder(reg):
    ref = reg.resolve("US presidents", date="2024-01-01")
    assert ref.id == "USA.GOV"
    assert reg.resolve("the US president", date="2024-01-01").id == "person:joe-biden"


def test_ontology_actors_head_noun_decides_the_sector(reg):
    assert pair(reg.resolve("Chinese police union")) == ("CHN", "LAB")
    assert pair(reg.resolve("the people of Chile")) == ("CHL", "CVL")
    assert pair(reg.resolve("the Putin government", date="2024-01-01")) == ("RUS", "GOV")


def test_ontology_actors_generic_agency_name_belongs_to_the_state_named(reg):
    assert reg.resolve("the State Department").id == "USA.STATE"
    assert pair(reg.resolve("Peru's State Department")) == ("PER", "GOV")


def test_ontology_actors_organisation_offices_have_their_own_holders(reg):
    assert reg.resolve("the NATO secretary-general", date="2020-01-01").id == "person:jens-stoltenberg"
    assert reg.resolve("the NATO secretary-general", date="2025-01-01").id == "person:mark-rutte"
    ref = reg.resolve("European Commission president", date="2016-01-01")
    assert (ref.id, ref.country) == ("person:jean-claude-juncker", "EUR")
    assert reg.resolve("the president", date="2016-01-01").id is None  # every state has one


def test_ontology_actors_regions_place_actors_in_their_country(reg):
    assert pair(reg.resolve("Gaza residents")) == ("PSE", "CVL")
    assert pair(reg.resolve("Xinjiang authorities")) == ("CHN", "GOV")
    assert reg.resolve("Crimea").country == "UKR"
