"""Event recall on common phrasings of international news: ``dyad eval eval/event_probes``.

Gold: ``eval/event_probes/sentences.jsonl`` — self-contained sentences written for this set (not
drawn from any corpus), each with the PLOVER events a careful coder would code, often none; see the
folder's README for who wrote them and how. Unlike ``events_precision`` (every sentence of real
articles, mostly no event), the set is built to cover every PLOVER category in the ways news
phrases it, plus denied acts and sentences that only look like events.

Each sentence is analysed alone, dated with its row's date; events are matched one-to-one with the
gold by ``dyad.eval.events_precision`` (same category, compatible countries). Metrics: the matcher's
``precision``, ``recall``, ``f1``, ``spurious_rate``, ``category_precision`` and
``negation_agreement``, plus ``negated_as_positive_rate`` — the share of matched gold events the text
denies that Dyad codes as having happened (lower is better: the gate pins no floor on it; the
seeds' denied statements must never come out as positive events) — and ``quiet_accuracy``, the
share of sentences without a gold event on which Dyad codes none. ``details["by_category"]`` gives
recall per gold category.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from dyad.eval import EvalResult
from dyad.eval.events_precision import coded_event, events_alone, gold_events, match, score
from dyad.eval.metrics import read_jsonl

GOLD_FILE = "sentences.jsonl"


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    rows = read_jsonl(Path(folder) / GOLD_FILE, limit)
    predicted = events_alone(rows)
    metrics, details = score(rows, predicted)
    for key in ("precision_conf50", "recall_conf50"):
        metrics.pop(key)
    hits, totals, denied, denied_positive, quiet = Counter(), Counter(), 0, 0, []
    for row, events in zip(rows, predicted):
        golds, preds = gold_events(row), [coded_event(e) for e in events]
        pairs = match(preds, golds)
        totals.update(g.category for g in golds)
        hits.update(golds[j].category for _, j in pairs)
        denied += sum(golds[j].negated for _, j in pairs)
        denied_positive += sum(golds[j].negated and not preds[i].negated for i, j in pairs)
        if not golds:
            quiet.append(not preds)
    metrics["negated_as_positive_rate"] = denied_positive / denied if denied else 0.0
    metrics["quiet_accuracy"] = sum(quiet) / len(quiet) if quiet else 0.0
    details["by_category"] = {c: {"gold": n, "recall": round(hits[c] / n, 4)} for c, n in sorted(totals.items())}
    return EvalResult(dataset="event_probes", n=len(rows), metrics=metrics, details=details)
