"""Evaluation gates CI: every NLP gold set and the question files must clear their pinned floors.

The floors and each gold file's sha256 are in eval/floors.json; `dyad eval DIR --update-floors`
re-pins them and refuses to lower one without --allow-lower. (The extraction and date sets are
gated in tests/test_eval_extraction.py.)
"""

from pathlib import Path

import pytest

from dyad.eval import evaluate, gold_sha256
from dyad.eval import gate

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
NLP_SETS = ["plover_gsr_cameo", "petrarch2_gsr_validation", "conflibert_cameo", "ngec_actor_resolution",
            "conll2003_ner", "polnear_attribution"]


@pytest.mark.slow
@pytest.mark.bench
@pytest.mark.parametrize("name", NLP_SETS)
def test_eval_floors_nlp_gold_sets(name):
    folder = BENCH / name
    if not folder.is_dir():
        pytest.skip(f"{folder} not present (research-use gold data lives next to the repository)")
    result = evaluate(folder)
    assert gate.check(result, gold_sha256(folder)) == []


@pytest.mark.slow
def test_eval_floors_question_files():
    if not (ROOT.parent / "shared" / "seeds").is_dir():
        pytest.skip("../shared/seeds is not present (the seed questions ingest it)")
    folder = ROOT / "eval" / "questions"
    result = evaluate(folder)
    assert result.n >= 100
    assert gate.check(result, gold_sha256(folder)) == []


@pytest.mark.slow
def test_eval_floors_event_precision():
    folder = ROOT / "eval" / "events_precision"  # in-domain, openly licensed: kept in the repository
    result = evaluate(folder)
    assert result.n >= 100
    assert gate.check(result, gold_sha256(folder)) == []


@pytest.mark.slow
def test_eval_floors_event_probes():
    folder = ROOT / "eval" / "event_probes"  # written for the project: kept in the repository
    result = evaluate(folder)
    assert result.n >= 600
    assert gate.check(result, gold_sha256(folder)) == []
