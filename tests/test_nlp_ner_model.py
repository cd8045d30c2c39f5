"""dyad.nlp.ner_model: the stock English model with the fine-tuned `ner` weights."""

from __future__ import annotations

import pytest
import spacy

from dyad.errors import DyadError
from dyad.nlp import ner_model

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def tuned():
    return ner_model.load_english()


@pytest.fixture(scope="session")
def stock():
    return spacy.load(ner_model.MODEL)


def _ents(nlp, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_ner_model_is_a_drop_in(tuned, stock):
    assert tuned.pipe_names == stock.pipe_names
    assert tuned.get_pipe("ner").labels == stock.get_pipe("ner").labels
    assert tuned.config["components"]["ner"] == stock.config["components"]["ner"]


def test_ner_model_leaves_tagger_and_parser_alone(tuned, stock):
    text = "The minister said on Monday that Ankara would not send troops to northern Syria."
    a, b = tuned(text), stock(text)
    assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]


def test_ner_model_passes_load_arguments(tuned):
    nlp = ner_model.load_english(exclude=["lemmatizer"])
    assert "lemmatizer" not in nlp.pipe_names and "ner" in nlp.pipe_names
    assert "ner" not in ner_model.load_english(exclude=["ner"]).pipe_names


def test_ner_model_missing_weights_raise(monkeypatch, tmp_path):
    monkeypatch.setattr(ner_model, "NER_DIR", tmp_path / "absent")
    with pytest.raises(DyadError, match="absent"):
        ner_model.load_english()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the stock model misses and CoNLL teaches: agencies, acronyms, clubs, players
        ("Interfax news agency quoted the deputy minister as saying Moscow would reply.", ("Interfax", "ORG")),
        ("The ECB left its main refinancing rate at 4.5 percent, the bank said.", ("ECB", "ORG")),
        ("Real Madrid beat Valencia 3-1 on Sunday.", ("Real Madrid", "ORG")),
        ("Pakistan's cricket board named Wasim Akram captain for the tour.", ("Wasim Akram", "PERSON")),
    ],
)
def test_ner_model_learns_news_names(tuned, text, expected):
    assert expected in _ents(tuned, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # OntoNotes labels CoNLL does not have are kept (rehearsal and the kept non-CoNLL spans)
        ("The government of Chile approved a $2.5 billion aid package last month.",
         {("Chile", "GPE"), ("$2.5 billion", "MONEY"), ("last month", "DATE")}),
        ("NATO Secretary-General Jens Stoltenberg warned Russia against moving troops into Belarus.",
         {("NATO", "ORG"), ("Jens Stoltenberg", "PERSON"), ("Russia", "GPE"), ("Belarus", "GPE")}),
        ("Iranian officials told reporters that 40 people were killed in the attack.",
         {("Iranian", "NORP"), ("40", "CARDINAL")}),
        ("Oil prices rose 3% after OPEC agreed to cut output in January.",
         {("3%", "PERCENT"), ("OPEC", "ORG"), ("January", "DATE")}),
    ],
)
def test_ner_model_keeps_ontonotes_labels(tuned, text, expected):
    assert expected <= _ents(tuned, text)


def test_ner_model_stock_weights_when_not_tuned():
    """``tuned=False`` (setting ``tuned_ner``) loads the stock weights: the entities equal a plain
    spacy.load's, for a user who must not rely on weights trained on research-use text."""
    import spacy

    from dyad.nlp.ner_model import MODEL, load_english

    text = "Interfax said Real Madrid beat Ajax in Amsterdam on Sunday, the AP reported."
    stock = [(e.text, e.label_) for e in spacy.load(MODEL)(text).ents]
    assert [(e.text, e.label_) for e in load_english(tuned=False)(text).ents] == stock


def test_ner_model_setting_defaults_to_tuned():
    from dyad.settings import from_env

    assert from_env({}).tuned_ner is True
    assert from_env({"DYAD_TUNED_NER": "no"}).tuned_ner is False
