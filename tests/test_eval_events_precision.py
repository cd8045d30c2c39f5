"""dyad.eval.events_precision: matching rules on hand-built events, and the run on the gold set."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.eval.events_precision import (
    GOLD_FILE, Coded, calibration_table, compatible, corpus_articles, evaluate, match, thresholds_table)

GOLD = Path(__file__).resolve().parents[1] / "eval" / "events_precision"


def _c(category: str, source=(), target=()) -> Coded:
    return Coded(category, frozenset(source), frozenset(target))


def test_eval_events_precision_compatible_is_strict():
    gold = _c("ASSAULT", {"USA"}, {"IRN"})
    assert compatible(_c("ASSAULT", {"USA"}, {"IRN"}), gold)
    assert not compatible(_c("ASSAULT", {"USA"}, {"IRN", "IRQ"}), gold)  # an extra country
    assert not compatible(_c("ASSAULT", (), {"IRN"}), gold)  # a missing source
    assert not compatible(_c("COERCE", {"USA"}, {"IRN"}), gold)
    assert compatible(_c("COERCE", {"USA"}, {"IRN"}), _c("COERCE", {"GBR"}, set()), category_only=True)


def test_eval_events_precision_partial_compound_and_reciprocal():
    gold = _c("REQUEST", {"EGY", "GRC", "CYP"}, {"TUR"})
    assert compatible(_c("REQUEST", {"EGY"}, {"TUR"}), gold)
    assert compatible(_c("CONSULT", {"BRA"}, {"CHN"}), _c("CONSULT", {"CHN"}, {"BRA"}))
    assert not compatible(_c("ACCUSE", {"BRA"}, {"CHN"}), _c("ACCUSE", {"CHN"}, {"BRA"}))


def test_eval_events_precision_match_is_one_to_one():
    gold = [_c("ASSAULT", {"USA"}, {"IRN"})]
    preds = [_c("ASSAULT", {"USA"}, {"IRN"}), _c("ASSAULT", {"USA"}, {"IRN"})]
    assert match(preds, gold) == [(0, 0)]


def test_eval_events_precision_thresholds_keep_confident_events():
    confidences, matched = [0.9, 0.6, 0.4, 0.1], [True, False, True, False]
    table = thresholds_table(confidences, matched, n_gold=4, thresholds=(0.5, 0.95))
    assert table["0.5"] == {"kept": 2, "precision": 0.5, "recall": 0.25}
    assert table["0.95"] == {"kept": 0, "precision": 0.0, "recall": 0.0}


def test_eval_events_precision_calibration_bins_compare_predicted_and_observed():
    rows = calibration_table([0.05, 0.15, 0.25, 1.0, 0.95], [False, True, False, True, True], edges=(0.0, 0.2, 0.5, 1.0))
    assert rows[0] == {"bin": "0-0.2", "n": 2, "predicted": 0.1, "observed": 0.5}
    assert rows[1]["n"] == 1 and rows[1]["observed"] == 0.0
    assert rows[2] == {"bin": "0.5-1", "n": 2, "predicted": 0.975, "observed": 1.0}  # 1.0 falls in the last bin


@pytest.mark.slow
def test_eval_events_precision_runs_on_gold():
    if not (GOLD / GOLD_FILE).exists():
        pytest.skip("eval/events_precision/sentences.jsonl is absent")
    result = evaluate(GOLD, limit=20)
    assert result.n == 20
    for key in ("precision", "recall", "f1", "spurious_rate", "category_precision", "precision_conf50", "recall_conf50"):
        assert key in result.metrics
    assert sum(row["n"] for row in result.details["calibration"]) == result.details["predicted_events"]
    assert 0.0 <= result.metrics["precision"] <= 1.0


def test_eval_events_precision_articles_come_from_every_corpus():
    articles = corpus_articles()
    if not articles:
        pytest.skip("the repository's corpus/ folder is absent")
    ids = {a.split("-", 1)[0] for a in articles}
    assert {"wikinews", "gum"} <= ids  # rows of either corpus are analysed in their article
    assert all(a["id"] == key and a["text"] for key, a in articles.items())
