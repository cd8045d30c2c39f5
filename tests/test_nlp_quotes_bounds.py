"""dyad_quotes: where contents end and which words count as an attribution, on sentences written
for the test (dyad.nlp.quote_bounds, dyad.nlp.quote_stances and the rules that use them).

Times and venues after a cue's object, verbs the parser joins to the cue that go on with the
content, a participle set off after a phrasal cue, names given to a relative object, "see X as
Y", relative speakers through a coordinated verb, raising verbs ("seems to"), passives and
utterance nouns that report nobody, quotations no cue claims after a reported speaker, and
headline layouts.
"""

from __future__ import annotations

import pytest

from dyad.ontology.cues import load_cues, parse_cues

from tests.quote_helpers import found, nlp  # noqa: F401  (nlp is a fixture)

pytestmark = pytest.mark.slow


def contents(nlp, text):
    return [q[0] for q in found(nlp, text)]


def test_quotes_bounds_lexicon_lists_load():
    lex = load_cues()
    assert {"during", "amid"} <= lex.circumstance_preps
    assert {"seem", "appear"} <= lex.raising_verbs
    assert "charge" in lex.not_passive_cues and "statement" in lex.utterance_nouns
    assert "rip" in lex.headline_cues and "rip" in lex.headline_verbs
    assert parse_cues({}).raising_verbs == frozenset()  # every new list is optional


def test_quotes_bounds_time_or_venue_after_object_ends_it(nlp):
    assert contents(nlp, "The senator denounced the annexation during a radio broadcast.") == ["the annexation"]
    assert contents(nlp, "The governor cited the figure at a televised forum on Tuesday.") == ["the figure"]


def test_quotes_bounds_verbs_joined_to_the_cue_go_on_with_an_infinitive(nlp):
    text = "She wants to double the budget, hire more teachers and close the gap."
    assert found(nlp, text) == [("to double the budget, hire more teachers and close the gap", "She", "wants")]


def test_quotes_bounds_gerunds_joined_to_the_cue_go_on_with_the_object(nlp):
    text = "The mayor has mentioned raising fares and cutting bus routes to balance the budget."
    assert contents(nlp, text) == ["raising fares and cutting bus routes to balance the budget"]


def test_quotes_bounds_bare_verb_joined_to_a_tensed_cue_goes_on_with_the_clause(nlp):
    text = "The agency says it would cut jobs this year, but would hire again next year."
    assert contents(nlp, text) == ["it would cut jobs this year, but would hire again next year"]


def test_quotes_bounds_participle_after_phrasal_cue_is_not_content(nlp):
    text = "Protesters called for an inquiry into the shooting, marching through the city centre."
    assert found(nlp, text) == [("an inquiry into the shooting", "Protesters", "called for")]


def test_quotes_bounds_name_given_to_a_relative_object(nlp):
    assert found(nlp, 'The plan is what the minister called a "disaster" for farmers.') == [
        ('a "disaster" for farmers', "the minister", "called")]
    assert found(nlp, 'The reform is a step that the president called "long overdue".') == [
        ("long overdue", "the president", "called")]


def test_quotes_bounds_see_object_as_keeps_the_object(nlp):
    text = "Analysts see the vote as a test of the government and its leader."
    assert contents(nlp, text) == ["the vote as a test of the government and its leader"]


def test_quotes_bounds_relative_speaker_through_a_joined_verb(nlp):
    doc = nlp("Residents, who gathered outside the town hall and called for new elections, blocked the road.")
    (quote,) = doc._.quotes
    assert quote.text == "new elections"
    assert quote.speaker is not None and quote.speaker.name == "Residents"


def test_quotes_bounds_raising_verb_reports_an_impression_without_speaker(nlp):
    assert found(nlp, "The recovery seems to be losing steam.") == [
        ("The recovery seems to be losing steam", None, "seems")]
    assert found(nlp, "It appeared that the talks had stalled.") == [("that the talks had stalled", None, "appeared")]


def test_quotes_bounds_raising_verb_leaves_a_cue_in_its_complement_alone(nlp):
    assert found(nlp, "She seemed to think the deal was dead.") == [("the deal was dead", "She", "think")]


def test_quotes_bounds_passive_of_a_legal_charge_reports_nobody(nlp):
    assert found(nlp, "The mayor was charged with fraud last year.") == []


def test_quotes_bounds_addressee_of_an_utterance_is_not_its_content(nlp):
    assert found(nlp, "Her statement to the committee lasted an hour.") == []


def test_quotes_bounds_quotation_after_a_reported_speaker_has_no_cue(nlp):
    text = ('The minister said the plan was sound. "Nobody should doubt our resolve to finish this work '
            'before the winter."')
    assert found(nlp, text) == [
        ("the plan was sound", "The minister", "said"),
        ("Nobody should doubt our resolve to finish this work before the winter", "The minister", None)]


def test_quotes_bounds_quotation_inside_the_report_keeps_the_cue(nlp):
    text = ('The minister said the plan was "sound and fair." "Nobody should doubt our resolve to finish '
            'this work before the winter."')
    quotes = found(nlp, text)
    assert {q[1:] for q in quotes} == {("The minister", "said")}
    assert quotes[-1][0] == "Nobody should doubt our resolve to finish this work before the winter"


def test_quotes_bounds_headline_name_on_topic(nlp):
    text = "Angela Merkel on Migration: Europe Must Share The Burden Fairly\n\nOfficials met on Monday."
    assert found(nlp, text) == [("Europe Must Share The Burden Fairly", "Angela Merkel", ":")]


def test_quotes_bounds_headlinese_cue_in_title_case_line(nlp):
    text = "Senator Rips Budget Plan As A Giveaway To Donors\n\nThe bill passed on Monday."
    assert found(nlp, text) == [("Budget Plan As A Giveaway To Donors", "Senator", "Rips")]


def test_quotes_bounds_report_in_a_restrictive_relative_clause_stays_inside(nlp):
    text = "The senator said he would spend the money he says he raised on television ads."
    assert found(nlp, text) == [
        ("he would spend the money he says he raised on television ads", "The senator", "said")]


def test_quotes_bounds_sentence_opened_by_a_poll_reports_its_finding(nlp):
    text = "In the latest survey, the governor leads his rival by six points among likely voters."
    assert found(nlp, text) == [
        ("the governor leads his rival by six points among likely voters", "the latest survey", "In")]
    assert found(nlp, "In the morning, the governor left for the capital.") == []


def test_quotes_bounds_poll_sentence_with_its_own_cue_keeps_that_cue(nlp):
    assert found(nlp, "In the latest survey, pollsters said the governor leads.") == [
        ("the governor leads", "pollsters", "said")]


def test_quotes_bounds_inverted_cue_before_quotation(nlp):
    text = 'Said Mr. Okafor: "We will not accept any deal that hurts our farmers."'
    assert found(nlp, text) == [("We will not accept any deal that hurts our farmers", "Mr. Okafor", "Said")]


def test_quotes_bounds_name_the_parser_left_before_a_cue_is_its_speaker(nlp):
    text = "In a long interview with the editors of the Daily Courier Okafor said that the tariffs would be lifted."
    ((content, speaker, cue),) = found(nlp, text)
    assert (content, cue) == ("that the tariffs would be lifted", "said")
    assert speaker.endswith("Okafor")


def test_quotes_bounds_participle_on_a_numeral_takes_it_as_speaker(nlp):
    text = "The forum was full of posts, including one saying that the election had been stolen."
    assert found(nlp, text) == [("that the election had been stolen", "one", "saying")]
    assert found(nlp, "The team hired a consultant for anyone wanting to learn more about the plan.") == []


def test_quotes_bounds_looks_with_an_adjective_is_an_impression_not_with_an_aim(nlp):
    assert found(nlp, "A deal before the summit looks unlikely.") == [
        ("A deal before the summit looks unlikely", None, "looks")]
    assert found(nlp, "The party looks to win the seat in November.") == []


def test_quotes_bounds_call_with_an_object_convenes_or_names(nlp):
    assert found(nlp, "The committee chairman called an urgent hearing on the leak.") == [
        ("an urgent hearing on the leak", "The committee chairman", "called")]
    assert found(nlp, "The senator called the new tariffs a tax on farmers.") == [
        ("the new tariffs a tax on farmers", "The senator", "called")]
