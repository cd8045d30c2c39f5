"""Event precision on ordinary in-domain news: how many of the events Dyad emits are real.

Gold: ``eval/events_precision/sentences.jsonl`` — every sentence of the first ~10 of a spread of
Wikinews articles, each with the PLOVER events a careful coder would code (often none). See the
folder's README for the annotation rules.

Each article is analysed whole, as ``dyad ingest`` analyses it (one Doc, dated with the article's
date), because the annotators read the sentence in its article ("people get the country the text
gives them"); the events whose evidence starts inside a gold sentence are that sentence's. The
articles are read from the repository's corpora (``corpus/wikinews-ir``, ``corpus/gum-news`` and
``corpus/meantime``, found by the row's ``doc_id``); a sentence whose article is not there is analysed alone. The former figure, every
sentence analysed alone, stays in ``details["sentence_alone"]``. Every emitted event (negated or
not) is matched one-to-one with a gold event of the same sentence:

* same category, and
* compatible actors: for each side, the predicted set of PLOVER country codes (actors without a
  country dropped) equals the gold set, or is non-empty and contained in it (a partial list of a
  compound actor). For the reciprocal categories (CONSULT, AGREE, COOPERATE) the union of both
  sides is compared instead, since "A met B" and "B met A" are the same event.

Unmatched emitted events are false positives; unmatched gold events are misses.

The events' ``confidence`` is judged too: ``precision_conf50``/``recall_conf50`` keep only the
events of confidence ≥ 0.5; ``details["by_confidence"]`` gives precision and recall at other
thresholds and ``details["calibration"]`` the mean confidence against the share matched, per bin.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dyad.eval import EvalResult
from dyad.eval.metrics import read_jsonl
from dyad.eval.plover_gsr_cameo import countries, run_docs
from dyad.models import Event, is_negated

GOLD_FILE = "sentences.jsonl"
CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus"
CORPORA = (CORPUS_DIR / "wikinews-ir" / "articles.jsonl", CORPUS_DIR / "gum-news" / "articles.jsonl",
           CORPUS_DIR / "meantime" / "articles.jsonl")
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
CONFIDENCE_CUT = 0.5  # the threshold of the *_conf50 metrics
THRESHOLDS = (0.1, 0.2, 0.3, 0.5, 0.7)
CALIBRATION_EDGES = (0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0)


@dataclass(frozen=True)
class Coded:
    """One event reduced to what the metric compares."""

    category: str
    source: frozenset[str]
    target: frozenset[str]
    negated: bool = False
    trigger: str = ""


def _side_ok(pred: frozenset[str], gold: frozenset[str]) -> bool:
    return pred == gold or (bool(pred) and pred <= gold)


def compatible(pred: Coded, gold: Coded, category_only: bool = False) -> bool:
    """Whether a predicted event matches a gold one (see the module docstring)."""
    if pred.category != gold.category:
        return False
    if category_only:
        return True
    if pred.category in RECIPROCAL:
        return _side_ok(pred.source | pred.target, gold.source | gold.target)
    return _side_ok(pred.source, gold.source) and _side_ok(pred.target, gold.target)


def match(preds: list[Coded], golds: list[Coded], category_only: bool = False) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, in emission order; returns (pred index, gold index) pairs."""
    used: set[int] = set()
    pairs = []
    for i, pred in enumerate(preds):
        for j, gold in enumerate(golds):
            if j not in used and compatible(pred, gold, category_only):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def coded_event(event: Event) -> Coded:
    return Coded(event.category, frozenset(countries(event.source)), frozenset(countries(event.target)),
                 is_negated(event.negated, event.modality), event.trigger)


def gold_events(row: dict) -> list[Coded]:
    return [Coded(e["category"], frozenset(c for c in e["source"] if c), frozenset(c for c in e["target"] if c),
                  bool(e.get("negated"))) for e in row.get("events") or []]


def _show(c: Coded) -> str:
    neg = "not " if c.negated else ""
    return f"{neg}{c.category} {','.join(sorted(c.source)) or '-'} -> {','.join(sorted(c.target)) or '-'}"


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def thresholds_table(confidences: list[float], matched: list[bool], n_gold: int,
                     thresholds: tuple[float, ...] = THRESHOLDS) -> dict[str, dict[str, float]]:
    """Precision and recall of the events of confidence ≥ each threshold."""
    out = {}
    for t in thresholds:
        kept = [m for c, m in zip(confidences, matched) if c >= t - 1e-9]
        out[f"{t:g}"] = {"kept": len(kept), "precision": round(_ratio(sum(kept), len(kept)), 4),
                         "recall": round(_ratio(sum(kept), n_gold), 4)}
    return out


def calibration_table(confidences: list[float], matched: list[bool],
                      edges: tuple[float, ...] = CALIBRATION_EDGES) -> list[dict]:
    """Per confidence bin [lo, hi) (the last bin includes 1.0): events, mean confidence, share matched."""
    rows = []
    for k, (lo, hi) in enumerate(zip(edges, edges[1:])):
        last = k == len(edges) - 2
        inside = [(c, m) for c, m in zip(confidences, matched) if lo <= c and (c < hi or (last and c <= hi))]
        if inside:
            rows.append({"bin": f"{lo:g}-{hi:g}", "n": len(inside),
                         "predicted": round(sum(c for c, _ in inside) / len(inside), 3),
                         "observed": round(sum(m for _, m in inside) / len(inside), 3)})
    return rows


def _sentence_span(article: str, sentence: str, after: int) -> tuple[int, int] | None:
    """Where a gold sentence stands in its article (the next occurrence from ``after`` first)."""
    start = article.find(sentence, after)
    if start < 0:
        start = article.find(sentence)
    return None if start < 0 else (start, start + len(sentence))


def events_alone(rows: list[dict]) -> list[list[Event]]:
    """Each gold sentence analysed as a document of its own."""
    docs = run_docs([r["sentence"] for r in rows], [r.get("date") for r in rows])
    return [list(doc._.events or ()) for doc in docs]


def corpus_articles(corpora: tuple[Path, ...] = CORPORA) -> dict[str, dict]:
    """The corpus articles by id (a missing corpus file contributes nothing)."""
    return {a["id"]: a for path in corpora if path.exists() for a in read_jsonl(path)}


def events_in_context(rows: list[dict], corpora: tuple[Path, ...] = CORPORA) -> list[list[Event]]:
    """Each gold sentence's events, read off its whole article's analysis (in text order); the
    sentences whose article or text cannot be found are analysed alone."""
    articles = corpus_articles(corpora)
    wanted = sorted({r["doc_id"] for r in rows if r.get("doc_id") in articles})
    docs = dict(zip(wanted, run_docs([articles[i]["text"] for i in wanted], [articles[i].get("date") for i in wanted])))
    out: list[list[Event] | None] = []
    cursor: dict[str, int] = {}
    for row in rows:
        doc_id = row.get("doc_id")
        doc = docs.get(doc_id)
        span = None if doc is None else _sentence_span(articles[doc_id]["text"], row["sentence"], cursor.get(doc_id, 0))
        if span is None:
            out.append(None)
            continue
        cursor[doc_id] = span[0]
        out.append([e for e in doc._.events or () if span[0] <= e.start < span[1]])
    alone = iter(events_alone([r for r, e in zip(rows, out) if e is None]))
    return [next(alone) if e is None else e for e in out]


def score(rows: list[dict], predicted: list[list[Event]]) -> tuple[dict[str, float], dict]:
    """The metrics and details of one run (see the module docstring)."""
    tp = cat_tp = n_pred = n_gold = neg_ok = 0
    false_pos, misses, scored = [], [], []
    for row, events in zip(rows, predicted):
        preds = [coded_event(e) for e in events]
        golds = gold_events(row)
        pairs = match(preds, golds)
        tp += len(pairs)
        cat_tp += len(match(preds, golds, category_only=True))
        n_pred, n_gold = n_pred + len(preds), n_gold + len(golds)
        neg_ok += sum(preds[i].negated == golds[j].negated for i, j in pairs)
        hit_p, hit_g = {i for i, _ in pairs}, {j for _, j in pairs}
        scored += [(e.confidence, i in hit_p) for i, e in enumerate(events)]
        false_pos += [{"sentence": row["sentence"], "category": p.category, "pred": _show(p), "trigger": p.trigger,
                       "gold": [_show(g) for g in golds]} for i, p in enumerate(preds) if i not in hit_p]
        misses += [{"sentence": row["sentence"], "gold": _show(g)} for j, g in enumerate(golds) if j not in hit_g]
    precision, recall = _ratio(tp, n_pred), _ratio(tp, n_gold)
    # spurious_rate (events that match no gold event, per sentence) is lower-is-better: the gate
    # pins no floor on *_rate metrics
    confidences, matched = [c for c, _ in scored], [m for _, m in scored]
    cut = thresholds_table(confidences, matched, n_gold, (CONFIDENCE_CUT,))[f"{CONFIDENCE_CUT:g}"]
    metrics = {"precision": precision, "recall": recall, "f1": _ratio(2 * precision * recall, precision + recall),
               "spurious_rate": _ratio(n_pred - tp, len(rows)),
               "category_precision": _ratio(cat_tp, n_pred), "negation_agreement": _ratio(neg_ok, tp),
               "precision_conf50": cut["precision"], "recall_conf50": cut["recall"]}
    details = {"predicted_events": n_pred, "gold_events": n_gold,
               "by_confidence": thresholds_table(confidences, matched, n_gold),
               "calibration": calibration_table(confidences, matched),
               "false_positive_categories": dict(Counter(f["category"] for f in false_pos)),
               "false_positives": false_pos, "misses": misses}
    return metrics, details


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    rows = read_jsonl(Path(folder) / GOLD_FILE, limit)
    metrics, details = score(rows, events_in_context(rows))
    alone, _ = score(rows, events_alone(rows))
    details["sentence_alone"] = {k: round(v, 4) for k, v in alone.items()}
    return EvalResult(dataset="events_precision", n=len(rows), metrics=metrics, details=details)
