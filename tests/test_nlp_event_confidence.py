"""dyad.nlp.event_confidence: features, the logistic score, the model file, and the fitting script."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from dyad.errors import ConfigError
from dyad.nlp import event_confidence as ec

ROOT = Path(__file__).resolve().parents[1]
_PREFIXES = ("category:", "trigger:", "modality:", "group:", "lemma:")


def _features(**changes) -> ec.EventFeatures:
    base = ec.EventFeatures(
        category="CONSULT", trigger_kind="word", verbal=True, has_source=True, has_target=True, source_country=True,
        source_known=True, source_state=True, target_known=True, target_country=True, same_country=False, guessed=False,
        pronoun_actor=False, negated=False, modality="asserted", attributed=False, quoted=False, distance=2, sent_len=20)
    return replace(base, **changes)


def _fit_script():
    spec = importlib.util.spec_from_file_location("fit_event_confidence", ROOT / "scripts" / "fit_event_confidence.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


def test_nlp_event_confidence_model_file_names_only_known_features():
    raw = json.loads(ec.MODEL_FILE.read_text(encoding="utf-8"))
    known = set(ec.feature_values(_features()))
    for name in raw["weights"]:
        assert name in known or name.startswith(_PREFIXES), name
    assert set(raw["weights"]) <= set(raw["features"])
    for key in ("data", "fit", "cross_validation"):
        assert key in raw  # provenance travels with the coefficients


def test_nlp_event_confidence_probability_is_the_logistic_of_the_weighted_sum():
    model = ec.ConfidenceModel(intercept=-1.0, weights={"has_source": 2.0, "group:reciprocal": 0.5, "unused": 9.0})
    assert model.probability(_features()) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert model.probability(_features(has_source=False, category="ACCUSE")) == pytest.approx(1 / (1 + math.e))


def test_nlp_event_confidence_shipped_model_prefers_a_placed_source():
    model = ec.load_model()
    placed = model.probability(_features())
    bare = model.probability(_features(has_source=False, source_known=False, source_state=False, source_country=False,
                                       distance=-1))
    assert 0.0 < bare < placed < 1.0


def test_nlp_event_confidence_feature_values_use_category_class_and_distance():
    values = ec.feature_values(_features(category="AID", distance=12))
    assert values["group:cooperative"] == 1.0 and values["category:AID"] == 1.0
    assert values["far_source"] == 1.0 and values["no_source_mention"] == 0.0
    assert ec.feature_values(_features(distance=-1))["no_source_mention"] == 1.0


def test_nlp_event_confidence_trigger_word_is_a_feature_of_its_own():
    assert ec.feature_values(_features(lemma="condemn"))["lemma:condemn"] == 1.0
    assert not any(k.startswith("lemma:") for k in ec.feature_values(_features()))  # no word, no indicator


def test_nlp_event_confidence_trigger_kind_from_the_draft():
    draft = SimpleNamespace(frame=None, inner=None, trigger="met", verbal=True)
    assert ec._trigger_kind(draft) == "word"
    assert ec._trigger_kind(replace_ns(draft, trigger="held talks")) == "phrase"
    assert ec._trigger_kind(replace_ns(draft, inner="ASSAULT", trigger="vowed to strike")) == "frame"


def replace_ns(ns: SimpleNamespace, **changes) -> SimpleNamespace:
    return SimpleNamespace(**{**vars(ns), **changes})


def test_nlp_event_confidence_bad_model_file_raises(tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text('{"weights": {}}', encoding="utf-8")
    with pytest.raises(ConfigError):
        ec.load_model(bad)


def test_nlp_event_confidence_fit_recovers_known_weights():
    fit = _fit_script()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(4000, 2))
    p = 1 / (1 + np.exp(-(-1.0 + 2.0 * x[:, 0] - 1.0 * x[:, 1])))
    y = (rng.random(4000) < p).astype(float)
    w = fit.fit(x, y, penalty=0.01)
    assert w == pytest.approx([-1.0, 2.0, -1.0], abs=0.15)
    assert fit.auc(np.array([0.9, 0.1, 0.5]), np.array([1.0, 0.0, 0.0])) == 1.0


def test_nlp_event_confidence_former_formula_is_kept_for_comparison():
    fit = _fit_script()
    assert fit.former_formula(_features()) == pytest.approx(0.9)
    assert fit.former_formula(_features(has_target=False, verbal=False, guessed=True)) == pytest.approx(0.55)


@pytest.fixture(scope="session")
def nlp():
    from dyad.eval.plover_gsr_cameo import event_pipeline

    return event_pipeline()  # the evals' pipeline up to dyad_events


@pytest.mark.slow
def test_nlp_event_confidence_scores_coded_events_and_records_features(nlp):
    texts = ["Germany's foreign minister met his Polish counterpart in Warsaw on Tuesday.",
             "They condemned the attack, a spokesman said."]
    with ec.recording() as found:
        docs = [nlp(t) for t in texts]
    events = [e for d in docs for e in d._.events]
    assert events and len(found) >= len(events)
    model = ec.load_model()
    for event in events:
        feats = next(f for e, f in found if e == replace(event, confidence=0.5))
        assert event.confidence == pytest.approx(round(model.probability(feats), 3))
        assert 0.0 < event.confidence < 1.0
    with ec.recording() as again:
        pass
    nlp(texts[0])
    assert again == []  # nothing is kept outside the block
