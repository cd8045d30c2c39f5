"""dyad_quotes: adverbs of hearsay ("reportedly", "allegedly": ``evidential_adverbs`` in the cue
lexicon, dyad.nlp.quote_stances.hearsay_frames) make the clause they qualify an attribution
without a speaker, on sentences written for the test."""

from __future__ import annotations

import pytest

from dyad.ontology.cues import load_cues, parse_cues
from tests.quote_helpers import found, nlp  # noqa: F401  (nlp is a fixture)


def test_quotes_hearsay_adverbs_are_in_the_lexicon(tmp_path):
    assert {"reportedly", "allegedly"} <= load_cues().evidential_adverbs
    assert "apparently" not in load_cues().evidential_adverbs  # mostly the writer's inference
    assert parse_cues({}, tmp_path / "cues.yaml").evidential_adverbs == frozenset()


@pytest.mark.slow
def test_quotes_hearsay_clause_without_its_subordinator(nlp):
    assert found(nlp, "The driver was stopped after he allegedly ran a red light near the school.") == [
        ("he allegedly ran a red light near the school", None, "allegedly")]


@pytest.mark.slow
def test_quotes_hearsay_in_a_relative_clause(nlp):
    quotes = found(nlp, "The minister, who reportedly met the envoy twice, denied any deal.")
    assert ("who reportedly met the envoy twice", None, "reportedly") in quotes
    assert ("any deal", "The minister", "denied") in quotes


@pytest.mark.slow
def test_quotes_hearsay_on_a_cue_verb_leaves_the_report_to_the_verb(nlp):
    assert found(nlp, "The senator reportedly said that the bill would pass.") == [
        ("that the bill would pass", "The senator", "said")]


@pytest.mark.slow
def test_quotes_hearsay_not_for_an_inference(nlp):
    assert found(nlp, "The road was apparently closed for repairs.") == []
