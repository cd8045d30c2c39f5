"""The CASE 2021 event-type evaluator: PLOVER events → ACLED subtypes through the crosswalk data."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.eval import case2021_task2_event_types as C
from dyad.eval import known_datasets
from dyad.eval.metrics import label_scores, macro_f1, weighted_f1
from dyad.models import ActorRef, Event

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
SOLDIERS = ActorRef(id=None, name="soldiers", country="SYR", sector="MIL")
VILLAGERS = ActorRef(id=None, name="villagers", country="SYR", sector="CVL")
SYRIA = ActorRef(id="SYR", name="Syria", country="SYR")
PROTESTERS = ActorRef(id=None, name="protesters", country="LBN", sector="CVL", text="anti-government protesters")
POLICE = ActorRef(id=None, name="police", country="LBN", sector="COP", text="riot police")


def _event(category="ASSAULT", mode=None, cameo="19", context=(), target=(), start=0, confidence=0.5, source=()):
    return Event(category=category, source=tuple(source), target=tuple(target), sentence=0, start=start, end=start + 5,
                 trigger="x", mode=mode, context=tuple(context), cameo_root=cameo[:2] if cameo else None,
                 cameo_code=cameo, confidence=confidence)


def test_eval_case2021_crosswalk_loads_valid_rows():
    rows = C.load_acled_crosswalk().rows
    assert rows and all(r.category and r.acled_type for r in rows)
    assert "case2021_task2_event_types" in known_datasets()


@pytest.mark.parametrize(("event", "expected"), [
    (_event(mode="heavy-weapons", cameo="195"), "AIR_STRIKE"),
    (_event(mode="heavy-weapons", cameo="194"), "ART_MISS_ATTACK"),
    (_event(mode="explosives", cameo="183"), "REM_EXPLOS"),
    (_event(mode="suicide-attack", cameo="1831"), "SUIC_BOMB"),
    (_event(mode=None, cameo="19", context=("cbrn",)), "CHEM_WEAP"),
    (_event(mode="sexual", cameo="1821"), "SEX_VIOL"),
    (_event(mode="abduct", cameo="181"), "ABDUCT_DISSAP"),
    (_event(mode="destroy", cameo="1712"), "PROPERTY_DISTRUCT"),
    (_event(category="PROTEST", mode="riot", cameo="145"), "VIOL_DEMONSTR"),
    (_event(category="PROTEST", mode="demo", cameo="141"), "PEACE_PROTEST"),
    (_event(category="COERCE", mode="arrest", cameo="173"), "ARREST"),
    (_event(category="COERCE", mode=None, cameo="175"), "FORCE_AGAINST_PROTEST"),
    (_event(category="AGREE", cameo="03"), "AGREEMENT"),
    (_event(category="CONSULT", cameo="04"), "DIPLO"),
    (_event(category="AID", cameo="07"), None),  # no ACLED subtype for aid
])
def test_eval_case2021_crosswalk_maps_modes_and_codes(event, expected):
    assert C.acled_type(event) == expected


def test_eval_case2021_assault_sides_tell_clash_from_attack():
    assert C.acled_type(_event(mode="firearms", cameo="193", target=[SOLDIERS])) == "ARMED_CLASH"
    assert C.acled_type(_event(mode="firearms", cameo="193", target=[VILLAGERS])) == "ATTACK"
    assert C.acled_type(_event(cameo="19", target=[SYRIA])) == "ARMED_CLASH"  # a place says nothing of the sides
    assert C.acled_type(_event(cameo="18")) == "ATTACK"


def test_eval_case2021_crowds_tell_riots_and_repression():
    assert C.acled_type(_event(cameo="19", source=[PROTESTERS], target=[POLICE])) == "VIOL_DEMONSTR"
    beating = _event(mode="beat", cameo="182", source=[POLICE], target=[PROTESTERS])
    assert C.acled_type(beating) == "FORCE_AGAINST_PROTEST"
    arrest = _event(category="COERCE", mode="arrest", cameo="173", target=[PROTESTERS])
    assert C.acled_type(arrest) == "PROTEST_WITH_INTER"
    assert C.acled_type(_event(category="COERCE", mode="arrest", cameo="173", target=[VILLAGERS])) == "ARREST"


def test_eval_case2021_choice_rule_first_mapped_then_confident():
    aid = _event(category="AID", cameo="07", start=0, confidence=0.9)
    later = _event(mode="explosives", cameo="183", start=40, confidence=0.9)
    first = _event(category="COERCE", mode="arrest", cameo="173", start=10, confidence=0.3)
    assert C.predict([aid, later, first]) == ("ARREST", first)  # the unmapped AID is passed over
    mirror = _event(category="COERCE", mode="arrest", cameo="173", start=10, confidence=0.6)
    assert C.choose_event([first, mirror]) is mirror
    assert C.predict([aid]) == ("NONE", aid) and C.predict([]) == ("NONE", None)


def test_eval_case2021_weighted_f1_weights_by_gold_support():
    gold = ["A", "A", "A", "B"]
    pred = ["A", "A", "NONE", "A"]
    per = label_scores(gold, pred)
    assert per["A"]["f1"] == pytest.approx(2 * (2 / 3) * (2 / 3) / (4 / 3)) and per["B"]["f1"] == 0.0
    assert weighted_f1(gold, pred) == pytest.approx(per["A"]["f1"] * 3 / 4)
    assert macro_f1(gold, pred)[0] == pytest.approx(per["A"]["f1"] / 2)


def test_eval_case2021_categories_of_subtypes_include_category_only_rows():
    crosswalk = C.load_acled_crosswalk()
    assert crosswalk.categories_of("GRENADE") == {"ASSAULT"}  # no mode predicts it, the category does
    assert crosswalk.categories_of("AGREEMENT") >= {"AGREE", "RETREAT"}
    assert crosswalk.categories_of("NATURAL_DISASTER") == frozenset()


@pytest.mark.slow
def test_eval_case2021_runs_on_the_bench_folder():
    folder = BENCH / "case2021_task2_event_types"
    if not folder.is_dir():
        pytest.skip(f"{folder} not present (research-use gold data lives next to the repository)")
    result = C.evaluate(folder, limit=30)
    assert result.n == 30
    assert set(result.metrics) == {"weighted_f1", "weighted_f1_all", "macro_f1", "accuracy", "coverage",
                                   "category_accuracy"}
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())
    assert result.metrics["coverage"] > 0.3 and result.details["per_label"]
