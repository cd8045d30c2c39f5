"""dyad.ontology.plover: PLOVER categories, crosswalk, lexicon and modality cues as data."""

from __future__ import annotations

import pytest

from dyad.errors import OntologyError
from dyad.ontology import plover as P

CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def test_ontology_plover_has_the_16_categories_of_2021():
    assert P.load_plover().names == CATEGORIES


def test_ontology_plover_loader_is_cached():
    assert P.load_plover() is P.load_plover()
    assert P.load_lexicon() is P.load_lexicon()


@pytest.mark.parametrize(("name", "quad"), [
    ("AGREE", "verbal_cooperation"), ("CONCEDE", "verbal_cooperation"), ("AID", "material_cooperation"),
    ("RETREAT", "material_cooperation"), ("REQUEST", "verbal_conflict"), ("THREATEN", "verbal_conflict"),
    ("PROTEST", "material_conflict"), ("ASSAULT", "material_conflict"),
])
def test_ontology_plover_quad_classes(name, quad):
    assert P.load_plover().quad(name) == quad


def test_ontology_plover_scores_order_conflict_below_cooperation():
    p = P.load_plover()
    assert p.score("ASSAULT") == -9.3 and p.score("RETREAT") == 7.6
    assert all(p.score(c.name) < 0 for c in p.categories if not c.cooperative)
    assert all(p.score(c.name) > 0 for c in p.categories if c.cooperative)


def test_ontology_plover_modes_and_contexts():
    p = P.load_plover()
    assert "visit" in p.modes("CONSULT") and "phone" in p.modes("CONSULT")
    assert {"explosives", "heavy-weapons", "assassinate"} <= set(p.modes("ASSAULT"))
    assert {"arrest", "deport", "curfew"} <= set(p.modes("COERCE"))
    assert {"military", "economic", "cbrn", "technology"} <= set(p.contexts)
    assert p.modes("SUPPORT") == ()


@pytest.mark.parametrize(("category", "mode", "root"), [
    ("AGREE", None, "03"), ("CONSULT", "visit", "04"), ("AID", "military", "07"), ("RETREAT", "release", "08"),
    ("REQUEST", None, "10"), ("ACCUSE", "investigate", "09"), ("ACCUSE", None, "11"), ("REJECT", None, "12"),
    ("SANCTION", None, "16"), ("COERCE", "arrest", "17"), ("ASSAULT", None, "19"), ("ASSAULT", "explosives", "18"),
])
def test_ontology_plover_cameo_root_for_category_and_mode(category, mode, root):
    assert P.load_plover().cameo_root(category, mode) == root


def test_ontology_plover_cameo_code_within_a_root():
    p = P.load_plover()
    assert p.cameo_code("REQUEST", "assist", root="10") == "101"
    assert p.cameo_code("REQUEST", "assist", root="02") == "021"


def test_ontology_plover_from_cameo_falls_back_to_prefix():
    p = P.load_plover()
    assert p.from_cameo("0841").category == "RETREAT"
    assert p.from_cameo("1952").category == "ASSAULT"  # unknown 4-digit → its 3-digit parent "195"
    assert p.from_cameo("01").category is None  # statements are not PLOVER events


def test_ontology_plover_unknown_category_raises():
    with pytest.raises(OntologyError, match="unknown PLOVER category"):
        P.load_plover().category("FIGHT")


def test_ontology_plover_lexicon_entries_are_valid():
    lex, p = P.load_lexicon(), P.load_plover()
    for entry in list(lex.verbs.values()) + list(lex.nouns.values()) + [ph.entry for ph in lex.phrases]:
        assert entry.category is None or entry.category in p.names
        assert entry.role in P.ROLES
        assert all(c in p.contexts for c in entry.context)
    assert lex.verbs["threaten"].role == "threat"
    assert lex.verbs["provide"].role == "light"
    assert lex.nouns["sanction"].category == "SANCTION" and lex.nouns["sanction"].standalone
    assert not lex.nouns["weapon"].standalone  # only under a supply verb
    assert lex.phrase("stop short of").entry.role == "negator"
    assert lex.phrase("hand over").entry.category == "RETREAT"  # "hand_over" style lemma → phrase


def test_ontology_plover_lexicon_rejects_bad_entries():
    p = P.load_plover()
    with pytest.raises(OntologyError, match="unknown category"):
        P._entry({"category": "FIGHT"}, p.names, p.contexts, "test")
    with pytest.raises(OntologyError, match="unknown role"):
        P._entry({"category": "AID", "role": "maybe"}, p.names, p.contexts, "test")
    with pytest.raises(OntologyError, match="unknown contexts"):
        P._entry({"category": "AID", "context": ["weather"]}, p.names, p.contexts, "test")


def test_ontology_plover_modality_cues():
    cues = P.load_modality_cues()
    assert {"not", "n't", "never"} <= cues.negation_words
    assert "say" in cues.reporting_verbs and "deny" in cues.denial_verbs
    assert "will" in cues.future_markers and "false" in cues.denial_adjectives
