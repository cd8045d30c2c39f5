"""dyad_quotes: attribution shapes added for issue 3, each on sentences written for the test.

Colon-introduced quotations, quotations resumed after their cue, quotations no cue claims,
gerund cues after a preposition, passive stances with an agent, stance verbs with an object,
and reports of speech inside another content that do (or do not) cut it short.
"""

from __future__ import annotations

import pytest

from dyad.ontology.cues import load_cues

from tests.quote_helpers import found, nlp  # noqa: F401  (nlp is a fixture)

pytestmark = pytest.mark.slow


def test_quotes_shapes_colon_then_quotation_in_next_paragraph(nlp):
    text = 'The minister replied:\n\n"We have no plans to close the border. Trade will go on as before."'
    assert found(nlp, text) == [
        ("We have no plans to close the border. Trade will go on as before", "The minister", "replied")]


def test_quotes_shapes_colon_then_unquoted_words(nlp):
    text = "The senator added: It is a bad deal. Nobody in my state wants it, and nobody will vote for it."
    content, speaker, cue = found(nlp, text)[0]
    assert (speaker, cue) == ("The senator", "added")
    assert content == "It is a bad deal. Nobody in my state wants it, and nobody will vote for it"


def test_quotes_shapes_quotation_before_cue_beats_a_later_clause(nlp):
    text = ('"It is over," she said of the strike, in which she was sure the union would win and the owners '
            "would give in.")
    assert found(nlp, text)[0] == ("It is over", "she", "said")


def test_quotes_shapes_quotation_resumed_after_cue_in_same_sentence(nlp):
    text = '"The talks were useful," Lena Park told reporters on Monday, "but nothing has been signed yet."'
    quotes = found(nlp, text)
    assert [q[0] for q in quotes] == ["The talks were useful", "but nothing has been signed yet"]
    assert {q[1:] for q in quotes} == {("Lena Park", "told")}


def test_quotes_shapes_continuation_after_an_aside_of_the_same_speaker(nlp):
    text = ('"Prices are too high," said Omar Haddad, speaking of the fuel market. '
            '"Families cannot pay these bills any longer."')
    quotes = [q for q in found(nlp, text) if q[2] == "said"]
    assert [q[0] for q in quotes] == ["Prices are too high", "Families cannot pay these bills any longer"]


def test_quotes_shapes_unclaimed_quotation_goes_to_the_paragraph_speaker(nlp):
    text = ('Mayor Ruth Alvarez spoke for an hour on Tuesday. She said the budget was fair. '
            '"We will not cut a single teacher from our schools."')
    quotes = found(nlp, text)
    unclaimed = [q for q in quotes if q[0].startswith("We will not cut")]
    assert unclaimed and unclaimed[0][1] == "She"


def test_quotes_shapes_unclaimed_long_quotation_without_speaker(nlp):
    text = 'The crowd waited in the rain.\n\n"Nobody here has been paid for three months now."'
    assert found(nlp, text) == [("Nobody here has been paid for three months now", None, None)]


def test_quotes_shapes_short_unclaimed_quotation_is_not_a_quote(nlp):
    assert found(nlp, 'The plan, dubbed "the big push" by staff, starts in May.') == []


def test_quotes_shapes_gerund_after_preposition_takes_the_verb_subject(nlp):
    text = "After saying the vote was rigged, the candidate left the hall."
    assert found(nlp, text) == [("the vote was rigged", "the candidate", "saying")]


def test_quotes_shapes_passive_with_agent_is_the_agent_stance(nlp):
    quotes = found(nlp, "The new mayor has been endorsed by three local unions.")
    assert quotes == [("The new mayor", "three local unions", "endorsed")]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        ("The governor attacked the new tax plan.", "the new tax plan", "The governor", "attacked"),
        ("Ms. Reyes has long championed the rights of farm workers.", "the rights of farm workers", "Ms. Reyes",
         "championed"),
        ("The report documents the rise in prison costs.", "the rise in prison costs", "The report", "documents"),
        ("Senator Cole questioned whether the army was ready.", "whether the army was ready", "Senator Cole",
         "questioned"),
        # a time or venue after the object is where it was said, not what
        ("The governor praised the new law in a radio interview on Monday.", "the new law", "The governor",
         "praised"),
        ("The mayor called for calm during the briefing.", "calm", "The mayor", "called for"),
        # a relative clause set off by a comma after an object is the writer's gloss on it
        ("The senator praised the new law, which takes effect in May.", "the new law", "The senator",
         "praised"),
        # a lone dash after an object starts the writer's comment; a reported clause goes on past it
        ("The senator attacked the bill - a charge that stung its authors.", "the bill", "The senator",
         "attacked"),
        ("Aides said the vote was lost - and not only because of the weather.",
         "the vote was lost - and not only because of the weather", "Aides", "said"),
    ],
)
def test_quotes_shapes_stance_verbs_with_object_or_clause(nlp, text, content, speaker, cue):
    assert (content, speaker, cue) in found(nlp, text)


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        ("The mayor proposed closing two of the city's libraries.", "closing two of the city's libraries",
         "The mayor", "proposed"),
        ("Lena Park admitted using a private phone for work.", "using a private phone for work", "Lena Park",
         "admitted"),
        ("The minister condemned what she called a reckless attack on the port.",
         "what she called a reckless attack on the port", "The minister", "condemned"),
        ("The envoy described the talks as a waste of time.", "the talks as a waste of time", "The envoy",
         "described"),
        ("The union was angered by a Reuters report that the plant had lost money for years.",
         "that the plant had lost money for years", "Reuters", "report"),
        ("Few voters can fathom how the council spent the money.", "how the council spent the money",
         "Few voters", "fathom"),
        ("Omar Haddad, a fierce critic of the mining law, spoke on Monday.", "the mining law", "Omar Haddad",
         "critic"),
        ("The aide said the talks had stalled; both sides went home on Friday.", "the talks had stalled",
         "The aide", "said"),
    ],
)
def test_quotes_shapes_complements(nlp, text, content, speaker, cue):
    assert (content, speaker, cue) in found(nlp, text)


def test_quotes_shapes_source_preposition_keeps_the_report_it_covers(nlp):
    text = "According to the Tribune, the mayor's spokesman said on Friday that the plan was dead."
    content, speaker, cue = found(nlp, text)[0]
    assert (speaker, cue) == ("the Tribune", "According to")
    assert content.startswith("the mayor's spokesman said") and content.endswith("the plan was dead")


def test_quotes_shapes_trailing_participle_is_its_own_attribution(nlp):
    text = "Analysts said trade had fallen sharply, citing the new tariffs on steel."
    quotes = found(nlp, text)
    assert ("trade had fallen sharply", "Analysts", "said") in quotes
    assert ("the new tariffs on steel", "Analysts", "citing") in quotes


def test_quotes_shapes_attitude_in_a_small_clause(nlp):
    text = "With party leaders nervous about a drop in turnout, the president began a tour."
    assert ("a drop in turnout", "party leaders", "nervous") in found(nlp, text)


def test_quotes_shapes_report_resumed_after_inverted_cue(nlp):
    text = "Exports fell 3 percent in May, the ministry said in a report, and imports rose by 2 percent."
    assert found(nlp, text) == [("Exports fell 3 percent in May", "the ministry", "said"),
                                ("imports rose by 2 percent", "the ministry", "said")]
    # after a quotation, what follows "and" is the writer's narration
    text = '"It is over," the coach said, and the players walked off the field.'
    assert found(nlp, text) == [("It is over", "the coach", "said")]


def test_quotes_shapes_as_clause_reports_its_host(nlp):
    text = "As many economists have pointed out, the deficit will keep growing for years."
    assert ("the deficit will keep growing for years", "many economists", "pointed out") in found(nlp, text)
    text = "The new levy is a gamble with the city's future, as one council member put it."
    assert ("The new levy is a gamble with the city's future", "one council member", "put it") in found(nlp, text)


def test_quotes_shapes_content_of_a_lone_adverb_is_no_quote(nlp):
    assert found(nlp, "Is the plan dead? According to the ministry, basically.") == []


def test_quotes_shapes_title_case_headline(nlp):
    text = "Mayor Alvarez Vows To Reopen Every Library Closed Last Year\n\nThe mayor spoke on Monday."
    assert ("To Reopen Every Library Closed Last Year", "Mayor Alvarez", "Vows") in found(nlp, text)


def test_quotes_shapes_order_inside_content_does_not_cut_it(nlp):
    text = "The aide said the minister was giving an interview when police arrived and told her to leave."
    content, speaker, _ = found(nlp, text)[0]
    assert speaker == "The aide"
    assert content.endswith("told her to leave")


def test_quotes_shapes_report_inside_content_still_cuts_it(nlp):
    text = "Ana Ruiz said the plan failed, which her critics said was obvious from the start."
    quotes = found(nlp, text)
    assert ("the plan failed", "Ana Ruiz", "said") in quotes


def test_quotes_shapes_scanner_misturned_opening_mark():
    from dyad.nlp.quote_marks import find_direct_spans

    text = "Readers wrote in.\n”The plan will fail. Nobody asked us.” ― Ana Costa\nThe end ” here."
    assert [text[s.start:s.end] for s in find_direct_spans(text)] == ["The plan will fail. Nobody asked us."]


def test_quotes_shapes_cue_lexicon_holds_stance_verbs():
    lex = load_cues()
    assert {"attack", "support", "champion", "explain", "document"} <= lex.object_verbs
    assert "question" in lex.speech_verbs
