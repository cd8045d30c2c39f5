"""Evaluators for actor resolution (NGEC) and NER (CoNLL-2003) on hand-made gold folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.errors import EvalError
from dyad.eval import evaluate, gold_sha256

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def ngec_case(text, expected, context=None, date=None, method="agent_to_code", expected_not=None):
    case = {"id": text, "method": method, "actor_text": text, "context": context, "date": date,
            "expected": expected}
    if expected_not:
        case["expected_not"] = expected_not
    return case


def test_eval_actors_ngec_metrics(tmp_path):
    folder = tmp_path / "ngec_actor_resolution"
    write_jsonl(folder / "records.jsonl", [
        ngec_case("Turkish soldiers", {"country": "TUR", "code_1": "MIL"}),
        ngec_case("Defence Minister", {"country": "JPN", "code_1": "GOV"}, context="Japanese"),
        ngec_case("Kenya", {"country": "KEN", "code_1": ""}, date="today"),
        ngec_case("Peter Lindqvist", {"_result": None}),
        ngec_case("World Health Organization", {"country": "UNO", "wiki": "World Health Organization"}),
        ngec_case("NATO", {"title": "NATO"}, method="query_wiki"),
        ngec_case("Turkish farmers", {"country": "GRC", "code_1": "AGR"}),  # a wrong country
        ngec_case("Erdogan", {"country": "TUR", "actor_wiki_job": "President of Turkey"}),
        ngec_case("Chinese firms", {"country": "CHN"}, expected_not={"code_1": "GOV"}),
    ])
    result = evaluate(folder)
    assert result.n == 9
    assert result.metrics["country_accuracy"] == pytest.approx(6 / 7, abs=1e-3)
    assert result.metrics["sector_accuracy"] == 1.0
    assert result.metrics["wiki_accuracy"] == 1.0
    assert result.metrics["none_accuracy"] == 1.0
    assert result.metrics["pass_rate"] == pytest.approx(7 / 9, abs=1e-3)  # wrong country + unsupported field
    failed = {e["text"] for e in result.details["errors"]}
    assert failed == {"Turkish farmers", "Erdogan"}


def test_eval_actors_ngec_missing_gold(tmp_path):
    folder = tmp_path / "ngec_actor_resolution"
    folder.mkdir()
    with pytest.raises(EvalError):
        evaluate(folder)
    with pytest.raises(EvalError):
        gold_sha256(folder)


def conll_sentence(doc_index, tokens, entities):
    return {"id": f"t-{doc_index}-{len(tokens)}", "doc_index": doc_index, "tokens": tokens,
            "entities": [{"type": t, "start": s, "end": e, "text": " ".join(tokens[s:e])} for t, s, e in entities]}


@pytest.mark.slow
def test_eval_actors_conll_scores_exact_matches(tmp_path):
    folder = tmp_path / "conll2003_ner"
    write_jsonl(folder / "sentences.jsonl", [
        conll_sentence(0, ["Angela", "Merkel", "visited", "Paris", "on", "Monday", "."],
                       [("PER", 0, 2), ("LOC", 3, 4)]),
        conll_sentence(0, ["Google", "hired", "three", "German", "engineers", "."],
                       [("ORG", 0, 1), ("MISC", 3, 4)]),
        conll_sentence(1, ["Nothing", "to", "see", "here", "."], []),
    ])
    result = evaluate(folder)
    assert result.n == 3
    assert set(result.metrics) == {"precision", "recall", "f1"}
    assert result.metrics["recall"] >= 0.75  # the small model finds at least 3 of these 4
    assert set(result.details["per_type"]) == {"PER", "LOC", "ORG", "MISC"}


def test_eval_actors_conll_scoring_is_conlleval_like():
    from dyad.eval.conll2003_ner import score

    gold = [{(0, 2, "PER"), (3, 4, "LOC")}, {(0, 1, "ORG")}]
    pred = [{(0, 2, "PER"), (3, 4, "ORG")}, {(0, 1, "ORG"), (2, 3, "MISC")}]
    result = score(gold, pred)
    assert result["micro"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}
    assert result["per_type"]["LOC"]["recall"] == 0.0

# Full runs on ../shared/bench are gated against eval/floors.json in tests/test_eval_floors.py.
