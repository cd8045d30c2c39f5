"""Evaluate Dyad's event coder on ConfliBERT's CAMEO data: PentaClass + source/target spans.

* ``class_macro_f1`` (and ``class_accuracy``): the PentaClass of Dyad's primary event,
  from its CAMEO root: 0 statement/appeal (01–02), 1 verbal cooperation (03–05),
  2 material cooperation (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20).
  A sentence where Dyad codes no positive event is class 0: PLOVER does not code plain
  statements, and that is what the CAMEO "make statement" class holds.
* ``class_macro_f1_reduce_relations_verbal``: the same with CAMEO 16 (reduce relations:
  sanctions, suspended aid, expulsions) counted as class 3; the visible data labels those
  sentences 3 far more often than 4, so the README's reading of the ranges may be off there.
* ``source_f1``, ``target_f1``: span-level exact match on gold tokens (seqeval style) of the
  primary event's source (target) actors, with the actor's words (``ActorRef.text``) aligned
  to the gold tokenisation; reciprocal gold actors count on both sides.
* ``source_overlap_f1``, ``target_overlap_f1``: the same, a predicted span counting as right
  when it shares at least one token with an unmatched gold span of that role.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from dyad.eval import EvalResult
from dyad.eval.metrics import f1_score, macro_f1, safe_div
from dyad.eval.metrics import read_jsonl
from dyad.eval.plover_gsr_cameo import primary_event, run_docs
from dyad.models import ActorRef

GOLD_FILE = "records.jsonl"
_CLASS_OF_ROOT = {**{r: 0 for r in (1, 2)}, **{r: 1 for r in (3, 4, 5)}, **{r: 2 for r in (6, 7, 8)},
                  **{r: 3 for r in range(9, 14)}, **{r: 4 for r in range(14, 21)}}


def penta_class(cameo_root: str | None, reduce_relations_verbal: bool = False) -> int:
    if not cameo_root or not cameo_root[:2].isdigit():
        return 0
    if reduce_relations_verbal and cameo_root[:2] == "16":
        return 3
    return _CLASS_OF_ROOT.get(int(cameo_root[:2]), 0)


def token_offsets(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Character span of each gold token in ``text`` (tokens are found in order)."""
    spans, pos = [], 0
    for tok in tokens:
        at = text.find(tok, pos)
        if at < 0:
            spans.append((pos, pos))
            continue
        spans.append((at, at + len(tok)))
        pos = at + len(tok)
    return spans


def actor_token_span(doc: Doc, actor: ActorRef, offsets: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Gold-token span [start, end) covering the actor's words in the sentence."""
    words = actor.text or actor.name
    at = doc.text.find(words)
    if at < 0:
        return None
    inside = [i for i, (s, e) in enumerate(offsets) if e > at and s < at + len(words)]
    return (inside[0], inside[-1] + 1) if inside else None


def _match(gold: list[tuple[int, int]], pred: list[tuple[int, int]], overlap: bool) -> tuple[int, int, int]:
    free = list(gold)
    tp = 0
    for span in pred:
        hit = next((g for g in free if g == span or (overlap and g[0] < span[1] and span[0] < g[1])), None)
        if hit is not None:
            free.remove(hit)
            tp += 1
    return tp, len(pred) - tp, len(free)


def evaluate(folder: Path, limit: int | None = None) -> EvalResult:
    rows = read_jsonl(Path(folder) / GOLD_FILE, limit)
    docs = run_docs([r["text"] for r in rows])
    gold_cls, pred_cls, pred_alt = [], [], []
    counts = {(role, ov): [0, 0, 0] for role in ("source", "target") for ov in (False, True)}
    for row, doc in zip(rows, docs):
        event = primary_event(doc)
        gold_cls.append(int(row["label"]))
        pred_cls.append(penta_class(event.cameo_root) if event else 0)
        pred_alt.append(penta_class(event.cameo_root, reduce_relations_verbal=True) if event else 0)
        offsets = token_offsets(row["text"], row["tokens"])
        for role in ("source", "target"):
            gold = [(a["start_token"], a["end_token"]) for a in row["actor_spans"] if a["role"] in (role, "reciprocal")]
            actors = (event.source if role == "source" else event.target) if event else ()
            pred = [s for s in (actor_token_span(doc, a, offsets) for a in actors) if s is not None]
            for overlap in (False, True):
                tp, fp, fn = _match(gold, sorted(set(pred)), overlap)
                c = counts[(role, overlap)]
                c[0], c[1], c[2] = c[0] + tp, c[1] + fp, c[2] + fn
    f1, per_class = macro_f1([str(g) for g in gold_cls], [str(p) for p in pred_cls])
    metrics = {"class_macro_f1": f1, "class_accuracy": safe_div(sum(g == p for g, p in zip(gold_cls, pred_cls)), len(rows)),
               "class_macro_f1_reduce_relations_verbal": macro_f1([str(g) for g in gold_cls], [str(p) for p in pred_alt])[0]}
    for (role, overlap), (tp, fp, fn) in counts.items():
        name = f"{role}_overlap_f1" if overlap else f"{role}_f1"
        metrics[name] = f1_score(safe_div(tp, tp + fp), safe_div(tp, tp + fn))
    return EvalResult(dataset="conflibert_cameo", n=len(rows), metrics=metrics, details={"per_class_f1": per_class})
