"""dyad.ontology.actors: a name one slip of the keyboard from a known one is read as that name,
on misspellings written for these tests; near-names that are other words are left alone."""

from __future__ import annotations

import pytest

from dyad.ontology.actors import Misspellings, load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.mark.parametrize("text,country", [
    ("Argenntina", "ARG"),          # a letter doubled
    ("Pakisthan", "PAK"),           # a silent h added
    ("Ukrainains", "UKR"),          # two letters swapped (demonym)
    ("Khartuom police", "SDN"),     # a capital, with an agent noun
    ("the Vietanmese army", "VNM"),
    ("Tehraan's negotiators", "IRN"),
    ("Ukranian troops", "UKR"),     # a vowel dropped from a run of vowels
    ("the Ghana Electoral Comission", "GHA"),  # a body's head noun, among capitalised words
])
def test_ontology_actors_misspelt_name_reads_as_the_known_one(registry, text, country):
    ref = registry.resolve(text, date="2020-01-01")
    assert ref is not None and ref.country == country


def test_ontology_actors_misspelt_full_name_of_a_person_reads_as_that_person(registry):
    ref = registry.resolve("President Francois Miterrand", date="1990-01-01")
    assert ref is not None and ref.id == "person:francois-mitterrand" and ref.sector == "GOV"


@pytest.mark.parametrize("text", [
    "Indiana",          # an edit at the end makes another word (Indian → Indiana)
    "Malik",            # too short to correct (Mali)
    "Irak",             # a substitution is not a slip this reads (Iraq/Iran are one apart)
    "Cameron",          # a word English knows is no slip (Cameroon)
    "Pakistn",          # a dropped letter other than a doubled one or h: too often another word
    "Ukrainains Kovalenko",  # next to an unknown capitalised word: part of a name
    "pakisthan",        # not capitalised: not a name
    "Perrson",          # a doubled letter, but "person" heads no state body
])
def test_ontology_actors_near_names_that_are_other_words_are_left_alone(registry, text):
    ref = registry.resolve(text, date="2020-01-01")
    assert ref is None or ref.country is None


def test_ontology_actors_exact_names_win_over_corrections(registry):
    assert registry.resolve("Austria").country == "AUT"  # not a slip of "Australia"
    assert registry.resolve("Niger").country == "NER" and registry.resolve("Nigeria").country == "NGA"


def test_ontology_actors_misspellings_slip_reaching_two_names_corrects_neither():
    index = Misspellings(["abcdef", "abdcef", "qwerty", "lorem ipsum"])
    assert index.correct("qwetry") == "qwerty"
    assert index.correct("abcdef") is None  # a known name needs no correction
    assert index.correct("abxcdef") == "abcdef"
    assert index.correct("abcdcef") is None  # one letter too many for either name
    assert index.correct("qwert") is None  # the last letter dropped: not an inner slip
    assert index.correct("lorem ipsmu") is None and index.correct("lroem ipsum") == "lorem ipsum"


def test_ontology_actors_misspellings_word_in_its_own_right_is_no_slip():
    index = Misspellings(["qwerty"], is_word=lambda word: word == "qweryt")
    assert index.correct("qweryt") is None and index.correct("qwetry") == "qwerty"
    common = Misspellings(["qwerty"], common_slips_only=True)
    assert common.correct("qwerrty") == "qwerty" and common.correct("qwhertty") is None
    assert common.correct("qwerhty") == "qwerty" and common.correct("qwxerty") is None
    assert common.correct("qweorty") == "qwerty"  # a vowel added next to a vowel


def test_ontology_actors_misspelt_state_agent_noun_keeps_its_sector(registry):
    ref = registry.resolve("the Nigerian Millitary", date="2020-01-01")
    assert ref is not None and (ref.country, ref.sector) == ("NGA", "MIL")
