"""Aliases that name an actor only in news of some states (``where`` in an actor record):
"RSF" is the Rapid Support Forces in a story about Sudan and Reporters Without Borders
elsewhere; "ADF" the Allied Democratic Forces in a story about Congo, the Australian Defence
Force elsewhere. Registry-level checks and the actor stage on sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.errors import OntologyError
from dyad.ontology.actors import load_actor_file, load_registry
from tests.registry_helpers import nlp, reg, stage_actors  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,elsewhere,in_news_of,there", [
    ("RSF", "RSF", "SDN", "grp:rsf-sudan"),  # Reporters Without Borders' initials
    ("ADF", "AUS.ADF", "COD", "grp:adf"),
    ("JEM", "grp:jaish-e-mohammed", "SDN", "grp:jem-sudan"),
    ("SAF", None, "SDN", "SDN.MIL"),
    ("AES", None, "NER", "AES-SAHEL"),
])
def test_registry_where_alias_opens_only_in_news_of_its_states(reg, text, elsewhere, in_news_of, there):
    plain = reg.resolve(text, date="2025-02-01")
    assert (plain.id if plain else None) == elsewhere
    assert reg.within([in_news_of, "FRA"]).resolve(text, date="2025-02-01").id == there
    # a context that names the state opens it too (a sentence or a country code)
    assert reg.resolve(text, date="2025-02-01", context=in_news_of).id == there


def test_registry_within_other_states_is_the_registry_itself(reg):
    assert reg.within(["FRA", "DEU", None]) is reg
    assert reg.within(["SDN"]) is reg.within(["SDN", "FRA"])  # one view per set of opened states
    assert reg.within(["SDN"]).resolve("RSF fighters", date="2025-02-01").id == "grp:rsf-sudan"
    assert reg.within(["SDN"]).resolve("Reporters Without Borders", date="2025-02-01").id == "RSF"


def test_registry_where_alias_in_a_user_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("- {id: grp:kpf, name: Kivu Patriotic Front, kind: group, country: COD, sector: REB,"
                    " aliases: [{text: KPF, form: abbrev, where: [COD]}]}\n")
    registry = load_registry((str(path),))
    assert registry.resolve("KPF", date="2025-02-01") is None
    assert registry.within(["COD"]).resolve("KPF", date="2025-02-01").country == "COD"


@pytest.mark.parametrize("where", ["[XYZ]", "[]", "SDN"])
def test_registry_where_must_list_state_codes(tmp_path, where):
    path = tmp_path / "bad.yaml"
    path.write_text(f"- {{id: grp:x, name: X Front, kind: group, aliases: [{{text: XF, where: {where}}}]}}\n")
    with pytest.raises(OntologyError, match="where") as err:
        load_actor_file(path)
    assert "bad.yaml" in str(err.value)


@pytest.mark.parametrize("text,words,actor_id", [
    ("RSF fighters stormed a market in Nyala on Monday, residents said.", "RSF fighters", "grp:rsf-sudan"),
    ("Shelling by the RSF killed nine people near El Obeid, a local medical group said.", "RSF",
     "grp:rsf-sudan"),
    ("RSF urged the authorities in Minsk to free the jailed cameraman.", "RSF", "RSF"),
    ("ADF rebels raided a village near Beni, killing eleven farmers.", "ADF rebels", "grp:adf"),
    ("The ADF sent two frigates to the exercise off Darwin.", "ADF", "AUS.ADF"),
])
def test_actor_stage_reads_where_aliases_by_the_story(nlp, text, words, actor_id):
    found = stage_actors(nlp, text, "2025-02-01")
    assert found[words].id == actor_id


def test_actor_stage_reads_a_town_sharing_a_militia_name_as_the_town(nlp):
    found = stage_actors(nlp, "Fano hosted a regional food festival in the Marche last weekend.", "2025-02-01")
    assert all(a.id != "grp:fano" for a in found.values())
    found = stage_actors(nlp, "Fano militiamen ambushed an Ethiopian army convoy near Bahir Dar.", "2025-02-01")
    assert found["Fano militiamen"].id == "grp:fano"


def test_registry_congo_is_the_drc_in_news_of_its_neighbours(reg):
    assert reg.resolve("Congo", date="2025-02-01").id == "COG"  # ISO's Congo: Brazzaville
    assert reg.within(["RWA"]).resolve("Congo", date="2025-02-01").id == "COD"
    assert reg.within(["RWA"]).resolve("Congo-Brazzaville", date="2025-02-01").id == "COG"
    assert reg.resolve("eastern Congo", date="2025-02-01").id == "COD"


@pytest.mark.parametrize("text,words,country", [
    ("Congo recalled its ambassador from Kigali on Thursday.", "Congo", "COD"),
    ("Congo and Uganda launched joint operations against the rebels.", "Congo", "COD"),
    ("Congo's oil output rose last year, the energy ministry in Brazzaville said.", "Congo", "COG"),
])
def test_actor_stage_reads_congo_by_the_story(nlp, text, words, country):
    assert stage_actors(nlp, text, "2025-02-01")[words].country == country
