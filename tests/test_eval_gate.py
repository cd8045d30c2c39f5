"""The floors gate on hand-made results (no gold data needed)."""

from __future__ import annotations

import json

import pytest

from dyad.errors import EvalError
from dyad.eval import EvalResult
from dyad.eval.gate import FLOORS_PATH, check, load, update

SHA = "a" * 64


def _result(**metrics: float) -> EvalResult:
    return EvalResult(dataset="toy_set", n=1000, metrics=metrics)


@pytest.fixture
def floors_file(tmp_path):
    return tmp_path / "floors.json"


def test_eval_gate_update_pins_floors_below_measured(floors_file):
    pinned = update(_result(f1=0.90, accuracy=0.80, f1_std=0.01), SHA, path=floors_file)
    assert pinned.floors == {"f1": 0.89, "accuracy": 0.79}  # spreads are not gated
    assert json.loads(floors_file.read_text())["toy_set"]["sha256"] == SHA


def test_eval_gate_check_passes_at_or_above_floor(floors_file):
    update(_result(f1=0.90), SHA, path=floors_file)
    assert check(_result(f1=0.89), SHA, path=floors_file) == []
    assert check(_result(f1=0.95), SHA, path=floors_file) == []


def test_eval_gate_check_reports_metric_below_floor(floors_file):
    update(_result(f1=0.90), SHA, path=floors_file)
    problems = check(_result(f1=0.70), SHA, path=floors_file)
    assert len(problems) == 1 and "f1 0.7000 is below its floor 0.8900" in problems[0]


def test_eval_gate_check_reports_changed_gold(floors_file):
    update(_result(f1=0.90), SHA, path=floors_file)
    problems = check(_result(f1=0.90), "b" * 64, path=floors_file)
    assert any("gold file changed" in p for p in problems)


def test_eval_gate_check_reports_missing_metric_and_unpinned_dataset(floors_file):
    update(_result(f1=0.90, recall=0.9), SHA, path=floors_file)
    assert any("recall is pinned but missing" in p for p in check(_result(f1=0.9), SHA, path=floors_file))
    other = EvalResult(dataset="other_set", n=1, metrics={"f1": 1.0})
    assert "no floors pinned" in check(other, SHA, path=floors_file)[0]


def test_eval_gate_update_refuses_to_lower_without_flag(floors_file):
    update(_result(f1=0.90), SHA, path=floors_file)
    with pytest.raises(EvalError, match="lower floors"):
        update(_result(f1=0.80), SHA, path=floors_file)
    assert load(floors_file)["toy_set"].floors["f1"] == 0.89  # file untouched


def test_eval_gate_update_lowers_with_flag(floors_file):
    update(_result(f1=0.90), SHA, path=floors_file)
    assert update(_result(f1=0.80), SHA, allow_lower=True, path=floors_file).floors["f1"] == 0.79


def test_eval_gate_update_keeps_floor_still_cleared_and_ratchets_up(floors_file):
    update(_result(f1=0.90), SHA, path=floors_file)
    # 0.895 still clears 0.89: keep it rather than drift down to 0.885
    assert update(_result(f1=0.895), SHA, path=floors_file).floors["f1"] == 0.89
    assert update(_result(f1=0.95), SHA, path=floors_file).floors["f1"] == 0.94


def test_eval_gate_margin_widens_on_small_sets(floors_file):
    small = EvalResult(dataset="tiny", n=50, metrics={"accuracy": 0.5})
    assert update(small, SHA, path=floors_file).floors["accuracy"] == 0.47  # 1.5 items of 50


def test_eval_gate_keeps_other_datasets(floors_file):
    update(_result(f1=0.90), SHA, path=floors_file)
    update(EvalResult(dataset="conll2003_ner", n=5, metrics={"f1": 0.8}), SHA, path=floors_file)
    assert set(load(floors_file)) == {"toy_set", "conll2003_ner"}


def test_eval_gate_malformed_file_is_an_eval_error(floors_file):
    floors_file.write_text("{not json")
    with pytest.raises(EvalError, match="malformed"):
        load(floors_file)


def test_eval_gate_repository_floors_are_well_formed():
    floors = load(FLOORS_PATH)
    for name in ("article_extraction_benchmark", "trafilatura_eval", "htmldate_eval"):
        assert len(floors[name].sha256) == 64
        assert all(0.0 <= v <= 1.0 for v in floors[name].floors.values())
