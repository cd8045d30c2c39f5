"""The event evaluators: plover_gsr_cameo, petrarch2_gsr_validation, conflibert_cameo."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.eval import conflibert_cameo as C
from dyad.eval import petrarch2_gsr_validation as V
from dyad.eval import plover_gsr_cameo as P
from dyad.models import ActorRef, Event

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def _event(category="AID", mode=None, root="07", source=(), target=(), negated=False, modality="asserted"):
    return Event(category=category, source=tuple(source), target=tuple(target), sentence=0, start=0, end=1,
                 trigger="x", mode=mode, cameo_root=root, negated=negated, modality=modality)


CHN = ActorRef(id="CHN", name="China", country="CHN")
UN = ActorRef(id="UN", name="United Nations", country="UNO")
IRN_GOV = ActorRef(id="IRN.GOV", name="Iran", country="IRN", sector="GOV")


def test_eval_events_macro_f1_counts_missing_predictions_as_wrong():
    f1, per = P.macro_f1(["AID", "AID", "REJECT"], ["AID", None, "REJECT"])
    assert per == {"AID": pytest.approx(2 / 3), "REJECT": 1.0}
    assert f1 == pytest.approx((2 / 3 + 1) / 2)


def test_eval_events_countries_write_organisations_as_igo():
    assert P.countries([CHN, UN, ActorRef(id=None, name="x")]) == {"CHN", "IGO"}


@pytest.mark.parametrize(("root", "label"), [("01", 0), ("02", 0), ("03", 1), ("05", 1), ("06", 2), ("08", 2),
                                             ("09", 3), ("13", 3), ("14", 4), ("20", 4), (None, 0)])
def test_eval_events_penta_class(root, label):
    assert C.penta_class(root) == label


def test_eval_events_token_alignment_and_span_matching():
    text = "A car bomb in Kiev killed a Chechen."
    tokens = ["A", "car", "bomb", "in", "Kiev", "killed", "a", "Chechen", "."]
    offsets = C.token_offsets(text, tokens)
    assert offsets[4] == (14, 18)
    assert C._match([(0, 3)], [(0, 3)], overlap=False) == (1, 0, 0)
    assert C._match([(0, 3)], [(1, 2)], overlap=False) == (0, 1, 1)
    assert C._match([(0, 3)], [(1, 2)], overlap=True) == (1, 0, 0)


def test_eval_events_cameo_codes_and_triples():
    assert V.gold_code("TUNJUD") == ("TUN", "JUD") and V.gold_code("---") == ("---", "")
    assert V.actor_code(IRN_GOV) == ("IRN", "GOV") and V.actor_code(UN) == ("IGO", "UNO")
    assert V.event_code(_event("ASSAULT", root="19")) == "190"
    assert V.event_code(_event("REQUEST", root="02")) == "020"  # an appeal stays an appeal
    triples = V.predicted_triples([_event(source=[CHN], target=[IRN_GOV]), _event(target=[CHN])])
    assert triples == {(("CHN", ""), ("IRN", "GOV"), "070")}  # no source → no CAMEO event


def test_eval_events_full_cameo_codes_are_compared_exactly():
    from dataclasses import replace

    specific = replace(_event(source=[CHN], target=[IRN_GOV]), cameo_code="0331", cameo_root="03", category="AGREE")
    assert V.event_code(specific) == "0331"
    assert V.event_code(replace(specific, cameo_code="19", cameo_root="19")) == "190"
    gold = V.gold_triples({"events": [{"source": "CHN", "target": "IRNGOV", "event_code": "0331"}]})
    assert gold == V.predicted_triples([specific])
    near = V.gold_triples({"events": [{"source": "CHN", "target": "IRNGOV", "event_code": "033"}]})
    assert near != V.predicted_triples([specific])  # exact means the full code


def test_eval_events_primary_event_skips_negated_and_denied():
    class FakeDoc:
        pass

    doc = FakeDoc()
    doc._ = type("U", (), {"events": [_event(negated=True), _event("THREATEN", modality="denied")]})()
    assert P.primary_event(doc) is None
    assert P.positive_events(doc) == []


@pytest.mark.slow
@pytest.mark.bench
@pytest.mark.parametrize("name", ["plover_gsr_cameo", "petrarch2_gsr_validation", "conflibert_cameo"])
def test_eval_events_runs_on_the_bench(name):
    folder = BENCH / name
    if not folder.is_dir():
        pytest.skip(f"{folder} not present (gold data lives next to the repository)")
    from dyad.eval import evaluate

    result = evaluate(folder, limit=12)
    assert result.n == 12
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())
    if name == "plover_gsr_cameo":
        assert {"category_accuracy", "category_macro_f1", "source_country_match", "target_country_match"} <= set(result.metrics)
    elif name == "petrarch2_gsr_validation":
        assert {"precision", "recall", "f1", "root_f1", "country_f1"} <= set(result.metrics)
    else:
        assert {"class_macro_f1", "source_f1", "target_f1", "source_overlap_f1", "target_overlap_f1"} <= set(result.metrics)
