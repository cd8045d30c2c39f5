"""A longer proper name ending in a generic word the registry uses as a short alias
("Commission", "Congress") is another body: its opening state owns it, else it stays unresolved."""

from __future__ import annotations

import pytest

from dyad.ontology.actors import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.mark.parametrize("text, country, sector", [
    ("the Zambia Anti-Corruption Commission", "ZMB", "GOV"),
    ("the Kenyan Human Rights Commission", "KEN", "GOV"),
    ("Nigeria's Independent National Electoral Commission", "NGA", "GOV"),
    ("the Ghana Electoral Commission", "GHA", "GOV"),
    ("the Philippine National Congress", "PHL", "LEG"),
    ("the Kenya Commission", "KEN", "GOV"),
])
def test_state_opened_name_is_that_states_body(registry, text, country, sector):
    ref = registry.resolve(text)
    assert ref is not None and ref.id != "EU.EC" and ref.id != "USA.CONGRESS"
    assert (ref.country, ref.sector) == (country, sector)


def test_state_before_a_non_state_head_is_not_the_owner(registry):
    ref = registry.resolve("Georgia State University")
    assert ref is None or ref.country is None


@pytest.mark.parametrize("text", ["the Independent Electoral Commission", "the Peoples Progressive Congress"])
def test_unowned_longer_name_is_not_the_registry_body(registry, text):
    ref = registry.resolve(text)
    assert ref is None or (ref.id is None and ref.country is None)


@pytest.mark.parametrize("text, actor_id", [
    ("the European Commission", "EU.EC"),
    ("the Commission", "EU.EC"),
    ("the EU Commission", "EU.EC"),
    ("Congress", "USA.CONGRESS"),
    ("the US Congress", "USA.CONGRESS"),
    ("the UN Human Rights Council", "UN.HRC"),
    ("the Security Council", "UN.SC"),
    ("Iran's Guardian Council", "IRN.GUARDIANS"),
    ("the Kremlin", "RUS.GOV"),
    ("the Republican Congress", "USA.CONGRESS"),  # its own members' name, not a longer name
])
def test_real_names_still_resolve(registry, text, actor_id):
    assert registry.resolve(text).id == actor_id


@pytest.mark.slow
def test_pipeline_keeps_short_alias_in_context_and_reads_longer_name():
    from dyad.nlp.pipeline import load_pipeline

    doc = load_pipeline()("The European Commission fined a bank. The Commission said it would appeal, "
                          "the Uganda Anti-Corruption Commission said.")
    found = {m.span.text: m.actor for m in doc._.mentions}
    assert found["European Commission"].id == "EU.EC"
    assert found["Commission"].id == "EU.EC"
    longer = found["Uganda Anti-Corruption Commission"]
    assert (longer.id != "EU.EC", longer.country, longer.sector) == (True, "UGA", "GOV")


@pytest.mark.slow
def test_pipeline_unowned_longer_name_stays_unresolved():
    from dyad.nlp.pipeline import load_pipeline

    doc = load_pipeline()("Protesters gathered outside the offices of the Independent Electoral Commission.")
    ref = next(m.actor for m in doc._.mentions if m.span.text.endswith("Electoral Commission"))
    assert ref.id is None and ref.country is None and "Independent Electoral Commission" in ref.text
