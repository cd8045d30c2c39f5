"""dyad.eval._timex, dyad.eval._coref and the two corpus evaluators (MEANTIME TIMEX3, GUM dates and
coreference chains): matching on hand-built spans, and the runs on the repository's corpora."""

from collections import Counter
from pathlib import Path

import pytest

from dyad.eval import evaluate, gold_sha256
from dyad.eval import gate
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyad.eval._coref import GoldMention, align, antecedent_right, score_doc
from dyad.eval._timex import Analysed, Found, GoldTime, calendar_value, score_article
from dyad.eval.meantime import annotated_end
from dyad.models import ActorRef
from dyad.nlp.types import MentionSpan, register_extensions

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_eval_timex_calendar_values_keep_the_date_part_only():
    assert calendar_value("2008-06-09T10:00") == "2008-06-09"
    assert calendar_value("2008-06") == "2008-06" and calendar_value("2008") == "2008"
    for other in ("P1M", "PRESENT_REF", "2008-Q3", "2008-W23", "XXXX-06", None):
        assert calendar_value(other) is None


def test_eval_timex_scores_spans_values_and_leaves_unscored_kinds_alone():
    golds = [GoldTime(0, 5, "March", "2008-03"), GoldTime(10, 18, "3 months", None), GoldTime(30, 34, "2007", "2007")]
    founds = [Found(0, 5, "March", "2009-03"),  # found, wrong year
              Found(10, 18, "3 months", "2008-06"),  # overlaps an unscored duration: not counted
              Found(40, 45, "Today", "2008-09-17")]  # nothing there: spurious
    tally, errors = Counter(), []
    score_article(golds, founds, tally, errors)
    assert (tally["pred"], tally["found"], tally["right"], tally["gold"]) == (2, 1, 0, 2)
    assert [e["error"] for e in errors] == ["value", "spurious", "missed"]


def test_eval_timex_meantime_region_is_headline_dateline_and_four_body_sentences():
    text = "Headline\n\nMay 1, 2008\n\nOne. Two. Three. Four. Five."
    ends = [8, 21, text.index("One.") + 4, text.index("Two.") + 4, text.index("Three.") + 6,
            text.index("Four.") + 5, len(text)]
    assert annotated_end({"text": text}, Analysed([], ends), []) == text.index("Four.") + 5
    late = GoldTime(len(text) - 5, len(text), "Five.", None)
    assert annotated_end({"text": text}, Analysed([], ends), [late]) == len(text)


def _doc() -> Doc:
    register_extensions()
    # "Iran said its envoy met Russia . It was raining ."
    words = ["Iran", "said", "its", "envoy", "met", "Russia", ".", "It", "was", "raining", "."]
    return Doc(Vocab(), words=words, spaces=[True] * 5 + [False, True] + [True] * 3 + [False],
               sent_starts=[True] + [False] * 6 + [True] + [False] * 3)


def test_eval_coref_gold_mention_keeps_the_possessive():
    golds = [GoldMention(0, 16, "The government's", "c1")]
    assert align(0, 14, golds) == golds[0]  # Dyad's "The government" is the gold "The government's"
    assert align(0, 3, golds) is None


def test_eval_coref_right_antecedent_by_dyads_own_resolution_or_by_name():
    doc = _doc()
    iran = ActorRef(id="IRN", name="Iran", country="IRN", sector="GOV")
    direct = [MentionSpan(doc[0:1], iran, "registry")]
    golds = [GoldMention(0, 4, "Iran", "c1"), GoldMention(10, 13, "its", "c1"), GoldMention(31, 37, "Russia", "c2")]
    assert antecedent_right(golds[1], iran, golds, direct)
    assert antecedent_right(golds[1], iran, golds, [])  # the chain names it
    assert not antecedent_right(golds[1], ActorRef(id="RUS", name="Russia"), golds, direct)


def test_eval_coref_counts_resolutions_and_in_scope_pronouns():
    doc = _doc()
    iran = ActorRef(id="IRN", name="Iran", country="IRN", sector="GOV")
    doc._.mentions = [MentionSpan(doc[0:1], iran, "registry"), MentionSpan(doc[2:3], iran, "coref"),
                      MentionSpan(doc[7:8], iran, "coref")]  # the weather "It" has no gold mention
    golds = [GoldMention(0, 4, "Iran", "c1"), GoldMention(10, 13, "its", "c1")]
    tally, errors = Counter(), []
    score_doc(doc, golds, tally, errors)
    assert (tally["resolved"], tally["resolved_right"], tally["pronouns"], tally["pronouns_right"]) == (2, 1, 1, 1)
    assert errors[0]["error"] == "no gold mention"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["meantime", "gum-news"])
def test_eval_timex_corpora_clear_their_floors(name):
    folder = CORPUS / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    result = evaluate(folder)
    assert result.details["gold_expressions"] > 150
    assert gate.check(result, gold_sha256(folder)) == []
