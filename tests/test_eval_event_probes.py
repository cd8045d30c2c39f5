"""dyad.eval.event_probes: the metrics on a small hand-made folder, and the shipped gold's shape."""

from __future__ import annotations

import json
from pathlib import Path

from dyad.eval import evaluate
from dyad.eval.event_probes import GOLD_FILE

GOLD = Path(__file__).resolve().parents[1] / "eval" / "event_probes"
_CATEGORIES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _row(i: int, sentence: str, events: list[dict]) -> str:
    return json.dumps({"id": f"T-{i}", "date": "2024-05-01", "sentence": sentence, "events": events})


def test_eval_event_probes_scores_hits_denials_and_quiet_sentences(tmp_path):
    folder = tmp_path / "event_probes"
    folder.mkdir()
    rows = [
        _row(1, "Iran launched dozens of missiles at Israel on Saturday.",
             [{"category": "ASSAULT", "source": ["IRN"], "target": ["ISR"], "negated": False}]),
        _row(2, "No, Germany has not expelled the Russian ambassador.",
             [{"category": "SANCTION", "source": ["DEU"], "target": ["RUS"], "negated": True}]),
        _row(3, "Argentina beat France 4-2 on penalties in the World Cup final.", []),
    ]
    (folder / GOLD_FILE).write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = evaluate(folder)
    assert result.n == 3
    assert result.metrics["recall"] == 1.0 and result.metrics["precision"] == 1.0
    assert result.metrics["negated_as_positive_rate"] == 0.0  # the denied expulsion is coded negated
    assert result.metrics["quiet_accuracy"] == 1.0
    assert result.details["by_category"]["SANCTION"] == {"gold": 1, "recall": 1.0}


def test_eval_event_probes_gold_is_well_formed():
    rows = [json.loads(line) for line in (GOLD / GOLD_FILE).read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 300 and len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["sentence"] and row["date"][:2] == "20"
        for event in row["events"]:
            assert event["category"] in _CATEGORIES and isinstance(event["negated"], bool)
            assert all(len(c) == 3 and c.isupper() for c in event["source"] + event["target"])
