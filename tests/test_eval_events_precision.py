"""dyad.eval.events_precision: matching rules on hand-built events, and the run on the gold set."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.eval.events_precision import GOLD_FILE, Coded, compatible, evaluate, match

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


@pytest.mark.slow
def test_eval_events_precision_runs_on_gold():
    if not (GOLD / GOLD_FILE).exists():
        pytest.skip("eval/events_precision/sentences.jsonl is absent")
    result = evaluate(GOLD, limit=20)
    assert result.n == 20
    for key in ("precision", "recall", "f1", "spurious_rate", "category_precision"):
        assert key in result.metrics
    assert 0.0 <= result.metrics["precision"] <= 1.0
