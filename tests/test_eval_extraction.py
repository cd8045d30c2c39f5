"""Extraction/date evaluations: metric units on hand-made texts, full runs gated by the floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.eval import evaluate, gold_sha256
from dyad.eval.article_extraction_benchmark import score_text, summarise
from dyad.eval.gate import check
from dyad.eval.htmldate_eval import date_counts
from dyad.eval.htmldate_eval import summarise as date_summary
from dyad.eval.metrics import Counts, page_averaged, scores
from dyad.eval.trafilatura_eval import segment_counts

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def test_eval_extraction_identical_text_is_perfect():
    page = score_text("p", "The minister met his counterpart in Geneva on Monday.",
                      "The minister met his counterpart, in Geneva on Monday!")
    assert page.exact and summarise([page])["f1"] == pytest.approx(1.0)


def test_eval_extraction_extra_boilerplate_costs_precision_not_recall():
    gold = "Talks between the two delegations resumed after a week of silence."
    page = score_text("p", gold, gold + " Subscribe to our newsletter for more stories like this one.")
    result = summarise([page])
    assert result["recall"] == pytest.approx(1.0) and result["precision"] < 0.7 and not page.exact


def test_eval_extraction_pages_weigh_equally():
    # a long perfect page and a short empty prediction average to 0.5 recall, whatever their lengths
    pages = [Counts(tp=1.0), Counts(fn=1.0)]
    assert page_averaged(pages)["recall"] == pytest.approx(0.5)
    assert page_averaged(pages)["precision"] == pytest.approx(1.0)  # the empty page predicted nothing


def test_eval_extraction_segments_count_like_trafilatura():
    counts = segment_counts("Alpha beta. Gamma delta.", ["Alpha beta.", "Missing one."], ["Gamma delta.", "Menu"])
    assert counts == Counts(tp=1, fn=1, fp=1, tn=1)
    assert scores(counts) == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "accuracy": 0.5}


def test_eval_extraction_dates_count_like_htmldate():
    assert date_counts("2020-01-02", "2020-01-02") == Counts(tp=1)
    assert date_counts("2020-01-02", "2020-01-03") == Counts(fp=1)
    assert date_counts("2020-01-02", None) == Counts(fn=1)
    assert date_counts(None, None) == Counts(tn=1)  # no determinable date, none given
    result = date_summary([("2020-01-02", "2020-01-02"), ("2020-01-02", None), (None, None), (None, "2020-01-01")])
    assert result["accuracy"] == 0.5 and result["precision"] == 0.5


def _gate(name: str) -> None:
    folder = BENCH / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (gold data lives next to the repository)")
    result = evaluate(folder)
    assert result.n > 0
    assert check(result, gold_sha256(folder)) == []


@pytest.mark.slow
@pytest.mark.bench
def test_eval_extraction_article_benchmark_clears_floors():
    _gate("article_extraction_benchmark")


@pytest.mark.slow
@pytest.mark.bench
def test_eval_extraction_trafilatura_eval_clears_floors():
    _gate("trafilatura_eval")


@pytest.mark.slow
@pytest.mark.bench
def test_eval_extraction_htmldate_eval_clears_floors():
    _gate("htmldate_eval")


@pytest.mark.bench
def test_eval_extraction_limit_reads_first_records():
    folder = BENCH / "htmldate_eval"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    assert evaluate(folder, limit=3).n == 3
