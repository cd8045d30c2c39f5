"""dyad.eval._timex and the two corpus evaluators (MEANTIME TIMEX3, GUM dates): matching on
hand-built spans, and the runs on the repository's corpora."""

from collections import Counter
from pathlib import Path

import pytest

from dyad.eval import evaluate, gold_sha256
from dyad.eval import gate
from dyad.eval._timex import Analysed, Found, GoldTime, calendar_value, score_article
from dyad.eval.meantime import annotated_end

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


@pytest.mark.slow
@pytest.mark.parametrize("name", ["meantime", "gum-news"])
def test_eval_timex_corpora_clear_their_floors(name):
    folder = CORPUS / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    result = evaluate(folder)
    assert result.details["gold_expressions"] > 150
    assert gate.check(result, gold_sha256(folder)) == []
