"""dyad_quotes on sentences written for these tests (one of each shape), plus the quote-mark scanner."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.errors import OntologyError
from dyad.models import ActorRef
from dyad.nlp.quotes import QuoteFinder, find_direct_spans
from dyad.nlp.types import MentionSpan, register_extensions, sentence_index
from dyad.ontology.cues import load_cues, parse_cues

from tests.quote_helpers import nlp  # noqa: F401  (a fixture)


def quotes_of(nlp, text):
    doc = nlp(text)
    return doc, doc._.quotes


def only(quotes, cue=None):
    found = [q for q in quotes if cue is None or q.cue == cue]
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- scanner (no model)


def inner(text):
    return [text[s.start:s.end] for s in find_direct_spans(text)]


def test_quotes_scanner_straight_and_curly():
    assert inner('He said "we will go" and “they will stay” today.') == ["we will go", "they will stay"]


def test_quotes_scanner_ignores_apostrophes():
    text = "The minister's view: 'they don't want Iran's oil,' he said."
    assert inner(text) == ["they don't want Iran's oil,"]


def test_quotes_scanner_mismatched_pair():
    text = "Ana Costa told reporters: 'Both sides know it. Neither wants a war.\" Then she left."
    assert inner(text) == ["Both sides know it. Neither wants a war."]


def test_quotes_scanner_paragraph_spanning():
    text = 'He said: "The first part ends here.\n\n"The second part closes it." Then nothing.'
    spans = find_direct_spans(text)
    assert len(spans) == 1
    assert text[spans[0].start:spans[0].end] == 'The first part ends here.\n\n"The second part closes it.'


def test_quotes_scanner_nested_single_inside_double():
    assert inner('"They call it a \'special operation\' now," she said.') == ["They call it a 'special operation' now,"]


# --------------------------------------------------------------------------- lexicon


def test_quotes_cues_load_once_and_hold_groups():
    lex = load_cues()
    assert lex is load_cues()
    assert {"say", "tell"} <= lex.speech_verbs and "believe" in lex.belief_verbs
    assert ("call", "for") in lex.phrasal_verbs and ("according", "to") in lex.source_prepositions


def test_quotes_cues_reject_bad_shape(tmp_path: Path):
    with pytest.raises(OntologyError):
        parse_cues({"speech_verbs": "say"}, tmp_path / "cues.yaml")
    with pytest.raises(OntologyError):  # a bare `on` is a YAML boolean, not the preposition
        parse_cues({"phrasal_verbs": [{"verb": "call", "word": True}]}, tmp_path / "cues.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("speech_verbs: [say\n", encoding="utf-8")
    with pytest.raises(OntologyError):
        load_cues(bad)


# --------------------------------------------------------------------------- component


@pytest.mark.slow
def test_quotes_direct_after_with_role(nlp):
    doc, quotes = quotes_of(nlp, '"We will not accept these terms," said Maria Lopez, the foreign minister of Chile.')
    q = only(quotes)
    assert q.kind == "direct" and q.text == "We will not accept these terms"
    assert q.speaker.name == "Maria Lopez" and doc.text[q.speaker_start:q.speaker_end] == "Maria Lopez"
    assert q.speaker_role == "the foreign minister of Chile" and q.cue == "said"


@pytest.mark.slow
def test_quotes_direct_before_multisentence_with_venue(nlp):
    text = 'The ambassador told Reuters: "Our position has not changed. We expect the talks to resume soon."'
    _doc, quotes = quotes_of(nlp, text)
    q = only(quotes)
    assert q.kind == "direct" and q.venue == "Reuters" and q.cue == "told"
    assert q.text == "Our position has not changed. We expect the talks to resume soon"
    assert q.speaker.text == "The ambassador"


@pytest.mark.slow
def test_quotes_split_by_attribution_with_pronoun_speaker(nlp):
    text = ('Ana Silva, the port director, spoke in Lisbon on Monday. "The border is closed to trucks," she noted. '
            '"Nobody will cross it this week."')
    doc, quotes = quotes_of(nlp, text)
    noted = [q for q in quotes if q.cue == "noted"]
    assert [q.text for q in noted] == ["The border is closed to trucks", "Nobody will cross it this week"]
    assert all(q.speaker.name == "Ana Silva" and q.speaker.text == "she" for q in noted)
    assert noted[0].speaker_start == noted[1].speaker_start  # one attribution in two parts
    assert noted[1].sentence == sentence_index(doc, doc.char_span(noted[1].start, noted[1].end).start)


@pytest.mark.slow
def test_quotes_mismatched_marks_after_told(nlp):
    text = "Peter Novak, a historian at Leiden University, told the Guardian: 'The talks are over and both sides know it.\""
    _doc, quotes = quotes_of(nlp, text)
    q = only(quotes)
    assert q.text == "The talks are over and both sides know it"
    assert q.venue == "the Guardian" and q.speaker_role == "a historian at Leiden University"


@pytest.mark.slow
def test_quotes_indirect_said_that(nlp):
    _doc, quotes = quotes_of(nlp, "Foreign Minister Kim Ho said that the two countries would sign a trade deal next month.")
    q = only(quotes)
    assert q.kind == "indirect" and q.cue == "said"
    assert q.text == "that the two countries would sign a trade deal next month"  # the complement clause
    assert q.speaker.name.endswith("Kim Ho")


@pytest.mark.slow
def test_quotes_according_to(nlp):
    _doc, quotes = quotes_of(nlp, "According to Indian officials, the convoy crossed the border at dawn.")
    q = only(quotes)
    assert q.cue == "According to" and q.speaker.name == "Indian officials"
    assert q.text == "the convoy crossed the border at dawn"


@pytest.mark.slow
def test_quotes_belief_with_apposition(nlp):
    _doc, quotes = quotes_of(nlp, "John Reyes, a researcher at the Lowy Institute, believes that the alliance will hold.")
    q = only(quotes)
    assert q.cue == "believes" and q.text == "that the alliance will hold"
    assert q.speaker.name == "John Reyes" and q.speaker_role == "a researcher at the Lowy Institute"


@pytest.mark.slow
def test_quotes_venue_statement_and_platform(nlp):
    _doc, quotes = quotes_of(nlp, "The ministry said in a statement that the naval drills were routine.")
    assert only(quotes).venue == "a statement"
    _doc, quotes = quotes_of(nlp, "The senator posted on Facebook that the vote had been rigged.")
    q = only(quotes)
    assert q.venue == "Facebook" and q.text == "that the vote had been rigged"


@pytest.mark.slow
def test_quotes_called_for_and_condemned(nlp):
    _doc, quotes = quotes_of(nlp, "The council called for an immediate ceasefire in the region.")
    assert only(quotes).text == "an immediate ceasefire in the region"
    _doc, quotes = quotes_of(nlp, "The president condemned the attack on the embassy.")
    q = only(quotes)
    assert q.cue == "condemned" and q.text == "the attack on the embassy"


@pytest.mark.slow
def test_quotes_intention(nlp):
    _doc, quotes = quotes_of(nlp, "The rebels vowed to retake the city before winter.")
    assert only(quotes).text == "to retake the city before winter"


@pytest.mark.slow
def test_quotes_inverted_indirect_with_pronoun_in_next_sentence(nlp):
    text = "Laura Chen arrived in Hanoi on Tuesday. The visit would strengthen ties, she said."
    _doc, quotes = quotes_of(nlp, text)
    q = only(quotes)
    assert q.text == "The visit would strengthen ties" and q.speaker.name == "Laura Chen"


@pytest.mark.slow
def test_quotes_paragraph_spanning_direct(nlp):
    text = 'The envoy said: "We came to listen.\n\n"We leave with a plan and a date."\n\nThe meeting ended.'
    _doc, quotes = quotes_of(nlp, text)
    q = only(quotes)
    assert q.kind == "direct" and q.text.startswith("We came to listen.") and q.text.endswith("a date")


@pytest.mark.slow
def test_quotes_scare_quotes_are_not_quotes(nlp):
    _doc, quotes = quotes_of(nlp, 'The so-called "peace plan" was never published by the cabinet.')
    assert quotes == []


@pytest.mark.slow
def test_quotes_transcript_lines(nlp):
    text = "HOST: Will you attend the summit?\nMINISTER: Yes, and I will bring the draft."
    _doc, quotes = quotes_of(nlp, text)
    assert [(q.speaker.name, q.text) for q in quotes] == [
        ("HOST", "Will you attend the summit?"), ("MINISTER", "Yes, and I will bring the draft")]


@pytest.mark.slow
def test_quotes_offsets_point_into_text(nlp):
    text = ('Officials met in Geneva. "Progress is slow," said Omar Haddad. '
            'According to diplomats, a second round is planned. He added that Jordan would attend.')
    doc, quotes = quotes_of(nlp, text)
    assert len(quotes) == 3
    for q in quotes:
        assert doc.text[q.start:q.end] == q.text
        assert q.speaker_start is not None and q.speaker_end > q.speaker_start
        assert q.sentence == sentence_index(doc, doc.char_span(q.start, q.end, alignment_mode="expand").start)
    assert quotes[-1].speaker.name == "Omar Haddad"


@pytest.mark.slow
def test_quotes_speaker_resolved_through_mentions(nlp):
    text = "The Chilean government said the embassy would reopen."
    doc = nlp.make_doc(text)
    for _name, proc in nlp.pipeline:
        if _name != "dyad_quotes":
            doc = proc(doc)
    actor = ActorRef(id="CHL.GOV", name="Government of Chile", country="CHL", sector="GOV")
    doc._.mentions = [MentionSpan(doc[0:3], actor, "registry")]
    doc = QuoteFinder(load_cues())(doc)
    q = only(doc._.quotes)
    assert q.speaker.id == "CHL.GOV" and q.speaker.text == "The Chilean government"


@pytest.mark.slow
def test_quotes_relative_pronoun_speaker_names_its_antecedent(nlp):
    _doc, quotes = quotes_of(nlp, "The talks were led by a Swiss mediator who said the parties had agreed on a map.")
    q = only(quotes)
    assert q.speaker.text == "who" and q.speaker.name == "a Swiss mediator"
    assert q.text == "the parties had agreed on a map"


@pytest.mark.slow
def test_quotes_noun_cue_with_holder(nlp):
    _doc, quotes = quotes_of(nlp, "Kyiv's claim that the dam had been mined was never verified.")
    q = only(quotes)
    assert q.cue == "claim" and q.speaker.text == "Kyiv" and q.text == "that the dam had been mined"


@pytest.mark.slow
def test_quotes_attitude_adjective(nlp):
    _doc, quotes = quotes_of(nlp, "The Turkish president has been critical of the new sanctions on Iran.")
    q = only(quotes)
    assert q.cue == "critical" and q.text == "the new sanctions on Iran"
    assert q.speaker.text == "The Turkish president"


@pytest.mark.slow
def test_quotes_passive_report_names_the_agent(nlp):
    _doc, quotes = quotes_of(nlp, "It was reported by state media that the reactor had been restarted.")
    q = only(quotes)
    assert q.speaker.text == "state media" and q.text == "that the reactor had been restarted"
    _doc, quotes = quotes_of(nlp, "The general was accused of ordering the shelling.")
    q = only(quotes)
    assert q.speaker is None and q.text.endswith("ordering the shelling")  # a report with no holder


@pytest.mark.slow
def test_quotes_headline_and_signed_quote(nlp):
    text = ('Macron: Europe Must Carry More of Its Own Defence\n\n'
            '"We cannot wait for others to protect us." ― Lena Hoffmann\n')
    _doc, quotes = quotes_of(nlp, text)
    by_cue = {q.cue: q for q in quotes}
    assert by_cue[":"].speaker.text == "Macron" and by_cue[":"].text.startswith("Europe Must Carry")
    assert by_cue["―"].speaker.text == "Lena Hoffmann" and by_cue["―"].kind == "direct"


@pytest.mark.slow
def test_quotes_reports_do_not_nest(nlp):
    _doc, quotes = quotes_of(nlp, "The envoy said she believes the talks will resume in May.")
    assert [q.cue for q in quotes] == ["said"]  # her belief is part of what she said
    text = ('Officials said the convoy was stopped at the border, and the driver replied that '
            'his papers were in order.')
    _doc, quotes = quotes_of(nlp, text)
    said, replied = sorted(quotes, key=lambda q: q.start)
    assert said.text == "that the convoy was stopped at the border" or said.text.startswith("the convoy was stopped")
    assert said.end <= replied.speaker_start and replied.text == "that his papers were in order"


@pytest.mark.slow
def test_quotes_cue_inside_a_quotation_is_not_a_new_report(nlp):
    text = '"I think the deal is dead," said Omar Haddad. "I told them so, and they know it."'
    _doc, quotes = quotes_of(nlp, text)
    assert {q.cue for q in quotes} == {"said"} and len(quotes) == 2


@pytest.mark.slow
def test_quotes_quoted_transcript_keeps_one_line_per_speaker(nlp):
    text = ('Partial transcript:\n\n"HOST: Will you attend the summit?\n\n'
            '"MINISTER: Yes, and I said it to the press this morning.\n\n"HOST: Thank you.')
    _doc, quotes = quotes_of(nlp, text)
    assert [(q.speaker.name, q.cue) for q in quotes] == [("HOST", ":"), ("MINISTER", ":"), ("HOST", ":")]
    assert quotes[1].text == "Yes, and I said it to the press this morning"
