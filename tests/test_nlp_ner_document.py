"""dyad.nlp.ner_document: all-caps sentences and one label per name across a document."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from dyad.nlp import ner_document
from dyad.nlp.ner_document import NerDocument, is_caps


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _doc(nlp, sentences: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    words = [w for s in sentences for w in s.split()]
    starts = [i == 0 for s in sentences for i in range(len(s.split()))]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def _ents(doc: Doc) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in doc.ents}


def test_ner_document_minority_label_follows_the_document(blank):
    # "Kestrel Mining" is an ORG twice and a PERSON once: the odd one out takes the majority label
    doc = _doc(blank, ["Kestrel Mining shares rose .", "Kestrel Mining said profit fell .",
                       "Analysts liked Kestrel Mining ."],
               [(0, 2, "ORG"), (5, 7, "ORG"), (13, 15, "PERSON")])
    doc = NerDocument(None)(doc)
    assert [e.label_ for e in doc.ents] == ["ORG", "ORG", "ORG"]


def test_ner_document_ties_and_numbers_are_left_alone(blank):
    doc = _doc(blank, ["Talbot won 3 races .", "Talbot beat Ferris ."],
               [(0, 1, "PERSON"), (2, 3, "CARDINAL"), (5, 6, "ORG"), (7, 8, "PERSON")])
    doc = NerDocument(None)(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Talbot", "PERSON"), ("3", "CARDINAL"), ("Talbot", "ORG"), ("Ferris", "PERSON")]


def test_ner_document_surname_takes_the_person_label(blank):
    # "Halvorsen" alone was read as an ORG; the full name twice says it is the person
    doc = _doc(blank, ["Greta Halvorsen won the final .", "Greta Halvorsen was delighted .",
                       "Halvorsen said she was tired ."],
               [(0, 2, "PERSON"), (6, 8, "PERSON"), (10, 11, "ORG")])
    doc = NerDocument(None)(doc)
    assert ("Halvorsen", "PERSON") in _ents(doc)


def test_ner_document_unlabelled_repeats_become_entities(blank):
    doc = _doc(blank, ["Port Selwyn council met on Monday .", "Residents of Port Selwyn protested .",
                       "Chief Okafor said Okafor would resign ."],
               [(0, 2, "GPE"), (14, 15, "PERSON")])
    doc = NerDocument(None)(doc)
    assert [(e.text, e.label_, e.start) for e in doc.ents] == [
        ("Port Selwyn", "GPE", 0), ("Port Selwyn", "GPE", 9), ("Okafor", "PERSON", 14),
        ("Okafor", "PERSON", 16)]


def test_ner_document_a_word_labelled_only_at_a_sentence_start_is_not_repeated(blank):
    # every word is capitalised at a sentence start: "Juniors" there is weak evidence of a name
    doc = _doc(blank, ["Juniors 100 metres :", "The Juniors trained hard ."], [(0, 1, "NORP")])
    doc = NerDocument(None)(doc)
    assert [(e.text, e.start) for e in doc.ents] == [("Juniors", 0)]


def test_ner_document_repeats_need_the_same_spelling(blank):
    # a lower-case "rose" is a verb, not the "Rose" named earlier; a lone "The" is never a name
    doc = _doc(blank, ["Lena Rose spoke .", "Rose said prices rose sharply .", "The The band played ."],
               [(0, 2, "PERSON"), (11, 12, "WORK_OF_ART")])
    doc = NerDocument(None)(doc)
    assert [(e.text, e.start) for e in doc.ents] == [("Lena Rose", 0), ("Rose", 4), ("The", 11)]


def test_ner_document_recognises_all_caps_sentences(blank):
    doc = _doc(blank, ["TENNIS - VARGA BEATS NOLAN IN OPENER .", "Varga beat Nolan .",
                       "The IMF and NATO met ."], [])
    first, second, third = doc.sents
    assert is_caps(first) and not is_caps(second) and not is_caps(third)
    assert not is_caps(doc[0:1].as_doc()[:])  # a lone upper-case word may be an acronym


def test_ner_document_recases_from_the_article(blank):
    doc = _doc(blank, ["FOOTBALL - VARGA JOINS THE UEFA PANEL .", "Varga told UEFA he would join it ."], [])
    caps = [next(iter(doc.sents))]
    table = ner_document.casing_table(list(doc.sents), caps)
    assert [ner_document.recase(t, table) for t in caps[0]] == [
        "football", "-", "Varga", "joins", "the", "UEFA", "panel", "."]


class _FakeNer:
    """Labels every title-case word PERSON: shows which copy of the sentence the `ner` read."""

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc if t.is_title]
        return doc


def test_ner_document_caps_sentence_entities_come_from_the_recased_copy(blank):
    doc = _doc(blank, ["HORSE RACING - ODELL WINS AGAIN .", "Odell won by a length ."],
               [(0, 2, "ORG"), (7, 8, "PERSON")])
    doc = NerDocument(_FakeNer(), consistency=False)(doc)
    assert [(e.text, e.start, e.label_) for e in doc.ents] == [("ODELL", 3, "PERSON"), ("Odell", 7, "PERSON")]
    assert [t.text for t in doc][:4] == ["HORSE", "RACING", "-", "ODELL"]  # the tokens are not changed


@pytest.mark.slow
def test_ner_document_in_the_pipeline_reads_a_shouted_headline():
    from dyad.nlp.ner_model import load_english

    nlp = load_english(exclude=["lemmatizer"])
    nlp.add_pipe("dyad_ner_document", after="ner")
    text = ("RUGBY - WELLINGTON CAPTAIN TANE MORRISON RULED OUT OF FINAL .\n"
            "Wellington captain Tane Morrison will miss Saturday's final with a knee injury. "
            "Morrison was hurt in training on Tuesday, the club said.")
    ents = {(e.text, e.label_) for e in nlp(text).ents}
    assert ("TANE MORRISON", "PERSON") in ents
    assert ("Morrison", "PERSON") in ents


def test_ner_document_a_name_does_not_end_in_a_common_word(blank):
    # a mislabelled compound adjective ("EU-funded") is not spread over the document
    doc = _doc(blank, ["The EU - funded project began .", "Another EU - funded scheme ended ."],
               [(1, 4, "NORP")])
    doc = NerDocument(None)(doc)
    assert [(e.text, e.start) for e in doc.ents] == [("EU - funded", 1)]


@pytest.mark.slow
def test_ner_document_runs_right_after_ner_in_dyads_pipeline():
    from dyad.nlp.pipeline import build_pipeline

    names = build_pipeline(components=()).pipe_names
    assert names[names.index("ner") + 1] == "dyad_ner_document"
